"""The quick exit: one press signs out on the server, forgets the session and lands on a neutral page."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from complaints.models import Communication
from tests.conftest import World, login

pytestmark = pytest.mark.django_db

QUICK_EXIT = "/leave/"


def test_quick_exit_signs_out_deletes_the_session_and_goes_to_the_neutral_page(
    world: World, settings: Any
) -> None:
    settings.QUICK_EXIT_URL = "https://weather.example/"
    client = login(world.filer)
    session_key = client.session.session_key
    assert session_key is not None
    response = client.post(QUICK_EXIT)
    assert response.status_code == 303
    assert response["Location"] == "https://weather.example/"
    assert not SessionStore().exists(session_key)
    assert "_auth_user_id" not in client.session
    assert client.get(world.mine.get_absolute_url()).status_code == 302  # back on the case: log-in


def test_quick_exit_tells_the_browser_to_forget_the_pages_and_keep_nothing(world: World) -> None:
    response = login(world.filer).post(QUICK_EXIT)
    assert response["Cache-Control"] == "no-store"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'


def test_quick_exit_needs_no_csrf_token_so_a_stale_page_still_leaves(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.filer, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(QUICK_EXIT)
    assert response.status_code == 303
    assert "_auth_user_id" not in client.session


def test_quick_exit_keeps_the_saved_draft(world: World) -> None:
    before = Communication.objects.get(pk=world.mine.pk)
    login(world.filer).post(QUICK_EXIT)
    after = Communication.objects.get(pk=world.mine.pk)
    assert (after.version, after.title, after.status) == (before.version, before.title, before.status)


def test_a_staff_member_without_second_factor_or_idle_leaves_too(world: World) -> None:
    client = login(world.caseworker)
    session = client.session
    session["portal_last_activity"] = int(time.time()) - 3 * 60 * 60
    session.save()
    response = client.post(QUICK_EXIT)
    assert response.status_code == 303
    assert response["Location"] == "https://www.google.com/"


def test_quick_exit_does_not_sign_out_on_a_get(world: World) -> None:
    client = login(world.filer)
    assert client.get(QUICK_EXIT).status_code == 405
    assert "_auth_user_id" in client.session


def test_every_page_has_the_quick_exit_form_in_a_landmark_with_its_promise(world: World) -> None:
    assert reverse("complaints:quick_exit") == QUICK_EXIT
    html = login(world.filer).get(reverse("complaints:dashboard")).content.decode()
    bar = html[html.index('<aside class="quick-exit-bar"') : html.index("</aside>")]
    assert f'action="{QUICK_EXIT}"' in bar
    assert 'method="post"' in bar
    assert "What you saved stays safe." in bar


def test_the_policy_lets_the_quick_exit_form_land_on_the_neutral_site(client: Client) -> None:
    policy = client.get("/")["Content-Security-Policy"]
    assert "form-action 'self' https://www.google.com" in policy
