"""The iCalendar feed of a user's deadlines, behind a secret, revocable address.

Only the SHA-256 of a feed's token is stored: the address is shown once, when it is made. The
feed names no child and no case title (calendar data ends up on other companies' servers): each
event carries the kind of deadline, the case's short reference, the Committee's reference when
there is one, the legal source and a link to the case page, which asks for a log-in.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from complaints.deadlines.rules import Computed
from complaints.deadlines.sources import deadline_source
from complaints.models import CalendarFeed, Deadline, Inquiry, User

FEED_DAYS_BACK = 60
FEED_DAYS_AHEAD = 800


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, user: User) -> tuple[CalendarFeed, str]:
    """Revoke ``user``'s current feed and make a new one; return it with its token (shown only now)."""
    calendar_feed_revoke(user=user)
    token = secrets.token_urlsafe(32)
    return CalendarFeed.objects.create(user=user, token_sha256=token_digest(token)), token


def calendar_feed_revoke(*, user: User) -> int:
    """Revoke ``user``'s active feed, if any: its address answers 404 from now on."""
    return CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())


def calendar_feed_active(*, user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at=None).first()


def calendar_feed_for_token(token: str) -> CalendarFeed | None:
    """Return the active feed of ``token`` for an active user, or None (revoked, unknown, or user gone)."""
    if not token or len(token) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_sha256=token_digest(token), revoked_at=None, user__is_active=True)
        .first()
    )
    if feed is not None:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    return feed


def deadlines_ical(
    *,
    user: User,
    deadlines: Iterable[Deadline],
    base_url: str = "",
    inquiry_deadlines: Iterable[tuple[Inquiry, Computed, str]] = (),
) -> bytes:
    """Return an iCalendar (RFC 5545) file with one all-day event per deadline, in ``user``'s language.

    ``inquiry_deadlines`` adds the open time limits of inquiries (OPIC arts. 13-14), each with its
    label: they are computed from the inquiry's dates, not stored, so their uid names the inquiry
    and the kind. Like a case, an inquiry is named by its short reference only, never its title.
    """
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", "-//OPIC portal//Deadlines//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("OPIC portal: deadlines"))
        calendar.add("x-published-ttl", "PT6H")
        for deadline in deadlines:
            communication = deadline.communication
            case = communication.short_reference
            if communication.committee_reference:
                case = f"{case} · {communication.committee_reference}"
            event = Event()
            event.add("uid", f"deadline-{deadline.pk}@opic-portal")
            event.add("dtstamp", deadline.updated_at or timezone.now())
            event.add("last-modified", deadline.updated_at or timezone.now())
            event.add("dtstart", deadline.due_on)
            event.add("dtend", deadline.due_on + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            prefix = _("OVERDUE: ") if deadline.status == Deadline.Status.OVERDUE else ""
            event.add("summary", f"{prefix}{deadline.get_kind_display()} ({case})")
            event.add(
                "description",
                "\n".join(
                    [
                        str(_("Case %(case)s") % {"case": case}),
                        str(
                            _("Source: %(source)s")
                            % {"source": deadline_source(deadline.kind, deadline.source)}
                        ),
                        str(_("Status: %(status)s") % {"status": deadline.get_status_display()}),
                    ]
                ),
            )
            event.add("url", base_url.rstrip("/") + communication.get_absolute_url())
            event.add("categories", ["OPIC"])
            if deadline.status == Deadline.Status.OPEN:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", event["summary"])
                alarm.add("trigger", timedelta(days=-7))
                event.add_component(alarm)
            calendar.add_component(event)
        for inquiry, computed, label in inquiry_deadlines:
            short = inquiry.reference.hex[:8].upper()
            event = Event()
            event.add("uid", f"inquiry-{inquiry.reference}-{computed.kind}@opic-portal")
            event.add("dtstamp", inquiry.updated_at or timezone.now())
            event.add("last-modified", inquiry.updated_at or timezone.now())
            event.add("dtstart", computed.due_on)
            event.add("dtend", computed.due_on + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            event.add("summary", f"{label} ({_('inquiry')} {short})")
            event.add(
                "description",
                "\n".join(
                    [
                        str(_("Inquiry %(reference)s") % {"reference": short}),
                        str(_("Source: %(source)s") % {"source": computed.source}),
                    ]
                ),
            )
            event.add("url", base_url.rstrip("/") + inquiry.get_absolute_url())
            event.add("categories", ["OPIC"])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event["summary"])
            alarm.add("trigger", timedelta(days=-7))
            event.add_component(alarm)
            calendar.add_component(event)
        return calendar.to_ical()
