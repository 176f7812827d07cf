"""With Redis down the portal keeps serving: the cache misses, the treaty table comes from PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from complaints.models import Communication
from tests.complaints.test_wizard import fill_parent_case, post, url
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

DEAD_REDIS = "redis://127.0.0.1:9/0"  # the discard port: nothing listens, connections are refused


@pytest.fixture
def redis_down() -> Any:
    cache = {**settings.CACHES["default"], "LOCATION": DEAD_REDIS}
    with override_settings(CACHES={"default": cache}, REDIS_URL=DEAD_REDIS):
        yield


def test_with_redis_down_a_parent_fills_in_and_signs_and_the_submission_is_saved(redis_down: None) -> None:
    parent = login(UserFactory.create())
    communication = fill_parent_case(parent)
    assert parent.get(url(communication, "review")).status_code == 200
    assert parent.get(communication.get_absolute_url()).status_code == 200

    response = post(parent, communication, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})

    assert response.status_code == 302, response.content.decode()[:2000]
    communication.refresh_from_db()
    assert communication.status == Communication.Status.SUBMITTED
    assert communication.dossiers.get(variant="filing").status in ("queued", "ready")


def test_with_redis_down_people_still_sign_in(redis_down: None) -> None:
    user = UserFactory.create(email="school@example.org")
    user.set_password("a long enough passphrase")
    user.save()
    response = Client().post(
        reverse("account_login"), {"login": "school@example.org", "password": "a long enough passphrase"}
    )
    assert response.status_code == 302
    assert response["Location"] != reverse("account_login")


def test_with_redis_down_the_health_check_says_so_and_the_portal_still_serves(redis_down: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["redis"] == "down"
    assert response.json()["database"] == "ok"
    assert response.json()["status"] == "degraded"
