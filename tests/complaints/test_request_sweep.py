"""Without a broker (make run), requests run the hourly deadline sweep that Celery beat runs in production."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from complaints import tasks
from complaints.deadlines import deadlines_recompute
from complaints.models import Communication, Deadline
from tests.factories import CommunicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_broker(settings: Any) -> Iterator[None]:
    """The settings of `make run`: no broker, so the web process sweeps; the last sweep is long past."""
    settings.DEADLINE_SWEEP_ON_REQUESTS = True
    cache.clear()
    yield
    cache.clear()


def overdue_case() -> Communication:
    """A transmitted case whose State explanations (six months) were due half a year ago."""
    communication = CommunicationFactory.create(
        status="transmitted",
        submitted_on=timezone.localdate() - timedelta(days=500),
        transmitted_on=timezone.localdate() - timedelta(days=365),
    )
    deadlines_recompute(communication=communication)
    return communication


def state_explanations(communication: Communication) -> str:
    return Deadline.objects.get(communication=communication, kind=Deadline.Kind.STATE_EXPLANATIONS).status


def test_a_request_when_the_sweep_is_due_runs_it_once(no_broker: None, client: Client) -> None:
    case = overdue_case()
    assert state_explanations(case) == Deadline.Status.OPEN
    assert client.get("/healthz").status_code == 200
    assert state_explanations(case) == Deadline.Status.OVERDUE
    assert [message.to for message in mail.outbox] == [[case.filer.email]]  # the overdue notice


def test_a_second_request_within_the_hour_does_not_sweep(no_broker: None, client: Client) -> None:
    client.get("/healthz")
    case = overdue_case()
    client.get("/healthz")
    assert state_explanations(case) == Deadline.Status.OPEN
    assert mail.outbox == []


def test_with_a_broker_requests_never_sweep_celery_beat_does(settings: Any, client: Client) -> None:
    settings.DEADLINE_SWEEP_ON_REQUESTS = False
    cache.clear()
    case = overdue_case()
    client.get("/healthz")
    assert state_explanations(case) == Deadline.Status.OPEN


def test_a_failing_sweep_is_logged_and_the_request_still_succeeds(
    no_broker: None, client: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(tasks, "sweep_deadlines", broken)
    with caplog.at_level(logging.ERROR, logger="complaints"):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert "database is locked" in caplog.text
