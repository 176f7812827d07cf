"""Deadlines of cases: recomputing them when their dates change, the sweep that reminds, and the reads.

The rules themselves are pure Python in complaints.deadlines.rules. Here they meet the models:

- ``deadlines_recompute`` runs the rules on one communication and brings its Deadline rows in
  line, writing a DeadlineChange row for every change. The lifecycle calls it after each
  transition; signals below call it when a domestic remedy, the communication (in the admin)
  or the interim measures record is saved.
- ``deadlines_sweep`` (run by Celery beat) reads only the deadlines whose ``next_action_on`` has
  come, through a partial index, so its cost grows with the number of due deadlines, not with
  the table. It writes reminder rows (unique per deadline, person, stage and due date, so a
  second run sends nothing twice) and in-app notifications, marks deadlines overdue and
  escalates them to the coordinators of the handling organisation. The e-mails go out
  afterwards, from the reminder rows, in ``reminder_emails_send``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from complaints.deadlines import rules as rules_
from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.sources import deadline_source
from complaints.mail import email_language, email_message
from complaints.models import (
    ClarificationRequest,
    Communication,
    Deadline,
    DeadlineChange,
    DeadlineReminder,
    Dispatch,
    DomesticRemedy,
    InterimMeasuresReport,
    Membership,
    Notification,
    ProcedureRequest,
    Settlement,
    SettlementStep,
    User,
)
from complaints.permissions import communications_visible_to

logger = logging.getLogger(__name__)

PENDING = (Deadline.Status.OPEN, Deadline.Status.OVERDUE)
STATUS_OF = {
    rules_.State.OPEN: Deadline.Status.OPEN,
    rules_.State.MET: Deadline.Status.MET,
    rules_.State.CANCELLED: Deadline.Status.CANCELLED,
}


# ---- Recomputing ----

# The fields of a case its deadlines are computed from (case_dates, besides its remedies and interim
# reports): a save that changes none of them leaves the deadlines as they were.
CASE_DATE_FIELDS = frozenset(f.name for f in fields(rules_.CaseDates))


def case_dates(communication: Communication) -> rules_.CaseDates:
    """Read the dates the rules need: the remedies, interim report, sending and clarification."""
    final = DomesticRemedy.objects.filter(
        communication=communication, is_final=True, decided_on__isnull=False
    ).aggregate(last=Max("decided_on"))["last"]
    interim = InterimMeasuresReport.objects.filter(communication=communication).first()
    # A draft has not been sent, so nothing was asked about it: no need to look (the wizard saves drafts).
    sent = communication.status != Communication.Status.DRAFT
    first_dispatch = (
        Dispatch.objects.filter(communication=communication)
        .order_by("sent_on")
        .values_list("sent_on", flat=True)
        .first()
        if sent
        else None
    )
    clarification = (
        ClarificationRequest.objects.filter(communication=communication)
        .order_by("-requested_on", "-pk")
        .first()
        if sent
        else None
    )
    # Settlement talks start after registration (OPIC art. 9): nothing to read before.
    settlement = (
        Settlement.objects.filter(communication=communication).first()
        if communication.registered_on is not None
        else None
    )
    request = (
        SettlementStep.objects.filter(settlement=settlement, kind=SettlementStep.Kind.COMMITTEE_REQUEST)
        .order_by("-on", "-pk")
        .first()
        if settlement is not None
        else None
    )
    asked = _latest_procedure_requests(communication) if sent else {}
    separate = asked.get(ProcedureRequest.Kind.SEPARATE_ADMISSIBILITY)
    further = asked.get(ProcedureRequest.Kind.FURTHER_FOLLOW_UP)
    return rules_.CaseDates(
        status=communication.status,
        final_domestic_decision_on=final,
        submitted_on=communication.submitted_on,
        dispatched_on=first_dispatch,
        registered_on=communication.registered_on,
        transmitted_on=communication.transmitted_on,
        observations_received_on=communication.observations_received_on,
        comments_due_months=communication.comments_due_months,
        comments_sent_on=communication.comments_sent_on,
        views_adopted_on=communication.views_adopted_on,
        views_transmitted_on=communication.views_transmitted_on,
        follow_up_received_on=communication.follow_up_received_on,
        interim_measures_granted_on=communication.interim_measures_granted_on,
        interim_report_due_on=interim.report_due_on if interim else None,
        interim_reported_on=interim.reported_on if interim else None,
        clarification_requested_on=clarification.requested_on if clarification else None,
        clarification_due_on=clarification.due_on if clarification else None,
        clarification_answered_on=clarification.answered_on if clarification else None,
        settlement_agreed_on=settlement.agreed_on if settlement else None,
        settlement_follow_up_received_on=settlement.follow_up_received_on if settlement else None,
        settlement_request_on=request.on if request else None,
        settlement_request_due_on=request.due_on if request else None,
        settlement_request_answered_on=request.answered_on if request else None,
        separate_admissibility_requested_on=separate.requested_on if separate else None,
        separate_admissibility_due_on=separate.due_on if separate else None,
        separate_admissibility_answered_on=separate.answered_on if separate else None,
        further_follow_up_requested_on=further.requested_on if further else None,
        further_follow_up_due_on=further.due_on if further else None,
        further_follow_up_received_on=further.answered_on if further else None,
    )


def _latest_procedure_requests(communication: Communication) -> dict[str, ProcedureRequest]:
    """The latest request of each kind: a later letter replaces the earlier one's time limit."""
    latest: dict[str, ProcedureRequest] = {}
    for request in ProcedureRequest.objects.filter(communication=communication).order_by(
        "requested_on", "pk"
    ):
        latest[request.kind] = request
    return latest


