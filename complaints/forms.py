"""Forms; their crispy-forms layouts live here, never in templates."""

from __future__ import annotations

from typing import Any, cast

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .lifecycle import TransitionRequest
from .models import Communication, TreatyStatus, User


class SignupForm(AllauthSignupForm):
    """Public sign-up creates filers only; staff accounts are made by an administrator."""

    filer_kind = forms.ChoiceField(label=_("I am"), choices=User.FilerKind.choices, widget=forms.RadioSelect)

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        user.role = User.Role.FILER
        user.filer_kind = self.cleaned_data["filer_kind"]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "")[:8]
        user.save(update_fields=["role", "filer_kind", "preferred_language"])
        return user


def state_choices() -> list[tuple[str, Any]]:
    parties = TreatyStatus.objects.filter(opic_status=TreatyStatus.OpicStatus.PARTY).order_by("name")
    return [("", _("Choose the country")), *((row.iso3, row.name) for row in parties)]


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
