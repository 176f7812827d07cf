"""Integration tests against real PostgreSQL and Redis, and one real Celery worker round trip."""

from __future__ import annotations

import pytest
from django.core.cache import cache, caches
from django.db import connection

from complaints.models import Communication
from complaints.permissions import communications_visible_to
from complaints.tasks import assess_communication
from portal.celery import app
from tests.conftest import World
from tests.factories import ClaimFactory, CommunicationFactory, DomesticRemedyFactory, PersonFactory

pytestmark = pytest.mark.integration


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
    from portal.cache import FallbackRedisCache

    assert isinstance(caches["default"], FallbackRedisCache)
    assert not caches["default"].redis_down
    cache.set("integration-probe", "Қазақша ✓", 30)
    assert cache.get("integration-probe") == "Қазақша ✓"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_celery_worker_assesses_a_communication_through_redis(celery_worker_process: object) -> None:
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