def _change(deadline: Deadline, cause: str, actor: User | None, old: Deadline | None) -> DeadlineChange:
    return DeadlineChange(
        deadline=deadline,
        cause=cause,
        actor=actor,
        old_anchor_on=old.anchor_on if old else None,
        new_anchor_on=deadline.anchor_on,
        old_due_on=old.due_on if old else None,
        new_due_on=deadline.due_on,
        old_status=old.status if old else "",
        new_status=deadline.status,
    )


@transaction.atomic
def deadlines_recompute(*, communication: Communication, actor: User | None = None) -> list[Deadline]:
    """Bring the deadlines of ``communication`` in line with its dates; keep the history of every change.

    Idempotent: run twice, the second run changes nothing and writes no history.
    """
    locked = Communication.objects.select_for_update().filter(pk=communication.pk).first()
    if locked is None:  # deleted meanwhile
        return []
    computed = rules_.compute_all(case_dates(locked))
    existing = {d.kind: d for d in Deadline.objects.filter(communication=locked)}
    history: list[DeadlineChange] = []
    for kind in rules_.Kind:
        new, current = computed.get(kind), existing.get(kind.value)
        if new is None:
            if current is not None and current.is_pending:  # the date it ran from was removed
                before = Deadline(anchor_on=current.anchor_on, due_on=current.due_on, status=current.status)
                current.status, current.next_action_on = Deadline.Status.CANCELLED, None
                current.save()
                history.append(_change(current, DeadlineChange.Cause.CANCELLED, actor, before))
            continue
        status = STATUS_OF[new.state]
        if current is None:
            created = Deadline.objects.create(
                communication=locked,
                kind=kind.value,
                anchor_on=new.anchor_on,
                due_on=new.due_on,
                source=new.source,
                status=status,
                met_on=new.met_on,
                next_action_on=rules_.first_action_on(new.due_on) if status == Deadline.Status.OPEN else None,
            )
            existing[kind.value] = created
            history.append(_change(created, DeadlineChange.Cause.CREATED, actor, None))
            continue
        moved = (current.anchor_on, current.due_on) != (new.anchor_on, new.due_on)
        if status == Deadline.Status.OPEN and current.status == Deadline.Status.OVERDUE and not moved:
            status = Deadline.Status.OVERDUE  # still late: only the sweep or a new date changes that
        if (
            not moved
            and status == current.status
            and (current.met_on, current.source) == (new.met_on, new.source)
        ):
            continue
        before = Deadline(anchor_on=current.anchor_on, due_on=current.due_on, status=current.status)
        reopened = status == Deadline.Status.OPEN and (moved or current.status != status)
        current.anchor_on, current.due_on, current.source = new.anchor_on, new.due_on, new.source
        current.status, current.met_on = status, new.met_on
        if reopened:
            current.next_action_on = rules_.first_action_on(new.due_on)
            current.escalated_on = None
        elif status not in PENDING:
            current.next_action_on = None
        current.save()
        if moved:
            cause = DeadlineChange.Cause.RECOMPUTED
        elif status == Deadline.Status.MET:
            cause = DeadlineChange.Cause.MET
        elif status == Deadline.Status.CANCELLED:
            cause = DeadlineChange.Cause.CANCELLED
        elif status == before.status:
            continue  # only the source text or the day it was met changed: nothing to tell
        else:
            cause = DeadlineChange.Cause.REOPENED
        history.append(_change(current, cause, actor, before))
    DeadlineChange.objects.bulk_create(history)
    pending = [d.due_on for d in existing.values() if d.is_pending]
    nearest = min(pending) if pending else None
    if locked.next_deadline_on != nearest:
        # Kept on the case so that lists and queues sort by it through an index (update(): no signals).
        Communication.objects.filter(pk=locked.pk).update(next_deadline_on=nearest)
    return sorted(existing.values(), key=lambda d: (d.due_on, d.pk))


