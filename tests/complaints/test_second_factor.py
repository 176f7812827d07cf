"""Staff must have a second factor before they see any case; filers may choose one."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from complaints.models import User
from tests.conftest import World, login, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

STAFF_ROLES = [User.Role.CASEWORKER, User.Role.OMBUDSMAN_REVIEWER, User.Role.ADMINISTRATOR]


def just_typed_the_password(client: Client, user: User) -> None:
    """Record in the session that ``user`` re-entered their password now (allauth asks before changes)."""
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session.save()


def unenrolled(role: str, world: World) -> User:
    """A staff user of ``role`` who has not set up a second factor, with the persona's access."""
    organisation = world.office if role == User.Role.OMBUDSMAN_REVIEWER else world.ngo
    superuser = role == User.Role.ADMINISTRATOR
    return MembershipFactory.create(
        organisation=organisation,
        user__role=role,
        user__is_staff=superuser,
        user__is_superuser=superuser,
        user__second_factor=False,
    ).user


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_without_a_second_factor_are_sent_to_set_one_up_before_they_see_any_case(
    role: str, world: World
) -> None:
    client = login(unenrolled(role, world))
    for url in (
        reverse("complaints:dashboard"),
        world.mine.get_absolute_url(),
        reverse("complaints:review_queue"),
        reverse("complaints:deadline_list"),
        reverse("admin:index"),
        reverse("home"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_index"), url
    response = client.post(world.mine.get_absolute_url() + "note/", {"text": "x"})
    assert response["Location"] == reverse("mfa_index")
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "needs a second factor" in page.content.decode()


def test_staff_without_a_second_factor_may_still_enrol_log_out_switch_language_and_reach_static_and_health(
    world: World,
) -> None:
    client = login(unenrolled(User.Role.CASEWORKER, world))
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.get(reverse("account_reauthenticate")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get("/static/css/portal.css").status_code in (200, 404)  # never sent to enrol
    assert client.get("/static/css/portal.css").get("Location") is None
    assert client.post(reverse("set_language"), {"language": "kk", "next": "/"})["Location"] == "/"
    assert client.get(reverse("javascript-catalog")).status_code == 200
    assert client.post(reverse("account_logout"))["Location"] != reverse("mfa_index")


def test_the_api_refuses_staff_without_a_second_factor_by_session_and_by_token_alike(world: World) -> None:
    caseworker = unenrolled(User.Role.CASEWORKER, world)
    by_session = login(caseworker)
    by_token = APIClient(headers={"authorization": f"Token {Token.objects.create(user=caseworker).key}"})
    for client in (by_session, by_token):
        for url in ("/api/v1/communications/", f"/api/v1/communications/{world.mine.reference}/"):
            response = client.get(url, headers={"accept": "application/json"})
            assert response.status_code == 403, url
            assert "needs a second factor" in response.json()["detail"]
            assert world.mine.title not in response.content.decode()


def test_enrolled_staff_and_filers_without_one_work_as_before(world: World) -> None:
    assert login(world.caseworker).get(reverse("complaints:dashboard")).status_code == 200
    assert login(world.reviewer).get(reverse("complaints:review_queue")).status_code == 200
    assert login(world.admin).get(reverse("admin:index")).status_code == 200
    filer = login(world.filer)
    assert not Authenticator.objects.filter(user=world.filer).exists()
    assert filer.get(reverse("complaints:dashboard")).status_code == 200
    assert filer.get("/api/v1/communications/").status_code == 200


def test_a_filer_finds_the_optional_second_factor_on_their_account_page(world: World) -> None:
    page = login(world.filer).get(reverse("complaints:account")).content.decode()
    assert reverse("mfa_index") in page
    assert "This is your choice" in page


def test_signing_in_asks_an_enrolled_caseworker_for_the_code_before_any_case(world: World) -> None:
    client = Client()
    response = client.post(reverse("account_login"), {"login": world.caseworker.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("complaints:dashboard")).status_code == 302  # not signed in yet
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response["Location"] == reverse("complaints:dashboard")
    assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_a_new_caseworker_enrols_an_authenticator_app_and_then_reaches_the_cases(world: World) -> None:
    caseworker = unenrolled(User.Role.CASEWORKER, world)
    client = Client()
    client.post(reverse("account_login"), {"login": caseworker.email, "password": PASSWORD})
    assert client.get(reverse("complaints:dashboard"))["Location"] == reverse("mfa_index")
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page) or re.search(
        r'value="([A-Z2-7]{32})"', page
    )
    assert secret is not None
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret.group(1))})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert client.get(reverse("mfa_view_recovery_codes")).status_code == 200
    assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_staff_cannot_remove_their_last_second_factor_but_a_filer_can(world: World) -> None:
    client = login(world.caseworker)
    just_typed_the_password(client, world.caseworker)
    client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=world.caseworker, type="totp").exists()

    filer = UserFactory.create(second_factor=True)
    client = login(filer)
    just_typed_the_password(client, filer)
    client.post(reverse("mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=filer, type="totp").exists()
