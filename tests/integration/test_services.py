"""Integration tests against real PostgreSQL and Redis, and one real Celery worker round trip."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.db import connection

from complaints.models import Communication
from complaints.permissions import communications_visible_to
from complaints.tasks import assess_communication
from portal.celery import app

from ..conftest import World
from ..factories import ClaimFactory, CommunicationFactory, DomesticRemedyFactory, PersonFactory

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_suite_really_runs_on_postgresql() -> None:
    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_the_visibility_rule_holds_on_postgresql(world: World) -> None:
    shared = CommunicationFactory.create()
    shared.shared_with.add(world.ngo)
    assert set(communications_visible_to(world.caseworker).values_list("pk", flat=True)) == {
        world.mine.pk,
        shared.pk,
    }


def test_the_cache_is_redis_and_round_trips_unicode() -> None:
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("integration-probe", "Қазақша ✓", 30)
    assert cache.get("integration-probe") == "Қазақша ✓"


@pytest.fixture
def worker() -> object:
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}",
        "CELERY_TASK_ALWAYS_EAGER": "False",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"the Celery worker did not start:\n{stderr[-2000:]}")
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_celery_worker_assesses_a_communication_through_redis(worker: object) -> None:
    communication = CommunicationFactory.create()
    PersonFactory.create(communication=communication)
    ClaimFactory.create(communication=communication)
    DomesticRemedyFactory.create(communication=communication)
    assert not app.conf.task_always_eager

    verdict = assess_communication.delay(communication.pk).get(timeout=60)

    communication.refresh_from_db()
    assert verdict in Communication.Verdict.values
    assert communication.verdict == verdict
    assert communication.verdict_checked_on is not None