def deadlines_recompute_by_id(communication_id: int) -> None:
    communication = Communication.objects.filter(pk=communication_id).first()
    if communication is not None:
        deadlines_recompute(communication=communication)


@transaction.atomic
def interim_measures_record(
    *, communication: Communication, report_due_on: date | None, reported_on: date | None, actor: User
) -> InterimMeasuresReport | None:
    """Record (or, with no due date, remove) the date by which the State must report on interim measures."""
    if report_due_on is None:
        InterimMeasuresReport.objects.filter(communication=communication).delete()
        deadlines_recompute(communication=communication, actor=actor)
        return None
    record, _created = InterimMeasuresReport.objects.update_or_create(
        communication=communication,
        defaults={"report_due_on": report_due_on, "reported_on": reported_on, "recorded_by": actor},
    )
    deadlines_recompute(communication=communication, actor=actor)
    return record


# ---- The sweep ----


@dataclass
class SweepResult:
    deadlines: int = 0
    reminders: int = 0
    overdue: int = 0
    escalations: int = 0
    reminder_ids: list[int] = field(default_factory=list)


NOTIFICATION_KIND = {
    rules_.OVERDUE: Notification.Kind.OVERDUE,
    DeadlineReminder.Stage.ESCALATION: Notification.Kind.ESCALATION,
}


def responsible_id(communication: Communication) -> int:
    """Return the id of the person a case's deadlines are for: its assignee, else its filer."""
    return communication.assignee_id or communication.filer_id


def deadlines_due(today: date) -> QuerySet[Deadline]:
    """Return the deadlines the sweep must look at on ``today`` (read through the partial index)."""
    return Deadline.objects.filter(next_action_on__lte=today)


def deadlines_sweep_batch(*, today: date, batch_size: int) -> QuerySet[Deadline]:
    """Return the next batch of due deadlines, locked (SKIP LOCKED), with what the sweep needs of its case."""
    return (
        deadlines_due(today)
        .select_related("communication")
        .only(
            "id",
            "kind",
            "due_on",
            "status",
            "next_action_on",
            "escalated_on",
            "anchor_on",
            "communication",
            "communication__filer",
            "communication__assignee",
            "communication__organisation",
        )
        .order_by("next_action_on", "pk")
        .select_for_update(skip_locked=True, of=("self",))[:batch_size]
    )


def deadlines_sweep(*, today: date | None = None, batch_size: int = 1000) -> SweepResult:
    """Send what is due today for every deadline: reminders, overdue notices, escalations. Idempotent.

    Batches are locked with SKIP LOCKED (on PostgreSQL), so two sweeps running at once share the
    work instead of doing it twice; the unique constraint on reminders is the last guard.
    """
    today = today or geneva_today()
    result = SweepResult()
    while True:
        with transaction.atomic():
            batch = list(deadlines_sweep_batch(today=today, batch_size=batch_size))
            if batch:
                _sweep_batch(batch, today, result)
        if len(batch) < batch_size:
            return result


