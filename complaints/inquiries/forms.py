"""The forms of the inquiry pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.models import Inquiry, Organisation, TreatyStatus


def _day(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"}))


class InquiryForm(forms.Form):
    state = forms.ModelChoiceField(
        label=_("State concerned"),
        queryset=TreatyStatus.objects.filter(opic_status=TreatyStatus.OpicStatus.PARTY),
        help_text=_("Only States party to the Optional Protocol are listed."),
    )
    organisation = forms.ModelChoiceField(label=_("Sent by"), queryset=Organisation.objects.none())
    title = forms.CharField(label=Inquiry._meta.get_field("title").verbose_name, max_length=200)
    summary = forms.CharField(
        label=_("What the information shows"),
        help_text=_("Grave or systematic violations of children's rights: what, where, since when, sources."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    submitted_on = _day(_("Sent to the Committee on"))

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        field.queryset = organisations if organisations is not None else Organisation.objects.none()
        if len(field.queryset) == 1:  # one organisation: nothing to choose
            field.initial = field.queryset[0].pk
            field.empty_label = None


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("What happened"))
    on = _day(_("On (the date of the letter or of the answer)"))
    due_on = _day(_("Answer by (only when the Committee set a date)"), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, steps: list[tuple[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = steps or []  # type: ignore[attr-defined]
