"""Deadlines in the database: recomputed with history, swept once, escalated, shown with permissions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from complaints.deadlines import (
    deadlines_recompute,
    deadlines_sweep,
    deadlines_upcoming,
    interim_measures_record,
    reminder_emails_send,
)
from complaints.lifecycle import TransitionRequest, communication_transition
from complaints.models import (
    Communication,
    Deadline,
    DeadlineChange,
    DeadlineReminder,
    Membership,
    Notification,
    Organisation,
    User,
)
from complaints.tasks import sweep_deadlines
from tests.conftest import World, login
from tests.factories import (
    CommunicationFactory,
    DomesticRemedyFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
D = date
Kind, Status = Deadline.Kind, Deadline.Status


def case(**fields: Any) -> Communication:
    communication = CommunicationFactory.create(**fields)
    deadlines_recompute(communication=communication)
    return communication


def deadline(communication: Communication, kind: str) -> Deadline:
    return Deadline.objects.get(communication=communication, kind=kind)


# ---- Recomputing, with history ----


def test_a_transition_creates_the_deadline_it_starts_and_records_who(world: World) -> None:
    communication = world.mine
    Communication.objects.filter(pk=communication.pk).update(status="registered", submitted_on=D(2025, 6, 1))
    communication.refresh_from_db()
    communication_transition(
        communication=communication,
        request=TransitionRequest(to="transmitted", on=D(2025, 8, 31)),
        actor=world.caseworker,
    )
    found = deadline(communication, Kind.STATE_EXPLANATIONS)
    assert (found.anchor_on, found.due_on, found.status) == (D(2025, 8, 31), D(2026, 2, 28), Status.OPEN)
    assert found.next_action_on == D(2026, 1, 29)  # 30 days before
    change = found.changes.get()
    assert (change.cause, change.actor, change.new_due_on) == ("created", world.caseworker, D(2026, 2, 28))


def test_the_next_step_meets_one_deadline_and_starts_another(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    communication_transition(
        communication=communication,
        request=TransitionRequest(to="observations_received", on=D(2025, 8, 20)),
        actor=world.admin,
    )
    state = deadline(communication, Kind.STATE_EXPLANATIONS)
    assert (state.status, state.met_on, state.next_action_on) == (Status.MET, D(2025, 8, 20), None)
    assert state.changes.filter(cause="met").exists()
    comments = deadline(communication, Kind.AUTHOR_COMMENTS)
    assert comments.due_on == D(2025, 10, 20)  # two months by default (rule 18)


def test_closing_a_case_cancels_what_is_still_open(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    communication_transition(
        communication=communication,
        request=TransitionRequest(to="closed", on=D(2025, 4, 1), closure="discontinued"),
        actor=world.admin,
    )
    found = deadline(communication, Kind.STATE_EXPLANATIONS)
    assert (found.status, found.next_action_on) == (Status.CANCELLED, None)


def test_when_the_date_it_hangs_on_changes_the_deadline_moves_and_its_history_is_kept(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    Communication.objects.filter(pk=communication.pk).update(transmitted_on=D(2025, 3, 31))
    deadlines_recompute(communication=communication, actor=world.admin)
    found = deadline(communication, Kind.STATE_EXPLANATIONS)
    assert found.due_on == D(2025, 9, 30)
    history = list(found.changes.values_list("cause", "old_due_on", "new_due_on"))
    assert history == [("created", None, D(2025, 9, 1)), ("recomputed", D(2025, 9, 1), D(2025, 9, 30))]


def test_recomputing_twice_changes_nothing_the_second_time(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    before = DeadlineChange.objects.count()
    deadlines_recompute(communication=communication)
    deadlines_recompute(communication=communication)
    assert DeadlineChange.objects.count() == before


def test_editing_the_final_domestic_decision_moves_the_filing_limit(world: World) -> None:
    """Through the API's remedy routes, which save through the draft's versioned service."""
    client = APIClient()
    client.force_authenticate(world.caseworker)
    remedy = world.mine.remedies.get()
    assert deadline(world.mine, Kind.FILING).due_on == D(2026, 2, 1)
    response = client.patch(f"/api/v1/remedies/{remedy.pk}/", {"decided_on": "2025-08-31"}, format="json")
    assert response.status_code == 200, response.json()
    assert deadline(world.mine, Kind.FILING).due_on == D(2026, 8, 31)
    response = client.post(
        "/api/v1/remedies/",
        {
            "communication": str(world.mine.reference),
            "authority": "Supreme court",
            "decided_on": "2025-10-02",
            "is_final": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert deadline(world.mine, Kind.FILING).due_on == D(2026, 10, 2)
    for step in world.mine.remedies.all():
        assert client.delete(f"/api/v1/remedies/{step.pk}/").status_code == 204
    found = deadline(world.mine, Kind.FILING)
    assert found.status == Status.CANCELLED
    assert list(found.changes.values_list("cause", flat=True)) == [
        "created",
        "recomputed",
        "recomputed",
        "cancelled",
    ]


def test_one_transition_recomputes_the_deadlines_once(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    with CaptureQueriesContext(connection) as queries:
        communication_transition(
            communication=communication,
            request=TransitionRequest(to="views_adopted", on=D(2025, 6, 4)),
            actor=world.caseworker,
        )
    locks = [q for q in queries.captured_queries if "FOR UPDATE" in q["sql"] and "communication" in q["sql"]]
    assert len(locks) <= 2  # the transition's lock and the recompute's, nothing after the commit
    follow_up = deadline(communication, Kind.FOLLOW_UP)
    assert list(follow_up.changes.values_list("cause", flat=True)) == ["created"]


def test_deleting_a_case_with_deadlines_and_remedies_works(world: World) -> None:
    communication = case(
        filer=world.filer, status="transmitted", submitted_on=D(2025, 1, 5), transmitted_on=D(2025, 3, 1)
    )
    DomesticRemedyFactory.create(communication=communication)
    communication.delete()
    assert not Deadline.objects.filter(communication_id=communication.pk).exists()


def test_the_interim_measures_report_date_is_recorded_by_the_handling_caseworker(world: World) -> None:
    url = reverse("complaints:interim_measures", args=[world.mine.reference])
    assert login(world.filer).post(url, {"report_due_on": "2025-03-15"}).status_code == 403
    response = login(world.caseworker).post(url, {"report_due_on": "2025-03-15"})
    assert response.status_code == 302
    found = deadline(world.mine, Kind.INTERIM_MEASURES)
    assert (found.due_on, found.status) == (D(2025, 3, 15), Status.OPEN)
    assert found.changes.get().actor == world.caseworker
    interim_measures_record(
        communication=world.mine,
        report_due_on=D(2025, 3, 15),
        reported_on=D(2025, 3, 10),
        actor=world.caseworker,
    )
    assert deadline(world.mine, Kind.INTERIM_MEASURES).status == Status.MET
    interim_measures_record(
        communication=world.mine, report_due_on=None, reported_on=None, actor=world.caseworker
    )
    assert deadline(world.mine, Kind.INTERIM_MEASURES).status == Status.MET  # met stays met


# ---- The sweep ----


@pytest.fixture
def due_case(db: None) -> Communication:
    """A transmitted case of an NGO with a coordinator; the State's explanations are due on 1 March 2026."""
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    MembershipFactory.create(organisation=ngo, is_coordinator=True, user__email="coordinator@example.org")
    MembershipFactory.create(organisation=ngo, is_coordinator=False)
    return case(
        organisation=ngo,
        status="transmitted",
        submitted_on=D(2025, 6, 1),
        transmitted_on=D(2025, 9, 1),
        filer=UserFactory.create(preferred_language="ru"),
    )