def _sweep_batch(batch: list[Deadline], today: date, result: SweepResult) -> None:
    ids = [d.pk for d in batch]
    org_ids = {d.communication.organisation_id for d in batch if d.communication.organisation_id}
    coordinators: dict[int, list[int]] = defaultdict(list)
    for org_id, user_id in Membership.objects.filter(
        organisation_id__in=org_ids,
        is_coordinator=True,
        user__is_active=True,
        user__role=User.Role.CASEWORKER,
    ).values_list("organisation_id", "user_id"):
        coordinators[org_id].append(user_id)
    responsible = {d.pk: responsible_id(d.communication) for d in batch}
    active = set(
        User.objects.filter(pk__in=set(responsible.values()), is_active=True).values_list("pk", flat=True)
    )
    sent = set(
        DeadlineReminder.objects.filter(deadline_id__in=ids).values_list(
            "deadline_id", "recipient_id", "stage", "due_on"
        )
    )
    reminders: list[DeadlineReminder] = []
    notifications: list[Notification] = []
    history: list[DeadlineChange] = []
    updates: dict[tuple[str, date | None, date | None], list[int]] = defaultdict(list)

    for deadline in batch:
        result.deadlines += 1
        status, escalated_on = deadline.status, deadline.escalated_on
        if status not in PENDING:
            updates[(status, None, escalated_on)].append(deadline.pk)
            continue
        stage = rules_.current_stage(deadline.due_on, today)
        person = responsible[deadline.pk] if responsible[deadline.pk] in active else None
        planned: list[tuple[int, str]] = []
        if stage == rules_.OVERDUE:
            if status == Deadline.Status.OPEN:
                status = Deadline.Status.OVERDUE
                result.overdue += 1
                history.append(
                    DeadlineChange(
                        deadline_id=deadline.pk,
                        cause=DeadlineChange.Cause.OVERDUE,
                        old_anchor_on=deadline.anchor_on,
                        new_anchor_on=deadline.anchor_on,
                        old_due_on=deadline.due_on,
                        new_due_on=deadline.due_on,
                        old_status=Deadline.Status.OPEN,
                        new_status=Deadline.Status.OVERDUE,
                    )
                )
            if person is not None:
                planned.append((person, rules_.OVERDUE))
            escalate_to = [
                user_id
                for user_id in coordinators.get(deadline.communication.organisation_id or 0, [])
                if user_id != person
            ]
            planned.extend((user_id, DeadlineReminder.Stage.ESCALATION.value) for user_id in escalate_to)
            if escalate_to and escalated_on is None:
                escalated_on = today
        elif stage is not None and person is not None:
            planned.append((person, stage))
        for recipient_id, planned_stage in planned:
            key = (deadline.pk, recipient_id, planned_stage, deadline.due_on)
            if key in sent:
                continue
            sent.add(key)
            reminders.append(
                DeadlineReminder(
                    deadline_id=deadline.pk,
                    recipient_id=recipient_id,
                    stage=planned_stage,
                    due_on=deadline.due_on,
                )
            )
            notifications.append(
                Notification(
                    user_id=recipient_id,
                    communication_id=deadline.communication.pk,
                    deadline_id=deadline.pk,
                    kind=NOTIFICATION_KIND.get(planned_stage, Notification.Kind.REMINDER),
                    due_on=deadline.due_on,
                    days_left=(deadline.due_on - today).days,
                )
            )
            if planned_stage == DeadlineReminder.Stage.ESCALATION:
                result.escalations += 1
        updates[(status, rules_.next_action_after(deadline.due_on, today), escalated_on)].append(deadline.pk)

    created = DeadlineReminder.objects.bulk_create(reminders)
    result.reminders += len(created)
    result.reminder_ids.extend(r.pk for r in created if r.pk is not None)
    Notification.objects.bulk_create(notifications)
    DeadlineChange.objects.bulk_create(history)
    now = timezone.now()
    for (status, next_action_on, escalated_on), pks in updates.items():
        Deadline.objects.filter(pk__in=pks).update(
            status=status, next_action_on=next_action_on, escalated_on=escalated_on, updated_at=now
        )


# ---- E-mails ----


def _site_url(path: str) -> str:
    return getattr(settings, "PORTAL_BASE_URL", "").rstrip("/") + path


# The e-mail template of each stage (templates/email/); the reminders before the date share one.
EMAIL_OF_STAGE: dict[str, str] = {
    DeadlineReminder.Stage.ESCALATION: "deadline_escalation",
    DeadlineReminder.Stage.OVERDUE: "deadline_overdue",
}


def reminder_email(reminder: DeadlineReminder) -> EmailMultiAlternatives:
    """Return the e-mail for one reminder, in its recipient's language. It names no child and no title."""
    deadline, recipient = reminder.deadline, reminder.recipient
    communication = deadline.communication
    case = communication.short_reference
    if communication.committee_reference:
        case = f"{case} ({communication.committee_reference})"
    language = email_language(recipient.preferred_language)
    with translation.override(language):  # the kind of deadline is a lazy label: name it in that language
        kind = str(deadline.get_kind_display())
        source = deadline_source(deadline.kind, deadline.source)
    return email_message(
        EMAIL_OF_STAGE.get(reminder.stage, "deadline_reminder"),
        {
            "case": case,
            "days": reminder.stage,
            "due_on": reminder.due_on,
            "kind": kind,
            "source": source,
            "case_url": _site_url(communication.get_absolute_url()),
            "deadlines_url": _site_url(reverse("complaints:deadline_list")),
        },
        to=[recipient.email],
        language=language,
    )


