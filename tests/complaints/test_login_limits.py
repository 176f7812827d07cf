"""Log-in resists guessing without locking out a school: limits per account, generous per address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import World, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory
from tests.portal.test_settings import settings_loaded

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"
PROXY = "10.0.0.2"  # the TLS proxy: every request reaches the portal from it


def sign_in(email: str, password: str, **extra: Any) -> tuple[Client, Any]:
    client = Client()
    response = client.post(reverse("account_login"), {"login": email, "password": password}, **extra)
    return client, response


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_behind_one_nat_fifty_people_sign_in_within_a_minute() -> None:
    pupils = UserFactory.create_batch(50)
    for pupil in pupils:
        client, response = sign_in(pupil.email, PASSWORD, REMOTE_ADDR="198.51.100.20")
        assert response.status_code == 302, f"{pupil.email}: {response.status_code}"
        assert signed_in(client)


def test_wrong_passwords_of_one_person_at_a_school_do_not_lock_out_the_others_there() -> None:
    victim, colleague = UserFactory.create_batch(2)
    strangers = UserFactory.create_batch(2)
    for account in (victim, *strangers):
        for _ in range(5):
            _, response = sign_in(account.email, "wrong-guess", REMOTE_ADDR="198.51.100.20")
            assert response.status_code == 200
    client, _ = sign_in(colleague.email, PASSWORD, REMOTE_ADDR="198.51.100.20")
    assert signed_in(client)


def test_five_wrong_passwords_behind_the_proxy_do_not_lock_every_user_out(tmp_path: Path) -> None:
    # The settings as docker-compose.yml sets them behind its TLS proxy.
    deployed = settings_loaded(tmp_path, {"ALLAUTH_TRUSTED_PROXY_COUNT": "1"})
    attacker, user = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}, {"HTTP_X_FORWARDED_FOR": "192.0.2.44"}
    victim, someone = UserFactory.create_batch(2)
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=deployed["ALLAUTH_TRUSTED_PROXY_COUNT"]):
        for _ in range(5):
            sign_in(victim.email, "wrong-guess", REMOTE_ADDR=PROXY, **attacker)
        client, response = sign_in(someone.email, PASSWORD, REMOTE_ADDR=PROXY, **user)
        assert signed_in(client), response.content.decode()[:500]

        # The address that guesses is itself stopped after a hundred wrong passwords in five minutes.
        for account in UserFactory.create_batch(20):
            for _ in range(5):
                sign_in(account.email, "wrong-guess", REMOTE_ADDR=PROXY, **attacker)
        fresh = UserFactory.create()
        client, response = sign_in(fresh.email, PASSWORD, REMOTE_ADDR=PROXY, **attacker)
        assert not signed_in(client)
        assert TOO_MANY in response.content.decode()
        client, _ = sign_in(fresh.email, PASSWORD, REMOTE_ADDR=PROXY, **user)
        assert signed_in(client)


def test_the_client_address_is_read_from_x_forwarded_for_only_when_a_proxy_is_trusted(
    tmp_path: Path,
) -> None:
    assert settings_loaded(tmp_path, {})["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.77"}
    victim = UserFactory.create()
    # Without a trusted proxy, a forged header does not give a guesser a fresh address.
    for number in range(100):
        login = victim.email if number < 5 else f"nobody{number}@example.org"
        sign_in(login, "wrong-guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    client, response = sign_in(UserFactory.create().email, PASSWORD, **forged)
    assert not signed_in(client)
    assert TOO_MANY in response.content.decode()


def test_after_five_wrong_passwords_the_account_pauses_and_its_owner_gets_one_neutral_email() -> None:
    owner = UserFactory.create(preferred_language="ru")
    for _ in range(5):
        sign_in(owner.email, "wrong-guess", REMOTE_ADDR="203.0.113.9")
    assert mail.outbox == []
    client, response = sign_in(owner.email, PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert not signed_in(client)
    assert TOO_MANY in response.content.decode()
    client, _ = sign_in(owner.email, PASSWORD, REMOTE_ADDR="192.0.2.44")  # from anywhere
    assert not signed_in(client)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "Вход в вашу учётную запись приостановлен на несколько минут"
    assert reverse("account_reset_password") in message.body
    assert "203.0.113.9" not in message.body


def test_no_email_goes_out_when_only_the_address_limit_trips_or_the_address_has_no_account() -> None:
    for number in range(101):
        sign_in(f"nobody{number}@example.org", "wrong-guess")
    for _ in range(6):
        sign_in("nobody@example.org", "wrong-guess", REMOTE_ADDR="192.0.2.1")
    assert mail.outbox == []


def test_the_51st_guess_on_the_admin_login_with_the_right_password_does_not_log_in(world: World) -> None:
    client = Client()
    admin_login = reverse("admin:login")
    for _ in range(50):
        client.post(admin_login, {"username": world.admin.username, "password": "wrong-guess"})
    response = client.post(admin_login, {"username": world.admin.username, "password": PASSWORD})
    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_admin_signs_in_through_the_portal_log_in_with_the_second_factor(world: World) -> None:
    client = Client()
    to_admin_login = client.get(reverse("admin:index"))
    to_portal_login = client.get(to_admin_login["Location"])
    assert to_portal_login["Location"] == reverse("account_login") + "?next=/admin/"
    response = client.post(to_portal_login["Location"], {"login": world.admin.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_someone_signed_in_without_access_to_the_admin_is_refused_not_sent_round(world: World) -> None:
    client = Client()
    client.force_login(world.filer, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("admin:login") + "?next=/admin/").status_code == 403


def test_wrong_second_factor_codes_are_limited_per_account_too(world: World) -> None:
    client = Client()
    client.post(reverse("account_login"), {"login": world.caseworker.email, "password": PASSWORD})
    for _ in range(5):
        client.post(reverse("mfa_authenticate"), {"code": "000000"})
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert not signed_in(client)
    assert response.status_code == 200