def sent(communication: Communication) -> list[tuple[str, str]]:
    return sorted(
        (r.stage, r.recipient.username)
        for r in DeadlineReminder.objects.filter(deadline__communication=communication).select_related(
            "recipient"
        )
    )


def test_a_reminder_goes_out_30_days_before_and_once_only(due_case: Communication) -> None:
    today = D(2026, 1, 30)
    first = deadlines_sweep(today=today)
    second = deadlines_sweep(today=today)
    assert (first.reminders, second.reminders) == (1, 0)
    assert sent(due_case) == [("30", due_case.filer.username)]
    notice = Notification.objects.get(user=due_case.filer)
    assert (notice.kind, notice.days_left, notice.due_on) == ("reminder", 30, D(2026, 3, 1))
    assert deadline(due_case, Kind.STATE_EXPLANATIONS).next_action_on == D(2026, 2, 15)

    assert reminder_emails_send(first.reminder_ids + second.reminder_ids) == 1
    assert reminder_emails_send(first.reminder_ids) == 0  # already e-mailed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [due_case.filer.email]
    assert "1 марта 2026" in message.subject  # in the filer's language (ru)
    assert due_case.short_reference not in message.subject  # neutral: a family may share the inbox
    assert due_case.short_reference in message.body
    assert due_case.title not in f"{message.subject} {message.body}"  # no title, no name in e-mail


