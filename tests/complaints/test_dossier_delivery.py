"""Dossier delivery (complaints.dossiers): nothing is lost when the broker or a worker falls.

The broker failing is simulated by making ``render_dossier.apply_async`` (which ``delay`` calls)
raise what kombu or redis-py raise when Redis is down.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import redis.exceptions
from django.conf import settings
from django.utils import timezone
from kombu.exceptions import OperationalError

from complaints import dossiers
from complaints.dossiers import dossier_render, dossier_request
from complaints.models import Dossier, Submission
from complaints.tasks import render_dossier
from portal.celery import app
from tests.complaints.test_wizard import fill_parent_case, post
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Broker:
    """Stand-in for ``render_dossier.apply_async``: down (raising ``error``) or up (the real one)."""

    def __init__(self, error: BaseException) -> None:
        self.error: BaseException | None = error
        self.real = render_dossier.apply_async
        self.sent: list[int] = []
        self.options: list[dict[str, Any]] = []

    def __call__(self, args: Any = None, kwargs: Any = None, **options: Any) -> Any:
        self.options.append(options)
        if self.error is not None:
            raise self.error
        self.sent.append(args[0])
        return self.real(args=args, kwargs=kwargs, **options)


@pytest.fixture
def broker(monkeypatch: pytest.MonkeyPatch) -> Broker:
    down = Broker(OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused."))
    monkeypatch.setattr(render_dossier, "apply_async", down)
    return down


def age(dossier: Dossier, seconds: float) -> None:
    """Move the dossier's request, last send and start ``seconds`` into the past."""
    past = timedelta(seconds=seconds)
    dossier.refresh_from_db()
    Dossier.objects.filter(pk=dossier.pk).update(
        requested_at=dossier.requested_at - past,
        sent_at=dossier.sent_at - past if dossier.sent_at else None,
        started_at=dossier.started_at - past if dossier.started_at else None,
    )


# ---- The send after commit never raises into the request ----


