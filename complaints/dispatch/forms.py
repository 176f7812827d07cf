"""The forms of "Send to the Committee" and of the secretariat's answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.models import ClarificationRequest, ProcedureRequest

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _day(label: StrOrPromise) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}))


class SendAgainMixin(forms.Form):
    confirm_again = forms.BooleanField(
        label=_("Yes, send it again: I know it was already sent."), required=False
    )


class EmailDispatchForm(SendAgainMixin):
    """Nothing to fill in but the confirmation when it was sent before."""


class PostDispatchForm(SendAgainMixin):
    posted_on = _day(_("Posted on"))
    receipt = forms.CharField(
        label=_("What the post office's receipt says"),
        help_text=_("For example the tracking number of the registered letter."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AcknowledgementForm(forms.Form):
    on = _day(_("Acknowledged on"))
    registration_reference = forms.CharField(
        label=_("Registration reference given by the secretariat"), max_length=64
    )


class ClarificationForm(forms.Form):
    requested_on = _day(_("Asked on"))
    due_on = _day(_("Answer by (the date in the secretariat's letter)"))
    note = forms.CharField(
        label=ClarificationRequest._meta.get_field("note").verbose_name,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ClarificationAnsweredForm(forms.Form):
    answered_on = _day(_("Answered on"))


class ProcedureRequestForm(forms.Form):
    """A later letter of the Committee; prefixed, being on the page beside the clarification's form."""

    prefix = "later"
    kind = forms.ChoiceField(
        label=_("What the Committee's letter is about"), choices=ProcedureRequest.Kind.choices
    )
    requested_on = _day(_("Letter dated"))
    due_on = _day(_("Answer by (the date in the Committee's letter)"))
    note = forms.CharField(
        label=ProcedureRequest._meta.get_field("note").verbose_name,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProcedureAnsweredForm(ClarificationAnsweredForm):
    prefix = "later"