def test_each_stage_is_sent_once_and_a_late_start_sends_only_the_current_stage(
    due_case: Communication,
) -> None:
    for day in [
        D(2026, 2, 20),
        D(2026, 2, 20),
        D(2026, 2, 22),
        D(2026, 2, 23),
        D(2026, 2, 28),
        D(2026, 2, 28),
    ]:
        deadlines_sweep(today=day)
    assert sent(due_case) == sorted(
        [("14", due_case.filer.username), ("7", due_case.filer.username), ("1", due_case.filer.username)]
    )


def test_reminders_go_to_the_assignee_rather_than_the_filer(due_case: Communication) -> None:
    assignee = UserFactory.create(role=User.Role.CASEWORKER)
    Communication.objects.filter(pk=due_case.pk).update(assignee=assignee)
    deadlines_sweep(today=D(2026, 2, 22))
    assert sent(due_case) == [("7", assignee.username)]


def test_the_day_after_it_is_overdue_and_escalated_to_the_coordinators_once(due_case: Communication) -> None:
    coordinator = Membership.objects.get(organisation=due_case.organisation, is_coordinator=True).user
    result = deadlines_sweep(today=D(2026, 3, 2))
    again = deadlines_sweep(today=D(2026, 3, 9))
    assert (result.overdue, result.escalations, again.reminders) == (1, 1, 0)
    found = deadline(due_case, Kind.STATE_EXPLANATIONS)
    assert (found.status, found.escalated_on, found.next_action_on) == (Status.OVERDUE, D(2026, 3, 2), None)
    assert sent(due_case) == sorted(
        [("escalation", coordinator.username), ("overdue", due_case.filer.username)]
    )
    assert found.changes.filter(cause="overdue", new_status="overdue").count() == 1
    assert Notification.objects.get(user=coordinator).kind == "escalation"
    reminder_emails_send(DeadlineReminder.objects.values_list("pk", flat=True))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([due_case.filer.email, coordinator.email])


def test_meeting_a_deadline_stops_its_reminders(due_case: Communication) -> None:
    deadlines_sweep(today=D(2026, 1, 30))
    Communication.objects.filter(pk=due_case.pk).update(
        status="observations_received", observations_received_on=D(2026, 2, 1)
    )
    deadlines_recompute(communication=due_case)
    deadlines_sweep(today=D(2026, 3, 2))
    state = deadline(due_case, Kind.STATE_EXPLANATIONS)
    assert list(state.reminders.values_list("stage", flat=True)) == ["30"]
    assert (state.status, state.next_action_on) == (Status.MET, None)


def test_a_moved_deadline_is_reminded_again_for_its_new_date(due_case: Communication) -> None:
    deadlines_sweep(today=D(2026, 2, 22))
    Communication.objects.filter(pk=due_case.pk).update(transmitted_on=D(2025, 9, 5))
    deadlines_recompute(communication=due_case)
    deadlines_sweep(today=D(2026, 2, 26))
    reminders = DeadlineReminder.objects.filter(deadline__communication=due_case).order_by("due_on")
    assert [(r.stage, r.due_on) for r in reminders] == [("7", D(2026, 3, 1)), ("7", D(2026, 3, 5))]


