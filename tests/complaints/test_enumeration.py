"""Password reset and sign-up do not reveal whether an address has an account."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, override_settings
from django.urls import reverse

from complaints.models import User
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_password_reset_answers_the_same_for_an_address_without_an_account(world: World) -> None:
    known = Client().post(reverse("account_reset_password"), {"email": world.filer.email})
    unknown = Client().post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_signing_up_with_a_taken_address_looks_like_any_sign_up_and_tells_the_owner(world: World) -> None:
    form = {
        "password1": "a-long-new-passphrase-9",
        "password2": "a-long-new-passphrase-9",
        "filer_kind": "child",
    }
    new = Client().post(reverse("account_signup"), {**form, "email": "new@example.org"})
    mail.outbox.clear()
    taken = Client().post(reverse("account_signup"), {**form, "email": world.filer.email})
    assert new.status_code == taken.status_code == 302
    assert new["Location"] == taken["Location"]
    assert User.objects.filter(email__iexact=world.filer.email).count() == 1
    assert [m.to for m in mail.outbox] == [[world.filer.email]]  # the owner hears of it, nobody else


def test_the_deploy_check_warns_when_email_verification_is_not_mandatory() -> None:
    with (
        override_settings(ACCOUNT_EMAIL_VERIFICATION="optional"),
        pytest.raises(SystemCheckError, match=r"portal\.W001"),
    ):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")
