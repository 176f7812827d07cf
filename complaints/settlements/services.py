"""Friendly settlement (OPIC art. 9): opening talks, recording their steps, the agreement and its follow-up.

Every write checks access (``complaints.settle_communication``: the handling caseworker or an
administrator), validates, locks the case, bumps its version, writes a timeline event and recomputes
the deadlines, like every other change to a case.

The agreement needs the author's agreement and the child's informed agreement, recorded like
consent: the child agreed after it was explained to them, or could not be asked, with the reason
(OPIC art. 5(2) and rule 12's safeguards against manipulation apply to a settlement too). A child's
"no" stops it. The terms must name what the State will do for the child. Once agreed, the case is
closed as settled (art. 9(2)) and the State's report on the terms is due within six months
(rules of procedure, rule 28); the Committee's later requests carry the time limit they set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from complaints.deadlines.geneva import geneva_today
from complaints.lifecycle import TransitionNotAllowed, communication_close_by_settlement
from complaints.models import Communication, Event, Settlement, SettlementStep, User
from complaints.permissions import communication_access
from complaints.services import communication_record_act
from complaints.timeline import texts

Status = Communication.Status

# Talks can be opened once the communication is registered and until the Committee has decided it.
OPEN_FROM = frozenset(
    {
        Status.REGISTERED,
        Status.TRANSMITTED,
        Status.OBSERVATIONS_RECEIVED,
        Status.COMMENTS_SENT,
        Status.ADMISSIBLE,
    }
)
MIN_COMMITMENT_WORDS = 5


class SettlementRefused(Exception):
    """What was asked cannot be done: the message says why, in plain words."""


@dataclass(frozen=True)
class Agreement:
    agreed_on: date
    terms: str
    state_commitments: str
    author_agreed_on: date
    child_agreement: str
    child_agreement_on: date
    child_agreement_reason: str = ""


def _not_future(day: date) -> None:
    if day > geneva_today():
        raise SettlementRefused(_("This date is in the future."))


def _locked(user: User, communication: Communication) -> Communication:
    communication_access(user, communication.reference, "settle")
    return Communication.objects.select_for_update().get(pk=communication.pk)


def _event(communication: Communication, actor: User, on: date, code: str, **params: str) -> None:
    """Write a timeline event as a code, shown in each reader's language (complaints.timeline.texts)."""
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.TRANSITION,
        actor=actor,
        occurred_on=on,
        code=code,
        params=params,
    )


def settlement_of(communication: Communication) -> Settlement | None:
    return Settlement.objects.filter(communication=communication).prefetch_related("steps").first()


@transaction.atomic
def settlement_open(*, communication: Communication, on: date, actor: User) -> Settlement:
    """Record that settlement talks opened under the Committee's good offices (OPIC art. 9(1))."""
    locked = _locked(actor, communication)
    _not_future(on)
    if locked.status not in OPEN_FROM:
        raise SettlementRefused(
            _(
                "Settlement talks can be recorded once the Committee has registered the case, until it "
                "decides it."
            )
        )
    if Settlement.objects.filter(communication=locked).exists():
        raise SettlementRefused(_("Settlement talks are already recorded for this case."))
    if locked.registered_on and on < locked.registered_on:
        raise SettlementRefused(_("The talks cannot have opened before the case was registered."))
    settlement = Settlement.objects.create(communication=locked, opened_on=on)
    communication_record_act(communication=locked, actor=actor, on=on, code=texts.SETTLEMENT_OPENED)
    return settlement


def _settlement(locked: Communication) -> Settlement:
    settlement = Settlement.objects.select_for_update().filter(communication=locked).first()
    if settlement is None:
        raise SettlementRefused(_("Open the settlement talks first."))
    return settlement


@transaction.atomic
def settlement_step_record(
    *,
    communication: Communication,
    kind: str,
    on: date,
    note: str,
    actor: User,
    due_on: date | None = None,
) -> SettlementStep:
    """Record a meeting, proposed terms, or a request of the Committee and the day it sets for an answer."""
    locked = _locked(actor, communication)
    settlement = _settlement(locked)
    _not_future(on)
    if kind not in SettlementStep.Kind.values:
        raise SettlementRefused(_("Choose what happened."))
    if on < settlement.opened_on:
        raise SettlementRefused(_("This date is before the talks opened."))
    if kind == SettlementStep.Kind.COMMITTEE_REQUEST:
        if due_on is None:
            raise SettlementRefused(_("Give the date by which the Committee asks for an answer."))
        if due_on < on:
            raise SettlementRefused(_("The answer cannot be due before the request was made."))
    elif settlement.status != Settlement.Status.TALKS:
        raise SettlementRefused(_("The talks are over: only the Committee's requests can still be recorded."))
    step = SettlementStep.objects.create(
        settlement=settlement,
        kind=kind,
        on=on,
        due_on=due_on if kind == SettlementStep.Kind.COMMITTEE_REQUEST else None,
        note=note.strip(),
    )
    communication_record_act(
        communication=locked, actor=actor, on=on, code=texts.SETTLEMENT_STEP, params={"step": kind}
    )
    return step