def test_the_unique_constraint_refuses_a_second_identical_reminder(due_case: Communication) -> None:
    deadlines_sweep(today=D(2026, 1, 30))
    reminder = DeadlineReminder.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        DeadlineReminder.objects.create(
            deadline=reminder.deadline,
            recipient=reminder.recipient,
            stage=reminder.stage,
            due_on=reminder.due_on,
        )


def test_the_sweep_reads_only_due_deadlines(due_case: Communication) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            deadlines_sweep(today=D(2026, 1, 30))
        DeadlineReminder.objects.all().delete()
        Notification.objects.all().delete()
        Deadline.objects.filter(kind=Kind.STATE_EXPLANATIONS).update(
            next_action_on=D(2026, 1, 30), status="open"
        )
        return len(captured.captured_queries)

    alone = queries()
    for _ in range(30):  # thirty cases with nothing due today
        case(
            filer=due_case.filer,
            status="transmitted",
            submitted_on=D(2025, 6, 1),
            transmitted_on=D(2025, 12, 1),
        )
    Deadline.objects.exclude(communication=due_case).update(next_action_on=D(2026, 5, 1))
    assert queries() == alone


def test_the_beat_task_sweeps_and_sends_the_emails(due_case: Communication) -> None:
    result = sweep_deadlines.delay().get()
    assert result["reminders"] >= 1
    assert len(mail.outbox) == result["reminders"]
    assert sweep_deadlines.delay().get()["reminders"] == 0
    assert len(mail.outbox) == result["reminders"]


def test_a_failed_email_is_sent_again_later(due_case: Communication, monkeypatch: pytest.MonkeyPatch) -> None:
    result = deadlines_sweep(today=D(2026, 1, 30))

    def broken(self: Any, *args: Any, **kwargs: Any) -> int:
        raise OSError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(OSError, match="smtp down"):
        reminder_emails_send(result.reminder_ids)
    assert DeadlineReminder.objects.get().emailed_at is None
    monkeypatch.undo()
    assert reminder_emails_send(result.reminder_ids) == 1


# ---- Pages and permissions ----


def test_the_deadlines_page_shows_only_visible_deadlines_of_the_next_30_days(world: World) -> None:
    today = timezone.localdate()
    ago = {"submitted_on": today - timedelta(days=200), "status": "transmitted"}
    soon = case(filer=world.filer, title="Soon-case", transmitted_on=today - timedelta(days=170), **ago)
    later = case(filer=world.filer, title="Later-case", transmitted_on=today - timedelta(days=20), **ago)
    stranger = case(title="Stranger-case", transmitted_on=today - timedelta(days=170), **ago)
    body = login(world.filer).get(reverse("complaints:deadline_list")).content.decode()
    assert soon.title in body
    assert later.title not in body
    assert stranger.title not in body
    assert world.theirs.title not in body
    assert set(deadlines_upcoming(user=world.caseworker)) >= set(
        Deadline.objects.filter(communication=world.mine)
    )
    assert not deadlines_upcoming(user=world.caseworker).filter(communication=stranger).exists()


def test_the_dashboard_links_the_deadlines_page(world: World) -> None:
    body = login(world.filer).get(reverse("complaints:dashboard")).content.decode()
    assert reverse("complaints:deadline_list") in body


def test_the_case_page_shows_its_deadlines(world: World) -> None:
    body = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert 'id="deadlines"' in body
    assert "OPIC art. 7(h)" in body
    assert (
        reverse("complaints:interim_measures", args=[world.mine.reference]) not in body
    )  # filer cannot record
    body = login(world.caseworker).get(world.mine.get_absolute_url()).content.decode()
    assert reverse("complaints:interim_measures", args=[world.mine.reference]) in body


def test_notifications_are_listed_and_marked_read(due_case: Communication) -> None:
    deadlines_sweep(today=D(2026, 1, 30))
    client = login(due_case.filer)
    assert "fw-semibold" in client.get(reverse("complaints:deadline_list")).content.decode()
    client.post(reverse("complaints:notifications_read"))
    assert Notification.objects.get().read_at is not None
