"""Forms of the casework pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.lifecycle import TransitionRequest
from complaints.models import Communication


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("What happened"))
    on = forms.DateField(label=_("On"), widget=forms.DateInput(attrs={"type": "date"}))
    committee_reference = forms.CharField(label=_("Committee reference"), required=False, max_length=64)
    closure = forms.ChoiceField(
        label=_("Closed as"), required=False, choices=[("", "—"), *Communication.Closure.choices]
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["to"]).choices = [
            (value, Communication.Status(value).label) for value in allowed
        ]

    def to_request(self) -> TransitionRequest:
        return TransitionRequest(**self.cleaned_data)


class ViewsTransmittedForm(forms.Form):
    """The day the Committee sent its Views to the State: the follow-up's six months run from it."""

    on = forms.DateField(
        label=_("The Views were transmitted to the State on"), widget=forms.DateInput(attrs={"type": "date"})
    )
