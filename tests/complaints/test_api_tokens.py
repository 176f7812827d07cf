"""API tokens expire, can be revoked, and die with a password change or reset."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.signals import password_reset
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from complaints.models import User
from tests.conftest import World, login
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


REFUSED = 403  # an unknown or expired token (session authentication is the API's first class)


def api(token: Token | str) -> APIClient:
    key = token.key if isinstance(token, Token) else token
    return APIClient(headers={"authorization": f"Token {key}"})


def test_an_api_token_stops_working_after_thirty_days(world: World) -> None:
    token = Token.objects.create(user=world.caseworker)
    assert api(token).get("/api/v1/communications/").status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=30, seconds=1))
    response = api(token).get("/api/v1/communications/")
    assert response.status_code == 403  # DRF answers 403, not 401, when session authentication comes first
    assert "expired" in response.json()["detail"]
    assert not Token.objects.filter(pk=token.pk).exists()


def test_the_token_lifetime_is_a_setting(world: World, settings: object) -> None:
    settings.API_TOKEN_MAX_AGE = 60  # type: ignore[attr-defined]
    token = Token.objects.create(user=world.filer)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(seconds=61))
    assert api(token).get("/api/v1/communications/").status_code == REFUSED


def test_a_user_makes_and_revokes_their_own_token_on_the_account_page(world: World) -> None:
    client = login(world.caseworker)
    page = client.post(reverse("complaints:account_token_new"))
    token = Token.objects.get(user=world.caseworker)
    assert token.key in page.content.decode()
    assert api(token).get("/api/v1/communications/").status_code == 200
    assert token.key not in client.get(reverse("complaints:account")).content.decode()  # shown once

    client.post(reverse("complaints:account_token_revoke"))
    assert api(token).get("/api/v1/communications/").status_code == REFUSED


def test_a_password_change_revokes_the_api_tokens(world: World) -> None:
    token = Token.objects.create(user=world.filer)
    client = login(world.filer)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-passphrase-7",
            "password2": "a-new-long-passphrase-7",
        },
    )
    assert response.status_code == 302
    assert api(token).get("/api/v1/communications/").status_code == REFUSED


def test_a_password_reset_revokes_the_api_tokens(world: World) -> None:
    token = Token.objects.create(user=world.filer)
    other = Token.objects.create(user=world.caseworker)
    password_reset.send(sender=User, request=RequestFactory().get("/"), user=world.filer)
    assert api(token).get("/api/v1/communications/").status_code == REFUSED
    assert api(other).get("/api/v1/communications/").status_code == 200
