"""The public sign-up form."""

from __future__ import annotations

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from complaints.models import User


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
