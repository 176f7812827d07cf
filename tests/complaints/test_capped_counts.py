"""Every count a page shows stops at a cap, then says "more than": its cost does not grow with the table."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from complaints.api import pagination as api_pagination
from complaints.deadlines import services as deadline_services
from complaints.models import Communication
from complaints.review import views as review_views
from tests.conftest import World, login
from tests.factories import CommunicationFactory

pytestmark = pytest.mark.django_db


def cases_due(world: World, count: int, due: date) -> None:
    created = CommunicationFactory.create_batch(count, organisation=world.ngo)
    Communication.objects.filter(pk__in=[c.pk for c in created]).update(next_deadline_on=due)


def test_the_deadline_summary_says_more_than_the_cap_when_more_cases_have_a_deadline_soon(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deadline_services, "SUMMARY_COUNT_CAP", 3)
    today = timezone.localdate()
    cases_due(world, 4, today + timedelta(days=5))
    cases_due(world, 4, today - timedelta(days=2))
    body = login(world.caseworker).get(reverse("complaints:dashboard")).content.decode()
    assert "more than 3 cases with a deadline in the next 30 days" in body
    assert "more than 3 overdue" in body


def test_the_deadline_summary_counts_exactly_below_the_cap_and_ignores_far_and_invisible_deadlines(
    world: World,
) -> None:
    today = timezone.localdate()
    Communication.objects.filter(pk=world.mine.pk).update(next_deadline_on=None)
    cases_due(world, 2, today + timedelta(days=30))
    cases_due(world, 1, today + timedelta(days=31))
    Communication.objects.filter(pk=world.theirs.pk).update(next_deadline_on=today)
    summary = deadline_services.deadline_summary_for(user=world.caseworker, today=today)
    assert (summary.upcoming, summary.upcoming_capped, summary.overdue) == (2, False, 0)


def test_the_deadline_summary_reads_the_cases_nearest_deadline_and_never_the_deadlines_table(
    world: World,
) -> None:
    with CaptureQueriesContext(connection) as queries:
        deadline_services.deadline_summary_for(user=world.caseworker)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "complaints_deadline" not in sql.replace("complaints_deadline_", "")
    assert "next_deadline_on" in sql
    assert sql.count("LIMIT") >= 3


def test_the_review_queue_says_more_than_the_cap_and_still_pages_on(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_views, "QUEUE_COUNT_CAP", 30)
    CommunicationFactory.create_batch(
        31, routed_to=world.office, status="submitted", submitted_on=date(2025, 3, 1)
    )
    client = login(world.reviewer)
    first = client.get(reverse("complaints:review_queue")).content.decode()
    assert "More than 30 cases" in first
    assert "Page 1" in first
    assert "?page=2" in first
    second = client.get(reverse("complaints:review_queue"), {"page": 2}).content.decode()
    assert second.count("review/") >= 1
    assert "?page=3" not in second


def test_the_review_queue_counts_exactly_below_the_cap(world: World) -> None:
    CommunicationFactory.create_batch(
        2, routed_to=world.office, status="submitted", submitted_on=date(2025, 3, 1)
    )
    body = login(world.reviewer).get(reverse("complaints:review_queue")).content.decode()
    assert "2 cases" in body


def test_the_api_list_gives_no_count_beyond_the_cap_but_says_more_than_and_links_the_next_page(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_pagination, "COUNT_CAP", 30)
    CommunicationFactory.create_batch(30, organisation=world.ngo)
    client = login(world.caseworker)
    body: dict[str, Any] = client.get("/api/v1/communications/").json()
    assert body["count"] is None
    assert body["count_more_than"] == 30
    assert len(body["results"]) == 25
    assert body["next"].endswith("page=2")
    second = client.get("/api/v1/communications/", {"page": 2}).json()
    assert len(second["results"]) == 6  # 30 new cases and world.mine
    assert second["next"] is None
    assert client.get("/api/v1/communications/", {"page": 3}).status_code == 404
    assert client.get("/api/v1/communications/", {"page": "last"}).status_code == 400


def test_the_api_list_counts_exactly_below_the_cap(world: World) -> None:
    body = login(world.caseworker).get("/api/v1/communications/").json()
    assert (body["count"], body["count_more_than"]) == (1, None)
    assert body["next"] is None
