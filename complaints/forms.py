"""Forms; their crispy-forms layouts live here, never in templates."""

from __future__ import annotations

from typing import Any, cast

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from complaints import cldr
from complaints.lifecycle import TransitionRequest
from complaints.models import Communication, Invitation, Person, TreatyStatus, User


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
    """Return the States parties, named and sorted in the reader's language (CLDR)."""
    language = get_language() or settings.LANGUAGE_CODE
    parties = TreatyStatus.objects.filter(opic_status=TreatyStatus.OpicStatus.PARTY).values_list(
        "iso3", flat=True
    )
    named = sorted(
        ((iso3, cldr.state_name(iso3, language)) for iso3 in parties), key=lambda row: row[1].casefold()
    )
    return [("", _("Choose the country")), *named]


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


class InvitationForm(forms.Form):
    """A caseworker asks the child or a parent to read the draft and answer."""

    role = forms.ChoiceField(
        label=_("Whom do you invite?"), choices=Invitation.Role.choices, widget=forms.RadioSelect
    )
    person = forms.ModelChoiceField(
        label=_("Which child is it about?"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("The child's answer is recorded as their consent (OPIC art. 5(2))."),
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_(
            "We send the link there, and only the account with this address can open it. Leave it empty to "
            "give the link yourself, for example in a meeting."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, communication: Communication, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        victims = communication.people.filter(role=Person.Role.VICTIM)
        person_field = cast(forms.ModelChoiceField, self.fields["person"])
        person_field.queryset = victims
        if victims.count() == 1:
            self.initial.setdefault("person", victims.first())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Invitation.Role.CHILD and not data.get("person"):
            self.add_error("person", _("Choose the child you invite; add the children on the draft first."))
        return data


class InvitationAnswerForm(forms.Form):
    """The invited child or parent answers: agree, ask for changes, or do not agree."""

    answer = forms.ChoiceField(
        label=_("Your answer"), choices=Invitation.Answer.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("What should change, or why you do not agree"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed if you ask for changes or do not agree. The caseworker reads it."),
    )
    own_words = forms.CharField(
        label=_("In your own words, why you agree (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("This goes to the Committee with the communication."),
    )

    def __init__(self, *args: Any, for_child: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not for_child:
            del self.fields["own_words"]
        else:
            cast(forms.ChoiceField, self.fields["answer"]).choices = [
                (Invitation.Answer.AGREED, _("Yes, I agree that it is sent")),
                (Invitation.Answer.CHANGES, _("Something should change first")),
                (Invitation.Answer.DECLINED, _("No, I do not agree")),
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("answer") in {Invitation.Answer.CHANGES, Invitation.Answer.DECLINED}
            and not (data.get("comment") or "").strip()
        ):
            self.add_error(
                "comment", _("Please tell us in a few words what should change, or why you do not agree.")
            )
        return data
