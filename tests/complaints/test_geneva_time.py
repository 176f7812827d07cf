"""Treaty days are days in Geneva: the sweep, the countdowns and the pages agree on when one ends.

Time is frozen the way the project's tests do it: ``django.utils.timezone.now`` is replaced for
the test (monkeypatch); nothing sleeps. The portal's own time zone stays Asia/Almaty (UTC+5).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from complaints.deadlines.geneva import deadline_end_local, deadline_ends_at, geneva_today
from complaints.deadlines.services import deadlines_recompute, deadlines_sweep, deadlines_upcoming
from complaints.models import Communication, Deadline
from tests.conftest import World, login

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")  # the portal's default time zone (settings.TIME_ZONE)


@pytest.fixture
def freeze(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    def at(moment: datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return at


@pytest.mark.parametrize(
    ("moment", "almaty", "geneva"),
    [
        # Midnight in Almaty (UTC+5): a new day there, still the evening before in Geneva (UTC+1).
        (datetime(2026, 1, 15, 18, 59, 59, tzinfo=UTC), date(2026, 1, 15), date(2026, 1, 15)),
        (datetime(2026, 1, 15, 19, 0, 0, tzinfo=UTC), date(2026, 1, 16), date(2026, 1, 15)),
        # Midnight in Geneva in winter (CET, UTC+1).
        (datetime(2026, 1, 15, 22, 59, 59, tzinfo=UTC), date(2026, 1, 16), date(2026, 1, 15)),
        (datetime(2026, 1, 15, 23, 0, 0, tzinfo=UTC), date(2026, 1, 16), date(2026, 1, 16)),
        # Midnight in Geneva in summer (CEST, UTC+2): an hour earlier in UTC.
        (datetime(2026, 7, 15, 21, 59, 59, tzinfo=UTC), date(2026, 7, 16), date(2026, 7, 15)),
        (datetime(2026, 7, 15, 22, 0, 0, tzinfo=UTC), date(2026, 7, 16), date(2026, 7, 16)),
        # The night summer time begins (29 March 2026, 02:00 -> 03:00 in Geneva) and ends (25 October).
        (datetime(2026, 3, 29, 21, 59, 59, tzinfo=UTC), date(2026, 3, 30), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 22, 0, 0, tzinfo=UTC), date(2026, 3, 30), date(2026, 3, 30)),
        (datetime(2026, 10, 25, 22, 59, 59, tzinfo=UTC), date(2026, 10, 26), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 23, 0, 0, tzinfo=UTC), date(2026, 10, 26), date(2026, 10, 26)),
    ],
)
def test_today_is_the_day_in_geneva_whatever_day_it_is_in_almaty(
    freeze: Callable[[datetime], None], moment: datetime, almaty: date, geneva: date
) -> None:
    freeze(moment)
    assert timezone.localdate() == almaty
    assert geneva_today() == geneva


@pytest.mark.parametrize(
    ("due", "ends_utc", "ends_almaty"),
    [
        (date(2026, 1, 15), datetime(2026, 1, 15, 23, tzinfo=UTC), datetime(2026, 1, 16, 4, tzinfo=ALMATY)),
        (date(2026, 7, 15), datetime(2026, 7, 15, 22, tzinfo=UTC), datetime(2026, 7, 16, 3, tzinfo=ALMATY)),
        # The last day before summer time ends at midnight CET; the day it begins, at midnight CEST.
        (date(2026, 3, 28), datetime(2026, 3, 28, 23, tzinfo=UTC), datetime(2026, 3, 29, 4, tzinfo=ALMATY)),
        (date(2026, 3, 29), datetime(2026, 3, 29, 22, tzinfo=UTC), datetime(2026, 3, 30, 3, tzinfo=ALMATY)),
        # The day summer time ends is 25 hours long in Geneva.
        (
            date(2026, 10, 24),
            datetime(2026, 10, 24, 22, tzinfo=UTC),
            datetime(2026, 10, 25, 3, tzinfo=ALMATY),
        ),
        (
            date(2026, 10, 25),
            datetime(2026, 10, 25, 23, tzinfo=UTC),
            datetime(2026, 10, 26, 4, tzinfo=ALMATY),
        ),
    ],
)
def test_a_deadline_ends_at_midnight_after_its_last_day_in_geneva(
    due: date, ends_utc: datetime, ends_almaty: datetime
) -> None:
    assert deadline_ends_at(due) == ends_utc
    local = deadline_end_local(due, ALMATY)
    assert (local, local.hour) == (ends_almaty, ends_almaty.hour)


def _due_on(world: World, due: date) -> Deadline:
    """A transmitted case whose State's explanations (art. 8(2), six months) are due on ``due``."""
    Communication.objects.filter(pk=world.mine.pk).update(
        status=Communication.Status.TRANSMITTED,
        submitted_on=due - timedelta(days=400),
        transmitted_on=due - timedelta(days=184),
    )
    world.mine.refresh_from_db()
    deadlines_recompute(communication=world.mine)
    deadline = Deadline.objects.get(communication=world.mine, kind=Deadline.Kind.STATE_EXPLANATIONS)
    Deadline.objects.filter(pk=deadline.pk).update(due_on=due, next_action_on=due + timedelta(days=1))
    deadline.refresh_from_db()
    return deadline


