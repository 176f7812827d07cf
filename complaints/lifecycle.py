"""The lifecycle of a communication: the one table of allowed transitions, and the service that moves a case.

A transition records what the Committee or the State did, on the day it happened: it sets the
matching date on the communication, bumps its version and writes an event to the timeline. A
transition that the table does not allow raises TransitionNotAllowed and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import deadlines_recompute
from complaints.models import Communication, Event, User
from complaints.timeline import texts

Status = Communication.Status

# From each status, the statuses a case may move to. CLOSED is final.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.REGISTERED, Status.CLOSED}),
    Status.REGISTERED: frozenset({Status.TRANSMITTED, Status.CLOSED}),
    Status.TRANSMITTED: frozenset(
        {Status.OBSERVATIONS_RECEIVED, Status.ADMISSIBLE, Status.VIEWS_ADOPTED, Status.CLOSED}
    ),
    Status.OBSERVATIONS_RECEIVED: frozenset(
        {Status.COMMENTS_SENT, Status.ADMISSIBLE, Status.VIEWS_ADOPTED, Status.CLOSED}
    ),
    Status.COMMENTS_SENT: frozenset({Status.ADMISSIBLE, Status.VIEWS_ADOPTED, Status.CLOSED}),
    Status.ADMISSIBLE: frozenset({Status.OBSERVATIONS_RECEIVED, Status.VIEWS_ADOPTED, Status.CLOSED}),
    Status.VIEWS_ADOPTED: frozenset({Status.FOLLOW_UP, Status.CLOSED}),
    Status.FOLLOW_UP: frozenset({Status.FOLLOW_UP, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}

# The date field each transition sets.
DATE_FIELD: dict[str, str] = {
    Status.SUBMITTED: "submitted_on",
    Status.REGISTERED: "registered_on",
    Status.TRANSMITTED: "transmitted_on",
    Status.OBSERVATIONS_RECEIVED: "observations_received_on",
    Status.COMMENTS_SENT: "comments_sent_on",
    Status.ADMISSIBLE: "admissibility_decided_on",
    Status.VIEWS_ADOPTED: "views_adopted_on",
    Status.FOLLOW_UP: "follow_up_received_on",
    Status.CLOSED: "closed_on",
}


class TransitionNotAllowed(Exception):
    """A lifecycle change the table forbids, or one missing what it needs."""


@dataclass(frozen=True)
class TransitionRequest:
    to: str
    on: date
    committee_reference: str = ""
    closure: str = ""
    note: str = ""


# A draft becomes "submitted" only by being signed: complaints.filing.submission.communication_submit checks
# the signature, the consent and the child's answers first, then calls communication_record_submission.
SIGNED_ONLY = frozenset({Status.SUBMITTED})


def allowed_transitions(communication: Communication) -> list[str]:
    """Return the statuses ``communication`` may be moved to by hand next, in lifecycle order."""
    allowed = TRANSITIONS[communication.status] - SIGNED_ONLY
    return [value for value in Status.values if value in allowed]


def _check(communication: Communication, request: TransitionRequest, *, signed: bool = False) -> None:
    if request.to in SIGNED_ONLY and not signed:
        raise TransitionNotAllowed(
            _("A draft is submitted by signing it on the last step, after the portal has checked it.")
        )
    if request.to not in TRANSITIONS.get(communication.status, frozenset()):
        raise TransitionNotAllowed(
            _("A case that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": Status(communication.status).label,
                "target": Status(request.to).label if request.to in Status.values else request.to,
            }
        )
    if request.to == Status.REGISTERED and not request.committee_reference.strip():
        raise TransitionNotAllowed(_("Registration needs the Committee's reference number."))
    if request.to == Status.CLOSED and request.closure not in Communication.Closure.values:
        raise TransitionNotAllowed(_("Say how the case was closed."))
    # The Committee's and the State's acts are dated in Geneva: a day that has begun there is not
    # "in the future", and one that has begun in Almaty only is (complaints.deadlines.geneva). The
    # submission is the portal's own act, dated where the portal runs: after midnight in Almaty a
    # child signs on the new day although it has not begun in Geneva yet.
    today = timezone.localdate() if request.to in SIGNED_ONLY else geneva_today()
    if request.on > today:
        raise TransitionNotAllowed(_("This date is in the future."))
    if communication.submitted_on and request.on < communication.submitted_on:
        raise TransitionNotAllowed(_("This date is before the communication was submitted."))


def communication_transition(
    *, communication: Communication, request: TransitionRequest, actor: User | None
) -> Communication:
    """Move ``communication`` to ``request.to`` on ``request.on``; raise TransitionNotAllowed otherwise.

    The row is locked while it changes, so two people recording at once cannot both win. A draft
    cannot be moved to "submitted" here: see communication_record_submission.
    """
    if request.to == Status.CLOSED and request.closure == Communication.Closure.FRIENDLY_SETTLEMENT:
        raise TransitionNotAllowed(
            _(
                "A friendly settlement is recorded on the settlement page, with the author's and the "
                "child's agreement; it closes the case there."
            )
        )
    return _transition(communication=communication, request=request, actor=actor, signed=False)


def communication_close_by_settlement(
    *, communication: Communication, on: date, actor: User | None, note: str = ""
) -> Communication:
    """Close a case whose friendly settlement was agreed (OPIC art. 9(2)): for the settlement service only."""
    request = TransitionRequest(
        to=Status.CLOSED, on=on, closure=Communication.Closure.FRIENDLY_SETTLEMENT, note=note
    )
    return _transition(communication=communication, request=request, actor=actor, signed=False)


def communication_record_submission(
    *, communication: Communication, on: date, actor: User | None, note: str = ""
) -> Communication:
    """Mark a signed draft as submitted: for the submission service only, after its checks."""
    request = TransitionRequest(to=Status.SUBMITTED, on=on, note=note)
    return _transition(communication=communication, request=request, actor=actor, signed=True)


@transaction.atomic
def _transition(
    *, communication: Communication, request: TransitionRequest, actor: User | None, signed: bool
) -> Communication:
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    if request.to in SIGNED_ONLY and signed and not locked.signed_name.strip():
        raise TransitionNotAllowed(_("Sign the communication before it is submitted."))
    _check(locked, request, signed=signed)
    previous = locked.status
    locked.status = request.to
    setattr(locked, DATE_FIELD[request.to], request.on)
    if request.to == Status.REGISTERED:
        locked.committee_reference = request.committee_reference.strip()
    if request.to == Status.CLOSED:
        locked.closure = request.closure
        if request.closure == Communication.Closure.INADMISSIBLE and not locked.admissibility_decided_on:
            locked.admissibility_decided_on = request.on
    locked.version += 1
    locked.save()
    Event.objects.create(
        communication=locked,
        kind=Event.Kind.TRANSITION,
        actor=actor,
        occurred_on=request.on,
        from_status=previous,
        to_status=request.to,
        note=request.note,
    )
    deadlines_recompute(communication=locked, actor=actor)
    return locked


@transaction.atomic
def communication_record_views_transmission(
    *, communication: Communication, on: date, actor: User | None
) -> Communication:
    """Record the day the Committee transmitted its Views to the State (OPIC art. 10(5)).

    The State's six months for its written response run from that day (art. 11(1)).
    """
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    if locked.views_adopted_on is None:
        raise TransitionNotAllowed(_("Record the adoption of the Views first."))
    if on > geneva_today():
        raise TransitionNotAllowed(_("This date is in the future."))
    if on < locked.views_adopted_on:
        raise TransitionNotAllowed(_("The Views cannot be transmitted before they were adopted."))
    locked.views_transmitted_on = on
    locked.version += 1
    locked.save()
    Event.objects.create(
        communication=locked,
        kind=Event.Kind.TRANSITION,
        actor=actor,
        occurred_on=on,
        code=texts.VIEWS_TRANSMITTED,
    )
    deadlines_recompute(communication=locked, actor=actor)
    return locked