@transaction.atomic
def settlement_request_answered(
    *, communication: Communication, step_id: int, on: date, actor: User
) -> SettlementStep:
    """Record the day the Committee's request about the settlement was answered."""
    locked = _locked(actor, communication)
    settlement = _settlement(locked)
    step = SettlementStep.objects.filter(
        settlement=settlement, pk=step_id, kind=SettlementStep.Kind.COMMITTEE_REQUEST
    ).first()
    if step is None:
        raise SettlementRefused(_("This request is not part of the case."))
    _not_future(on)
    if on < step.on:
        raise SettlementRefused(_("A request cannot be answered before it was made."))
    step.answered_on = on
    step.save(update_fields=["answered_on"])
    communication_record_act(communication=locked, actor=actor, on=on, code=texts.SETTLEMENT_REQUEST_ANSWERED)
    return step


def _check_agreement(settlement: Settlement, agreement: Agreement) -> None:
    for day in (agreement.agreed_on, agreement.author_agreed_on, agreement.child_agreement_on):
        _not_future(day)
    if agreement.agreed_on < settlement.opened_on:
        raise SettlementRefused(_("The agreement cannot come before the talks opened."))
    if not agreement.terms.strip():
        raise SettlementRefused(_("Write down the terms agreed."))
    if len(agreement.state_commitments.split()) < MIN_COMMITMENT_WORDS:
        raise SettlementRefused(
            _(
                "The terms must name what the State will do for the child: write it in a sentence "
                "(for example “the school readmits the child and the ministry pays for catch-up lessons”)."
            )
        )
    if agreement.author_agreed_on > agreement.agreed_on:
        raise SettlementRefused(_("The author must agree before the agreement is reached."))
    answer = agreement.child_agreement
    if answer == Settlement.ChildAgreement.NOT_AGREED:
        raise SettlementRefused(
            _(
                "The child did not agree to these terms. A settlement cannot be recorded against the "
                "child's will."
            )
        )
    if answer == Settlement.ChildAgreement.NOT_ASKED and not agreement.child_agreement_reason.strip():
        raise SettlementRefused(_("Say why the child could not be asked (for example, their age)."))
    if answer not in Settlement.ChildAgreement.values:
        raise SettlementRefused(_("Record the child's answer to the terms."))
    if agreement.child_agreement_on > agreement.agreed_on:
        raise SettlementRefused(_("The child's answer must be recorded before the agreement is reached."))


@transaction.atomic
def settlement_agree(*, communication: Communication, agreement: Agreement, actor: User) -> Settlement:
    """Record the agreement: it closes the case as settled (OPIC art. 9(2)) and opens the follow-up."""
    locked = _locked(actor, communication)
    settlement = _settlement(locked)
    if settlement.status != Settlement.Status.TALKS:
        raise SettlementRefused(_("These talks are already over."))
    _check_agreement(settlement, agreement)
    settlement.status = Settlement.Status.AGREED
    settlement.agreed_on = agreement.agreed_on
    settlement.terms = agreement.terms.strip()
    settlement.state_commitments = agreement.state_commitments.strip()
    settlement.author_agreed_on = agreement.author_agreed_on
    settlement.child_agreement = agreement.child_agreement
    settlement.child_agreement_on = agreement.child_agreement_on
    settlement.child_agreement_reason = (
        agreement.child_agreement_reason.strip()
        if agreement.child_agreement == Settlement.ChildAgreement.NOT_ASKED
        else ""
    )
    settlement.save()
    try:
        closed = communication_close_by_settlement(communication=locked, on=agreement.agreed_on, actor=actor)
    except TransitionNotAllowed as error:
        raise SettlementRefused(str(error)) from error
    _event(closed, actor, agreement.agreed_on, texts.SETTLEMENT_AGREED)
    return settlement


@transaction.atomic
def settlement_end(*, communication: Communication, on: date, actor: User) -> Settlement:
    """Record that the talks ended without agreement: the examination goes on."""
    locked = _locked(actor, communication)
    settlement = _settlement(locked)
    _not_future(on)
    if settlement.status != Settlement.Status.TALKS:
        raise SettlementRefused(_("These talks are already over."))
    if on < settlement.opened_on:
        raise SettlementRefused(_("This date is before the talks opened."))
    settlement.status = Settlement.Status.ENDED
    settlement.ended_on = on
    settlement.save(update_fields=["status", "ended_on"])
    communication_record_act(communication=locked, actor=actor, on=on, code=texts.SETTLEMENT_ENDED)
    return settlement


@transaction.atomic
def settlement_follow_up_received(*, communication: Communication, on: date, actor: User) -> Settlement:
    """Record the day the State's report on carrying out the terms arrived."""
    locked = _locked(actor, communication)
    settlement = _settlement(locked)
    _not_future(on)
    if settlement.status != Settlement.Status.AGREED or settlement.agreed_on is None:
        raise SettlementRefused(_("Record the agreement first."))
    if on < settlement.agreed_on:
        raise SettlementRefused(_("The report cannot come before the agreement."))
    settlement.follow_up_received_on = on
    settlement.save(update_fields=["follow_up_received_on"])
    communication_record_act(communication=locked, actor=actor, on=on, code=texts.SETTLEMENT_REPORTED)
    return settlement