def test_the_sweep_does_not_mark_a_deadline_overdue_while_its_day_runs_in_geneva(
    world: World, freeze: Callable[[datetime], None]
) -> None:
    deadline = _due_on(world, date(2026, 1, 15))
    # 02:00 on 16 January in Almaty, 22:00 on the 15th in Geneva: the last day still runs.
    freeze(datetime(2026, 1, 15, 21, 0, tzinfo=UTC))
    deadlines_sweep()
    deadline.refresh_from_db()
    assert deadline.status == Deadline.Status.OPEN
    # Midnight in Geneva: now it is overdue.
    freeze(datetime(2026, 1, 15, 23, 0, tzinfo=UTC))
    deadlines_sweep()
    deadline.refresh_from_db()
    assert deadline.status == Deadline.Status.OVERDUE


def test_the_sweep_follows_geneva_across_the_change_to_summer_time(
    world: World, freeze: Callable[[datetime], None]
) -> None:
    deadline = _due_on(world, date(2026, 3, 29))
    freeze(datetime(2026, 3, 29, 21, 59, tzinfo=UTC))  # 23:59 CEST on the 29th
    deadlines_sweep()
    deadline.refresh_from_db()
    assert deadline.status == Deadline.Status.OPEN
    freeze(datetime(2026, 3, 29, 22, 0, tzinfo=UTC))  # midnight CEST
    deadlines_sweep()
    deadline.refresh_from_db()
    assert deadline.status == Deadline.Status.OVERDUE


def test_the_countdowns_count_from_the_day_in_geneva(
    world: World, freeze: Callable[[datetime], None]
) -> None:
    deadline = _due_on(world, date(2026, 1, 15))
    freeze(datetime(2026, 1, 15, 21, 0, tzinfo=UTC))  # the 16th in Almaty, the 15th in Geneva
    assert deadline in deadlines_upcoming(user=world.filer, days=0)
    page = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert "passed" not in page


def test_the_reader_sees_when_a_deadline_ends_where_they_are_beside_the_geneva_date(
    world: World, freeze: Callable[[datetime], None]
) -> None:
    _due_on(world, date(2026, 1, 15))
    freeze(datetime(2026, 1, 10, 9, 0, tzinfo=UTC))
    client = login(world.filer)
    client.cookies["portal_language"] = "en"
    page = client.get("/deadlines/").content.decode()
    assert '<time datetime="2026-01-15">Jan. 15, 2026</time>' in page  # the day in Geneva
    assert "the last day in Geneva; where you are it ends on Jan. 16, 2026 at 4 a.m." in page