def reminder_emails_pending_ids(*, older_than: timedelta = timedelta(minutes=15)) -> list[int]:
    """Return reminders whose e-mail has still not gone out (a failed or lost e-mail task)."""
    cutoff = timezone.now() - older_than
    return list(
        DeadlineReminder.objects.filter(emailed_at=None, created_at__lt=cutoff).values_list("pk", flat=True)[
            :5000
        ]
    )


def reminder_emails_send(reminder_ids: Iterable[int]) -> int:
    """E-mail the reminders not e-mailed yet; return how many went out.

    Each reminder is claimed by setting ``emailed_at`` before it is sent, so two workers never
    send the same one; when sending fails the claim is released and the error raised (Celery retries).
    """
    sent = 0
    reminders = DeadlineReminder.objects.filter(pk__in=list(reminder_ids), emailed_at=None).select_related(
        "recipient", "deadline__communication"
    )
    connection = None
    try:
        for reminder in reminders:
            now = timezone.now()
            if not DeadlineReminder.objects.filter(pk=reminder.pk, emailed_at=None).update(emailed_at=now):
                continue  # another worker took it
            if not reminder.recipient.email or not reminder.recipient.is_active:
                continue  # nothing to send to: the in-app notification is all there is
            message = reminder_email(reminder)
            if connection is None:
                connection = get_connection()
                connection.open()
            message.connection = connection
            try:
                message.send()
            except Exception:
                DeadlineReminder.objects.filter(pk=reminder.pk).update(emailed_at=None)
                raise
            sent += 1
    finally:
        if connection is not None:
            connection.close()
    return sent


# ---- Reads ----


def deadlines_visible_to(user: Any) -> QuerySet[Deadline]:
    """Return the deadlines of the communications ``user`` may see (complaints.permissions decides)."""
    return Deadline.objects.filter(communication__in=communications_visible_to(user))


def deadlines_upcoming(*, user: Any, today: date | None = None, days: int = 30) -> QuerySet[Deadline]:
    """Return the pending deadlines ``user`` may see that fall due within ``days`` (overdue ones included)."""
    today = today or geneva_today()
    return (
        deadlines_visible_to(user)
        .filter(status__in=PENDING, due_on__lte=today + timedelta(days=days))
        .select_related("communication")
        .order_by("due_on", "pk")
    )


# A summary line counts at most this many cases of each kind, then says "more than" (as the case list does).
SUMMARY_COUNT_CAP = 1000


@dataclass(frozen=True)
class DeadlineSummary:
    """How many visible cases have a pending deadline within ``days``, and how many one already past.

    Each number is exact up to ``cap``; beyond it the ``*_capped`` flag says "more than ``cap``".
    """

    upcoming: int
    upcoming_capped: bool
    overdue: int
    overdue_capped: bool
    unread: int
    cap: int


def deadline_summary_for(
    *, user: Any, today: date | None = None, days: int = 30, cap: int | None = None
) -> DeadlineSummary:
    """Summarise ``user``'s deadlines from each case's nearest pending one (``next_deadline_on``).

    The column is indexed and kept by ``deadlines_recompute``, so the counts read that index and
    stop at ``cap`` + 1 rows: the cost does not grow with the number of cases or deadlines.
    """
    today = today or timezone.localdate()
    cap = SUMMARY_COUNT_CAP if cap is None else cap
    cases = communications_visible_to(user).order_by()

    def capped(rows: QuerySet[Any]) -> tuple[int, bool]:
        counted = rows[: cap + 1].count()
        return min(counted, cap), counted > cap

    upcoming, upcoming_capped = capped(cases.filter(next_deadline_on__lte=today + timedelta(days=days)))
    overdue, overdue_capped = capped(cases.filter(next_deadline_on__lt=today))
    unread, _ = capped(notifications_for(user=user, unread_only=True).order_by())
    return DeadlineSummary(upcoming, upcoming_capped, overdue, overdue_capped, unread, cap)


def deadlines_of_case(*, communication: Communication) -> QuerySet[Deadline]:
    return Deadline.objects.filter(communication=communication).order_by("due_on", "pk")


def notifications_for(*, user: Any, unread_only: bool = False) -> QuerySet[Notification]:
    """Return ``user``'s notifications about cases they may still see, newest first."""
    notifications = Notification.objects.filter(
        user=user, communication__in=communications_visible_to(user)
    ).select_related("communication", "deadline")
    return notifications.filter(read_at=None) if unread_only else notifications


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())
