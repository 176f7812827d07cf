"""The inquiry procedure (OPIC arts. 13-14): sending information, and recording each step.

An NGO or an ombudsman office sends the Committee reliable information of grave or systematic
violations by a State party (art. 13(1)). This is not a communication: nobody is a victim or an
author, there is no admissibility. ``inquiry_create`` records that the information was sent;
``inquiry_record_step`` records what the Committee and the State did next, each on its own day,
in the order the Protocol sets (``STEPS``). Every write checks access through
complaints.permissions, validates, bumps the version and writes an InquiryEvent; the deadlines
are computed from the dates by complaints.deadlines.rules (INQUIRY_RULES) when they are read.

A State that declared under art. 13(7) that it does not recognise the Committee's competence
for inquiries cannot be the subject of one: ``inquiry_create`` refuses it and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.deadlines.geneva import geneva_today
from complaints.models import Inquiry, InquiryEvent, Organisation, TreatyStatus, User
from complaints.permissions import inquiries_visible_to

Status = Inquiry.Status


class InquiryRefused(Exception):
    """What was asked cannot be done: the message says why, in plain words."""


def opt_out_refusal(state: TreatyStatus) -> str | None:
    """Why no inquiry can concern ``state``, or None when one can."""
    if state.opic_status != TreatyStatus.OpicStatus.PARTY:
        return _("%(state)s is not a party to the Optional Protocol: the Committee cannot inquire.") % {
            "state": state
        }
    if state.art13_7_declaration == TreatyStatus.Answer.YES:
        return _(
            "%(state)s declared under article 13(7) of the Optional Protocol that it does not "
            "recognise the Committee's competence to hold inquiries. The Committee cannot "
            "inquire into it; a communication for a child is still possible."
        ) % {"state": state}
    return None


@transaction.atomic
def inquiry_create(
    *,
    user: User,
    state: TreatyStatus,
    organisation: Organisation,
    title: str,
    summary: str,
    submitted_on: date,
) -> Inquiry:
    """Record that ``organisation`` sent the Committee information about ``state`` on ``submitted_on``."""
    if not user.has_perm("complaints.add_inquiry"):
        raise PermissionDenied
    is_admin = user.is_superuser or user.role == User.Role.ADMINISTRATOR
    if not is_admin and not organisation.memberships.filter(user=user).exists():
        raise PermissionDenied
    refusal = opt_out_refusal(state)
    if refusal:
        raise InquiryRefused(refusal)
    if not title.strip():
        raise InquiryRefused(_("Give the inquiry a short title."))
    if submitted_on > geneva_today():
        raise InquiryRefused(_("This date is in the future."))
    inquiry = Inquiry.objects.create(
        state=state,
        organisation=organisation,
        title=title.strip(),
        summary=summary.strip(),
        submitted_on=submitted_on,
        created_by=user,
    )
    InquiryEvent.objects.create(inquiry=inquiry, step=SUBMITTED_STEP, occurred_on=submitted_on, actor=user)
    return inquiry


SUBMITTED_STEP = "submitted"


@dataclass(frozen=True)
class Step:
    """One step of the procedure: where it may follow from, the date it sets, where it leads."""

    label: Any  # a lazy translation
    after: frozenset[str]
    date_field: str
    to: str
    due_field: str = ""  # a step whose time limit the Committee sets in its letter


STEPS: dict[str, Step] = {
    # art. 13(1): the Committee invites the State to cooperate and submit observations.
    "cooperation_invited": Step(
        gettext_lazy("The Committee invited the State to cooperate (art. 13(1))"),
        frozenset({Status.SUBMITTED}),
        "cooperation_invited_on",
        Status.COOPERATION_INVITED,
        due_field="observations_due_on",
    ),
    "observations_received": Step(
        gettext_lazy("The State submitted its observations (art. 13(1))"),
        frozenset({Status.COOPERATION_INVITED}),
        "observations_received_on",
        Status.OBSERVATIONS_RECEIVED,
    ),
    # art. 13(2)-(4): the inquiry (possibly a visit), then the findings go to the State.
    "findings_transmitted": Step(
        gettext_lazy("The Committee transmitted its findings to the State (art. 13(4))"),
        frozenset({Status.COOPERATION_INVITED, Status.OBSERVATIONS_RECEIVED}),
        "findings_transmitted_on",
        Status.FINDINGS_TRANSMITTED,
    ),
    # art. 13(5): the State's observations on the findings, within six months.
    "findings_answered": Step(
        gettext_lazy("The State submitted its observations on the findings (art. 13(5))"),
        frozenset({Status.FINDINGS_TRANSMITTED}),
        "findings_answered_on",
        Status.FINDINGS_ANSWERED,
    ),
    # art. 14(1)-(2): further information on the measures taken; may be asked more than once.
    "follow_up_requested": Step(
        gettext_lazy("The Committee asked the State for further information (art. 14)"),
        frozenset({Status.FINDINGS_TRANSMITTED, Status.FINDINGS_ANSWERED, Status.FOLLOW_UP}),
        "follow_up_requested_on",
        Status.FOLLOW_UP,
        due_field="follow_up_due_on",
    ),
    "follow_up_received": Step(
        gettext_lazy("The State sent the further information (art. 14)"),
        frozenset({Status.FOLLOW_UP}),
        "follow_up_received_on",
        Status.FOLLOW_UP,
    ),
    "closed": Step(
        gettext_lazy("The inquiry was closed"),
        frozenset(Status.values) - {Status.CLOSED},
        "closed_on",
        Status.CLOSED,
    ),
}


def steps_allowed(inquiry: Inquiry) -> list[tuple[str, Any]]:
    """Return the steps that may be recorded next, in the order of the procedure."""
    return [(name, step.label) for name, step in STEPS.items() if inquiry.status in step.after]


def inquiry_access(user: User, reference: Any, action: str = "view") -> Inquiry:
    """Return the inquiry ``reference`` if ``user`` may do ``action`` on it (404 unseen, 403 refused)."""
    inquiry = inquiries_visible_to(user).filter(reference=reference).first()
    if inquiry is None:
        raise Http404
    if not user.has_perm(f"complaints.{action}_inquiry", inquiry):
        raise PermissionDenied
    return inquiry


@transaction.atomic
def inquiry_record_step(
    *, user: User, reference: Any, step: str, on: date, due_on: date | None = None, note: str = ""
) -> Inquiry:
    """Record that ``step`` happened on ``on`` (with the date the Committee set, where it sets one)."""
    found = inquiry_access(user, reference, "change")
    inquiry = Inquiry.objects.select_for_update().get(pk=found.pk)
    chosen = STEPS.get(step)
    if chosen is None:
        raise InquiryRefused(_("Choose a step of the procedure."))
    if inquiry.status not in chosen.after:
        raise InquiryRefused(
            _("An inquiry that is “%(current)s” cannot go on with this step.")
            % {"current": Status(inquiry.status).label}
        )
    if on > geneva_today():
        raise InquiryRefused(_("This date is in the future."))
    earliest = _last_step_day(inquiry)
    if on < earliest:
        raise InquiryRefused(
            _("This date is before the last step recorded (%(day)s).") % {"day": earliest.isoformat()}
        )
    if chosen.due_field:
        if due_on is None:
            raise InquiryRefused(_("Give the date the Committee set for the answer."))
        if due_on < on:
            raise InquiryRefused(_("The answer cannot be due before the request was made."))
        setattr(inquiry, chosen.due_field, due_on)
    setattr(inquiry, chosen.date_field, on)
    inquiry.status = chosen.to
    inquiry.version += 1
    inquiry.save()
    InquiryEvent.objects.create(
        inquiry=inquiry,
        step=step,
        occurred_on=on,
        due_on=due_on if chosen.due_field else None,
        note=note.strip(),
        actor=user,
    )
    return inquiry


def _last_step_day(inquiry: Inquiry) -> date:
    days = [
        getattr(inquiry, step.date_field)
        for step in STEPS.values()
        if getattr(inquiry, step.date_field) is not None
    ]
    return max([inquiry.submitted_on, *days])
