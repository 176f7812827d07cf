from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from complaints.lifecycle import (
    TRANSITIONS,
    TransitionNotAllowed,
    TransitionRequest,
    allowed_transitions,
    communication_record_submission,
    communication_transition,
)
from complaints.models import Communication, Event
from tests.factories import CommunicationFactory

pytestmark = pytest.mark.django_db
Status = Communication.Status


def move(communication: Communication, to: str, on: date, **extra: str) -> Communication:
    return communication_transition(
        communication=communication, request=TransitionRequest(to=to, on=on, **extra), actor=None
    )


def test_every_status_has_a_row_in_the_transition_table() -> None:
    assert set(TRANSITIONS) == set(Status.values)
    for targets in TRANSITIONS.values():
        assert targets <= set(Status.values)


def test_a_closed_case_can_go_nowhere() -> None:
    assert TRANSITIONS[Status.CLOSED] == frozenset()


def test_a_transition_sets_its_date_bumps_the_version_and_writes_the_timeline() -> None:
    communication = CommunicationFactory.create(status=Status.SUBMITTED, submitted_on=date(2025, 1, 10))
    moved = move(communication, Status.REGISTERED, date(2025, 2, 3), committee_reference="CRC/250/2025")
    assert moved.status == Status.REGISTERED
    assert moved.registered_on == date(2025, 2, 3)
    assert moved.committee_reference == "CRC/250/2025"
    assert moved.version == communication.version + 1
    event = Event.objects.get(communication=communication, kind=Event.Kind.TRANSITION)
    assert (event.from_status, event.to_status, event.occurred_on) == (
        Status.SUBMITTED,
        Status.REGISTERED,
        date(2025, 2, 3),
    )


def test_a_disallowed_transition_is_a_clear_error_and_writes_nothing() -> None:
    communication = CommunicationFactory.create(status=Status.DRAFT)
    with pytest.raises(TransitionNotAllowed, match="cannot become"):
        move(communication, Status.VIEWS_ADOPTED, date(2025, 2, 3))
    communication.refresh_from_db()
    assert communication.status == Status.DRAFT
    assert communication.views_adopted_on is None
    assert not Event.objects.filter(communication=communication).exists()


def test_registration_needs_the_committees_reference() -> None:
    communication = CommunicationFactory.create(status=Status.SUBMITTED, submitted_on=date(2025, 1, 10))
    with pytest.raises(TransitionNotAllowed, match="reference"):
        move(communication, Status.REGISTERED, date(2025, 2, 3))


def test_closing_needs_a_reason_and_inadmissibility_records_the_decision_date() -> None:
    communication = CommunicationFactory.create(status=Status.TRANSMITTED, submitted_on=date(2025, 1, 10))
    with pytest.raises(TransitionNotAllowed):
        move(communication, Status.CLOSED, date(2025, 6, 1))
    closed = move(communication, Status.CLOSED, date(2025, 6, 1), closure="inadmissible")
    assert closed.closure == "inadmissible"
    assert closed.admissibility_decided_on == date(2025, 6, 1)


def test_a_date_in_the_future_or_before_submission_is_refused() -> None:
    communication = CommunicationFactory.create(status=Status.SUBMITTED, submitted_on=date(2025, 1, 10))
    with pytest.raises(TransitionNotAllowed, match="future"):
        move(communication, Status.CLOSED, timezone.localdate() + timedelta(days=1), closure="withdrawn")
    with pytest.raises(TransitionNotAllowed, match="before"):
        move(communication, Status.CLOSED, date(2025, 1, 9), closure="withdrawn")


def test_a_stale_copy_cannot_move_a_case_twice() -> None:
    communication = CommunicationFactory.create(status=Status.SUBMITTED, submitted_on=date(2025, 1, 10))
    stale = Communication.objects.get(pk=communication.pk)
    move(communication, Status.REGISTERED, date(2025, 2, 3), committee_reference="CRC/1/2025")
    with pytest.raises(TransitionNotAllowed):
        move(stale, Status.REGISTERED, date(2025, 2, 4), committee_reference="CRC/2/2025")


def test_allowed_transitions_are_listed_in_lifecycle_order() -> None:
    communication = CommunicationFactory.create(status=Status.TRANSMITTED)
    assert allowed_transitions(communication) == [
        Status.OBSERVATIONS_RECEIVED,
        Status.ADMISSIBLE,
        Status.VIEWS_ADOPTED,
        Status.CLOSED,
    ]


@pytest.mark.parametrize(
    ("moment", "accepted", "refused"),
    [
        # 00:30 in Almaty on 16 January is still 19:30 on the 15th in Geneva (CET): the 16th has
        # not begun where the Committee dates its letters, so it is refused; the 15th is accepted.
        (datetime(2026, 1, 15, 19, 30, tzinfo=UTC), date(2026, 1, 15), date(2026, 1, 16)),
        # One second after midnight in Geneva the 16th is a day that has begun.
        (datetime(2026, 1, 15, 23, 0, 1, tzinfo=UTC), date(2026, 1, 16), date(2026, 1, 17)),
        # In summer (CEST) midnight in Geneva comes an hour earlier in UTC.
        (datetime(2026, 7, 15, 22, 0, 1, tzinfo=UTC), date(2026, 7, 16), date(2026, 7, 17)),
    ],
)
def test_a_date_is_in_the_future_when_its_day_has_not_begun_in_geneva(
    monkeypatch: pytest.MonkeyPatch, moment: datetime, accepted: date, refused: date
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)
    communication = CommunicationFactory.create(status=Status.SUBMITTED, submitted_on=date(2025, 1, 10))
    with pytest.raises(TransitionNotAllowed, match="future"):
        move(communication, Status.REGISTERED, refused, committee_reference="CRC/9/2026")
    moved = move(communication, Status.REGISTERED, accepted, committee_reference="CRC/9/2026")
    assert moved.registered_on == accepted


def test_a_draft_signed_after_midnight_in_almaty_is_submitted_on_the_new_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 00:30 in Almaty on 16 January is 19:30 on the 15th in Geneva: the submission is the portal's
    # own act, dated where it runs, so the child who signs then is not told the day is "in the future".
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 1, 15, 19, 30, tzinfo=UTC))
    communication = CommunicationFactory.create(signed_name="Aliya")
    submitted = communication_record_submission(communication=communication, on=date(2026, 1, 16), actor=None)
    assert (submitted.status, submitted.submitted_on) == (Status.SUBMITTED, date(2026, 1, 16))
