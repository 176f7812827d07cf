"""Idle staff sessions end; "Sign out everywhere" ends every session and the API token."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.conftest import World, login, totp_code
from tests.factories import PASSWORD, TOTP_SECRET

pytestmark = pytest.mark.django_db

IDLE_SESSION_KEY = "portal_last_activity"  # where complaints.middleware keeps the last request's time


def idle_for(client: Client, seconds: int) -> None:
    session = client.session
    session[IDLE_SESSION_KEY] = int(time.time()) - seconds
    session.save()


def test_a_caseworker_idle_for_more_than_thirty_minutes_is_signed_out(world: World) -> None:
    client = login(world.caseworker)
    assert client.get(reverse("complaints:dashboard")).status_code == 200
    idle_for(client, 31 * 60)
    response = client.get(world.mine.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("complaints:dashboard")).status_code == 302


def test_an_idle_staff_session_gets_no_answer_from_the_api_either(world: World) -> None:
    client = login(world.reviewer)
    client.get(reverse("complaints:review_queue"))
    idle_for(client, 31 * 60)
    assert client.get("/api/v1/communications/").status_code == 403


def test_a_caseworker_active_within_thirty_minutes_stays_signed_in(world: World) -> None:
    client = login(world.caseworker)
    client.get(reverse("complaints:dashboard"))
    idle_for(client, 29 * 60)
    assert client.get(reverse("complaints:dashboard")).status_code == 200
    assert int(time.time()) - client.session[IDLE_SESSION_KEY] < 5  # the clock starts again


def test_the_idle_limit_is_a_setting(world: World, settings: object) -> None:
    settings.STAFF_SESSION_IDLE_TIMEOUT = 5 * 60  # type: ignore[attr-defined]
    client = login(world.admin)
    client.get(reverse("complaints:dashboard"))
    idle_for(client, 6 * 60)
    assert client.get(reverse("complaints:dashboard")).status_code == 302


def test_a_filer_idle_for_an_hour_stays_signed_in(world: World) -> None:
    client = login(world.filer)
    client.get(reverse("complaints:dashboard"))
    idle_for(client, 60 * 60)
    assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_sign_out_everywhere_ends_every_session_and_revokes_the_api_token(world: World) -> None:
    laptop = Client()
    laptop.post(reverse("account_login"), {"login": world.caseworker.email, "password": PASSWORD})
    laptop.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    phone = login(world.caseworker)
    token = Token.objects.create(user=world.caseworker)
    assert laptop.get(reverse("complaints:dashboard")).status_code == 200
    assert phone.get(reverse("complaints:dashboard")).status_code == 200

    response = phone.post(reverse("complaints:account_sign_out_everywhere"))
    assert response["Location"] == reverse("account_login")

    for client in (laptop, phone):
        assert client.get(reverse("complaints:dashboard")).status_code == 302
    api = APIClient(headers={"authorization": f"Token {token.key}"})
    assert api.get("/api/v1/communications/").status_code == 403
    # Signing in again works, and other users were not touched.
    assert login(world.caseworker).get(reverse("complaints:dashboard")).status_code == 200
    assert login(world.reviewer).get(reverse("complaints:review_queue")).status_code == 200


def test_the_account_page_offers_sign_out_everywhere(world: World) -> None:
    page = login(world.filer).get(reverse("complaints:account")).content.decode()
    assert reverse("complaints:account_sign_out_everywhere") in page