def test_a_filer_signing_while_the_broker_is_down_is_told_it_was_submitted(
    broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    parent = login(UserFactory.create())
    c = fill_parent_case(parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(parent, c, "sign", {"signed_name": "Мария Иванова", "confirm": "on"})
    assert response.status_code == 302
    assert Submission.objects.filter(communication=c).exists()
    dossier = c.dossiers.get(variant="filing")
    assert (dossier.status, dossier.sent_at) == (Dossier.Status.QUEUED, None)

    from complaints.tasks import redrive_dossiers

    broker.error = None  # Redis is back; a minute later beat runs the re-drive
    age(dossier, settings.DOSSIER_RESEND_AFTER + 1)
    assert redrive_dossiers.delay().get()["resent"] == 1
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY
    assert dossier.sent_at is not None


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("[Errno 111] Connection refused"),
        redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6379."),
        redis.exceptions.TimeoutError("Timeout reading from socket"),
        ConnectionRefusedError(111, "Connection refused"),
    ],
)
def test_a_broker_error_after_commit_is_logged_not_raised(
    world: World,
    broker: Broker,
    error: BaseException,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    broker.error = error
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    assert len(callbacks) == 1
    dossier.refresh_from_db()
    assert (dossier.status, dossier.sent_at) == (Dossier.Status.QUEUED, None)
    assert "the broker is unreachable" in caplog.text


def test_a_successful_send_records_when_it_went(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    dossier.refresh_from_db()
    assert dossier.sent_at is not None
    assert dossier.sent_at >= before


def test_the_send_does_not_wait_on_the_result_backend(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    # Subscribing to the result while Redis is down retries for 20 s, then raises a RuntimeError.
    broker.error = None
    with django_capture_on_commit_callbacks(execute=True):
        dossier_request(communication=world.mine, requested_by=world.filer)
    assert [options.get("ignore_result") for options in broker.options] == [True]


# ---- The re-drive ----


def test_the_redrive_sends_again_a_dossier_whose_send_failed(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    broker.error = None
    age(dossier, settings.DOSSIER_RESEND_AFTER + 1)
    result = dossiers.dossiers_redrive()
    assert (result.resent, result.unsent) == (1, 0)
    assert broker.sent == [dossier.pk]
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY
    assert dossier.attempts == 1


def test_the_redrive_leaves_alone_a_dossier_sent_moments_ago(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    broker.error = None
    monkeypatch.setattr(dossiers, "dossier_pdf", lambda source: pytest.fail("nothing should be rendered"))
    with django_capture_on_commit_callbacks(execute=False):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    Dossier.objects.filter(pk=dossier.pk).update(sent_at=timezone.now())
    age(dossier, settings.DOSSIER_RESEND_AFTER - 30)
    assert dossiers.dossiers_redrive().resent == 0
    assert broker.sent == []


def test_the_redrive_waits_for_the_broker_and_sends_once_it_is_back(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    age(dossier, settings.DOSSIER_RESEND_AFTER + 1)
    result = dossiers.dossiers_redrive()  # still down: nothing raised, nothing marked sent
    assert (result.resent, result.unsent) == (0, 1)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.sent_at) == (Dossier.Status.QUEUED, None)
    broker.error = None
    assert dossiers.dossiers_redrive().resent == 1
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY


def test_the_redrive_queues_again_a_dossier_whose_worker_died_while_rendering(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    # A worker claimed it, then was killed: the row says rendering, and no task will come.
    Dossier.objects.filter(pk=dossier.pk).update(
        status=Dossier.Status.RENDERING, started_at=timezone.now(), attempts=1
    )
    age(dossier, settings.CELERY_TASK_TIME_LIMIT - 10)
    assert dossiers.dossiers_redrive().unstuck == 0  # it may still be running: leave it
    broker.error = None
    age(dossier, 20 + 60)
    result = dossiers.dossiers_redrive()
    assert (result.unstuck, result.resent) == (1, 1)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.attempts) == (Dossier.Status.READY, 2)


def test_the_redrive_gives_up_a_dossier_that_keeps_losing_its_worker(world: World, broker: Broker) -> None:
    dossier = Dossier.objects.create(
        communication=world.mine,
        status=Dossier.Status.RENDERING,
        requested_version=world.mine.version,
        requested_at=timezone.now(),
        started_at=timezone.now(),
        attempts=dossiers.MAX_ATTEMPTS,
    )
    age(dossier, settings.CELERY_TASK_TIME_LIMIT + 61)
    assert dossiers.dossiers_redrive().given_up == 1
    dossier.refresh_from_db()
    assert (dossier.status, dossier.failure) == (Dossier.Status.FAILED, Dossier.Failure.GAVE_UP)
    assert broker.sent == []


def test_a_task_delivered_again_after_too_many_attempts_gives_up_without_rendering(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossiers, "dossier_pdf", lambda source: pytest.fail("nothing should be rendered"))
    dossier = Dossier.objects.create(
        communication=world.mine,
        requested_version=world.mine.version,
        requested_at=timezone.now(),
        attempts=dossiers.MAX_ATTEMPTS,
    )
    result = dossier_render(dossier_id=dossier.pk)
    assert result is not None
    assert (result.status, result.failure) == (Dossier.Status.FAILED, Dossier.Failure.GAVE_UP)


def test_the_redrive_runs_every_minute_from_the_database_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    from django_celery_beat.models import PeriodicTask
    from django_celery_beat.schedulers import DatabaseScheduler

    # The scheduler closes "old" connections as beat does between ticks; inside the test's
    # transaction that would close the test's own connection (PostgreSQL then reports it).
    monkeypatch.setattr("django_celery_beat.schedulers.close_old_connections", lambda: None)

    entry = settings.CELERY_BEAT_SCHEDULE["redrive-dossiers"]
    assert entry == {"task": "complaints.tasks.redrive_dossiers", "schedule": 60.0}
    assert entry["task"] in app.tasks
    DatabaseScheduler(app=app)  # what `celery beat` does on start: copy the entries into its table
    task = PeriodicTask.objects.get(name="redrive-dossiers")
    assert (task.task, task.enabled, task.interval.every, task.interval.period) == (
        "complaints.tasks.redrive_dossiers",
        True,
        60,
        "seconds",
    )


# ---- Asking again ----


def test_asking_again_for_a_dossier_whose_send_failed_sends_it_again(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    broker.error = None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = dossier_request(communication=world.mine, requested_by=world.filer)
    assert (again.pk, len(callbacks), broker.sent) == (dossier.pk, 1, [dossier.pk])
    dossier.refresh_from_db()
    assert (dossier.status, dossier.attempts) == (Dossier.Status.READY, 1)


def test_asking_again_for_a_dossier_stuck_rendering_sends_it_again(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    broker.error = None
    dossier = Dossier.objects.create(
        communication=world.mine,
        status=Dossier.Status.RENDERING,
        requested_version=world.mine.version,
        requested_at=timezone.now(),
        sent_at=timezone.now(),
        started_at=timezone.now(),
        attempts=1,
    )
    age(dossier, settings.CELERY_TASK_TIME_LIMIT + 61)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dossier_request(communication=world.mine, requested_by=world.filer)
    assert (len(callbacks), broker.sent) == (1, [dossier.pk])
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY


def test_asking_again_right_after_a_send_or_during_a_render_sends_nothing(
    world: World, broker: Broker, django_capture_on_commit_callbacks: Any
) -> None:
    broker.error = None
    with django_capture_on_commit_callbacks(execute=False):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    Dossier.objects.filter(pk=dossier.pk).update(sent_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dossier_request(communication=world.mine, requested_by=world.filer)
    assert len(callbacks) == 0
    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.RENDERING, started_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dossier_request(communication=world.mine, requested_by=world.filer)
    assert (len(callbacks), broker.sent) == (0, [])


# ---- Workers that die ----


def test_a_task_whose_worker_dies_goes_back_to_the_queue_soon_after_its_time_limit() -> None:
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    hard_limit = app.conf.task_time_limit
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert hard_limit < visibility <= hard_limit + 120
    restore_every = (
        app.conf.broker_transport_options["unacked_restore_interval"]
        * app.conf.broker_transport_options["unacked_restore_throttle"]
    )
    assert restore_every <= 30


def test_no_retry_waits_longer_than_the_visibility_timeout() -> None:
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    for name in ("render_dossier", "send_reminder_emails"):
        task: Any = app.tasks[f"complaints.tasks.{name}"]
        longest = min(task.retry_backoff_max, int(task.retry_backoff) * 2 ** (task.max_retries - 1))
        assert longest < visibility, name


def test_a_transient_error_marks_the_retry_as_the_latest_send(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossiers, "dossier_pdf", lambda source: (_ for _ in ()).throw(OSError("disk gone")))
    dossier = Dossier.objects.create(
        communication=world.mine, requested_version=world.mine.version, requested_at=timezone.now()
    )
    with pytest.raises(dossiers.TransientRenderError):
        dossier_render(dossier_id=dossier.pk, final_attempt=False)
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.QUEUED
    assert dossier.sent_at is not None  # the re-drive leaves it to Celery's retry
