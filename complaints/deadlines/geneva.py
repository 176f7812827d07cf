"""Treaty days are days in Geneva.

The Committee and its secretariat sit in Geneva: a time limit under the Optional Protocol ends at
the end of its last day there (Europe/Zurich, the time zone database's name for Swiss time,
which Geneva keeps: CET in winter, CEST in summer). The portal's own time zone (Asia/Almaty by
default) is for showing dates and times to people; it never decides whether a treaty day has
passed. Taken in Almaty, "today" turns five hours (four in summer) before Geneva's does, and a
deadline would look passed while the day is still running where it counts.

So the sweep, the countdowns and the day a dispatch counts for all take "today" from here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.utils import timezone

GENEVA = ZoneInfo("Europe/Zurich")


def geneva_date(moment: datetime) -> date:
    """Return the day in Geneva at ``moment`` (an aware date and time)."""
    return moment.astimezone(GENEVA).date()


def geneva_today() -> date:
    """Return today's date in Geneva: the treaty day that is running now."""
    return geneva_date(timezone.now())


def deadline_ends_at(due_on: date) -> datetime:
    """Return the moment a deadline whose last day is ``due_on`` ends: midnight after it, in Geneva."""
    return datetime.combine(due_on + timedelta(days=1), time.min, tzinfo=GENEVA)


def deadline_end_local(due_on: date, zone: tzinfo | None = None) -> datetime:
    """Return when a deadline due on ``due_on`` ends, in ``zone`` (the current time zone by default)."""
    return deadline_ends_at(due_on).astimezone(zone or timezone.get_current_timezone())
