"""The forms of the settlement page; the checks of substance are in complaints.settlements.services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.models import Settlement, SettlementStep

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OpenForm(forms.Form):
    on = forms.DateField(label=_("Talks opened on"), widget=DATE)


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=SettlementStep.Kind.choices)
    on = forms.DateField(label=_("Date"), widget=DATE)
    due_on = forms.DateField(
        label=_("Answer due (for a request of the Committee)"), required=False, widget=DATE
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AnsweredForm(forms.Form):
    step = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label=_("Answered on"), widget=DATE)


class AgreementForm(forms.Form):
    agreed_on = forms.DateField(label=_("Agreement reached on"), widget=DATE)
    terms = forms.CharField(label=_("Terms agreed"), widget=forms.Textarea(attrs={"rows": 4}))
    state_commitments = forms.CharField(
        label=_("What the State will do for the child"),
        help_text=_("Name the measures for the child concerned, as the terms say them."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    author_agreed_on = forms.DateField(label=_("The author agreed on"), widget=DATE)
    child_agreement = forms.ChoiceField(
        label=_("The child's answer to the terms"),
        choices=Settlement.ChildAgreement.choices,
        widget=forms.RadioSelect,
    )
    child_agreement_on = forms.DateField(label=_("The child's answer recorded on"), widget=DATE)
    child_agreement_reason = forms.CharField(
        label=_("Why the child could not be asked"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DayForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
