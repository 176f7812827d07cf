"""The ombudsman office's review queue: claim, release, hand over and triage the cases routed to it."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from statistics import median
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from complaints import cldr
from complaints.casework.filters import with_next_deadline
from complaints.language import citations
from complaints.models import Communication, Deadline, Event, Organisation, Triage, User
from complaints.permissions import memberships_of
from complaints.timeline import texts

CLOSED = Communication.Status.CLOSED


class ReviewError(Exception):
    """A queue action that cannot be done; the message says why."""


def offices_of(user: User) -> list[int]:
    return [b.organisation_id for b in memberships_of(user) if b.kind == Organisation.Kind.OMBUDSMAN]


def review_queue(*, user: User) -> QuerySet[Communication]:
    """Return the open cases routed to the reviewer's offices: urgent first, then by nearest deadline."""
    queryset = Communication.objects.filter(routed_to_id__in=offices_of(user)).exclude(
        status__in=[Communication.Status.DRAFT, CLOSED]
    )
    return (
        with_next_deadline(queryset)
        .select_related("claimed_by", "routed_to")
        .order_by(
            F("is_urgent").desc(),
            F("interim_measures_requested").desc(),
            F("next_deadline").asc(nulls_last=True),
            "submitted_on",
            "pk",
        )
    )


@transaction.atomic
def review_claim(*, communication: Communication, reviewer: User) -> Communication:
    """Claim a case for ``reviewer``; raise ReviewError if a colleague holds it. Safe against races."""
    claimed = Communication.objects.filter(
        Q(claimed_by__isnull=True) | Q(claimed_by=reviewer), pk=communication.pk
    ).update(claimed_by=reviewer, claimed_at=timezone.now())
    communication.refresh_from_db()
    if not claimed:
        raise ReviewError(_("%(name)s is already working on this case.") % {"name": communication.claimed_by})
    return communication


@transaction.atomic
def review_release(*, communication: Communication, reviewer: User) -> Communication:
    """Put a case back in the queue; only the person holding it can."""
    released = Communication.objects.filter(pk=communication.pk, claimed_by=reviewer).update(
        claimed_by=None, claimed_at=None
    )
    communication.refresh_from_db()
    if not released:
        raise ReviewError(_("Only the person working on a case can put it back."))
    return communication


@transaction.atomic
def review_hand_over(*, communication: Communication, reviewer: User, to: User) -> Communication:
    """Hand a case held by ``reviewer`` to a colleague of the same office."""
    if communication.routed_to_id not in offices_of(to) or to.role != User.Role.OMBUDSMAN_REVIEWER:
        raise ReviewError(_("A case can only be handed over to a reviewer of the same office."))
    moved = Communication.objects.filter(pk=communication.pk, claimed_by=reviewer).update(
        claimed_by=to, claimed_at=timezone.now()
    )
    communication.refresh_from_db()
    if not moved:
        raise ReviewError(_("Only the person working on a case can hand it over."))
    return communication


@transaction.atomic
def review_triage(
    *, communication: Communication, reviewer: User, decision: str, reason_for_filer: str, note: str = ""
) -> Triage:
    """Record the office's decision; the filer sees ``reason_for_filer`` on the case page."""
    if communication.claimed_by_id not in (None, reviewer.pk):
        raise ReviewError(_("%(name)s is working on this case.") % {"name": communication.claimed_by})
    triage = Triage.objects.create(
        communication=communication,
        decision=decision,
        reason_for_filer=reason_for_filer.strip(),
        note=note.strip(),
        decided_by=reviewer,
    )
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.NOTE,
        actor=reviewer,
        occurred_on=timezone.localdate(),
        code=texts.TRIAGED,
        params={"decision": triage.decision, "reason": triage.reason_for_filer},
    )
    return triage


def office_statistics(*, cases: QuerySet[Communication]) -> dict[str, Any]:
    """Return the figures of the statistics page for ``cases`` (each figure also as a table)."""
    today = timezone.localdate()
    language = get_language() or settings.LANGUAGE_CODE
    by_status = dict(cases.values_list("status").annotate(n=Count("pk")).order_by())
    by_state = list(
        cases.exclude(state="").values_list("state").annotate(n=Count("pk")).order_by("-n", "state")
    )
    by_article = list(
        cases.filter(claims__instrument="CRC")
        .values_list("claims__article")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "claims__article")
    )
    since = today.replace(day=1) - timedelta(days=365)
    by_month = [
        (cldr.month_year(month, language), n)
        for month, n in cases.filter(submitted_on__gte=since)
        .annotate(month=TruncMonth("submitted_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
        if month
    ]
    deadlines = Deadline.objects.filter(communication__in=cases)
    met = deadlines.filter(status=Deadline.Status.MET)
    outcome = Counter(
        "met" if row.met_on and row.met_on <= row.due_on else "missed" for row in met.only("met_on", "due_on")
    )
    outcome["missed"] += deadlines.filter(status=Deadline.Status.OVERDUE).count()
    # From the first draft in the portal to the submission. A case entered after it was sent (on
    # paper, before the portal) has no such duration: it is left out rather than counted negative.
    days = [
        (submitted - timezone.localtime(created).date()).days
        for submitted, created in cases.filter(submitted_on__isnull=False).values_list(
            "submitted_on", "created_at"
        )
        if submitted is not None and submitted >= timezone.localtime(created).date()
    ]
    labels = dict(Communication.Status.choices)
    return {
        "by_status": [(labels[key], by_status.get(key, 0)) for key in Communication.Status.values],
        "by_state": [(cldr.state_name(iso3, language), n) for iso3, n in by_state],
        "by_article": [(citations.article("CRC", article), n) for article, n in by_article],
        "by_month": by_month,
        "deadlines": [(_("Met in time"), outcome["met"]), (_("Missed"), outcome["missed"])],
        "median_days_to_submit": median(days) if days else None,
        "total": cases.count(),
    }
