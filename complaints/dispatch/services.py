"""From the portal to the Committee: sending the filing dossier, and what the secretariat answers.

A communication is filed when it reaches the Committee's secretariat (the OHCHR Petitions Team),
not when the portal's form is signed. ``dispatch_by_email`` sends the filing dossier there, as a
PDF attachment read through the storage API, with a short cover message in the dossier's
language, through the configured mail backend; ``dispatch_by_post`` records a dossier printed and
posted with the cover letter (``cover_letter``). Each records a ``Dispatch`` (channel, date and
time, the day in Geneva, message id or postal receipt, sender), writes a timeline event, bumps the
case's version and recomputes its deadlines: the first dispatch meets the one-year limit of OPIC
art. 7(h). Sending again needs ``confirm_again``.

Then whoever records the case's lifecycle records the secretariat's answers: the
acknowledgement with its registration reference (``acknowledgement_record``, the lifecycle's
"registered" step), or a request for clarification with the time limit it sets
(``clarification_record``, rule 15), and the day it was answered (``clarification_answered``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.utils import make_msgid
from typing import Any, TypeVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints import cldr
from complaints.deadlines.geneva import geneva_date, geneva_today
from complaints.deadlines.services import deadlines_recompute
from complaints.dossiers import labels as dossier_labels
from complaints.lifecycle import TransitionNotAllowed, TransitionRequest, communication_transition
from complaints.models import (
    ClarificationRequest,
    Communication,
    Dispatch,
    Dossier,
    Event,
    LetterWithTimeLimit,
    ProcedureRequest,
    User,
)
from complaints.permissions import communication_access
from complaints.services import communication_record_act
from complaints.timeline import texts


class DispatchRefused(Exception):
    """What was asked cannot be done: the message says why, in plain words."""


class AlreadySent(DispatchRefused):
    """The communication was sent before: sending again needs an explicit confirmation."""

    def __init__(self, earlier: Dispatch) -> None:
        self.earlier = earlier
        super().__init__(
            _(
                "This communication was already sent to the Committee on %(day)s. "
                "Tick the box to confirm that you want to send it again."
            )
            % {"day": earlier.sent_on.isoformat()}
        )


# ---- Reads ----


def filing_dossier(communication: Communication) -> Dossier | None:
    """Return the filing dossier of ``communication`` if it is ready to be sent, else None."""
    dossier = Dossier.objects.filter(communication=communication, variant=Dossier.Variant.FILING).first()
    if dossier is None or dossier.status != Dossier.Status.READY or not dossier.file:
        return None
    return dossier


def dispatches_of(communication: Communication) -> list[Dispatch]:
    return list(Dispatch.objects.filter(communication=communication).select_related("sender"))


def procedure_requests_of(communication: Communication) -> list[ProcedureRequest]:
    return list(ProcedureRequest.objects.filter(communication=communication).order_by("requested_on", "pk"))


def clarifications_of(communication: Communication) -> list[ClarificationRequest]:
    return list(ClarificationRequest.objects.filter(communication=communication))


@dataclass(frozen=True)
class CoverLetter:
    """What the printed cover letter (and the e-mail's cover message) says, in the dossier's language."""

    language: str
    labels: dict[str, str]
    subject: str
    address: list[str]
    today: str
    reference: str
    committee_reference: str
    urgent: bool
    confidential: bool
    pages: int | None


def cover_letter(communication: Communication, dossier: Dossier | None = None) -> CoverLetter:
    """Return the cover letter of ``communication`` in its dossier language. It names no child."""
    language = communication.dossier_language
    labels = dossier_labels.labels_for(language)
    state = cldr.state_name(communication.state, dossier_labels.labels_language(language))
    return CoverLetter(
        language=language,
        labels=labels,
        subject=labels["subject_text"].format(state=state or communication.state),
        address=list(settings.COMMITTEE_PETITIONS_POSTAL_ADDRESS),
        today=dossier_labels.long_date(timezone.localdate(), language),
        reference=communication.short_reference,
        committee_reference=communication.committee_reference,
        urgent=communication.is_urgent or communication.interim_measures_requested,
        confidential=communication.names_confidential,
        pages=dossier.page_count if dossier else None,
    )


# ---- Sending ----


def _locked_for_dispatch(user: Any, reference: Any, confirm_again: bool) -> tuple[Communication, Dossier]:
    communication = communication_access(user, reference, "dispatch")
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    dossier = filing_dossier(locked)
    if dossier is None:
        raise DispatchRefused(
            _("The dossier for the Committee is not ready yet. Ask for it on the case page and try again.")
        )
    earlier = Dispatch.objects.filter(communication=locked).order_by("-sent_at", "-pk").first()
    if earlier is not None and not confirm_again:
        raise AlreadySent(earlier)
    return locked, dossier


def _record(
    communication: Communication,
    *,
    actor: User,
    channel: str,
    sent_on: date,
    recipient: str,
    dossier: Dossier,
    message_id: str = "",
    postal_receipt: str = "",
) -> Dispatch:
    dispatch = Dispatch.objects.create(
        communication=communication,
        channel=channel,
        sent_at=timezone.now(),
        sent_on=sent_on,
        recipient=recipient,
        message_id=message_id,
        postal_receipt=postal_receipt,
        dossier_sha256=dossier.sha256,
        sender=actor,
    )
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.DISPATCHED,
        actor=actor,
        occurred_on=sent_on,
        code=texts.DISPATCHED,
        params={"channel": channel, "recipient": recipient.replace("\n", ", ")},
    )
    communication.version += 1
    communication.save(update_fields=["version", "updated_at"])
    deadlines_recompute(communication=communication, actor=actor)
    return dispatch


def cover_email(communication: Communication, dossier: Dossier, sender: User) -> EmailMessage:
    """Return the e-mail to the Petitions Team with the filing dossier attached, unsent."""
    letter = cover_letter(communication, dossier)
    context = {"letter": letter, "labels": letter.labels}
    subject = " ".join(render_to_string("email/committee/dispatch_subject.txt", context).split())
    body = render_to_string("email/committee/dispatch_body.txt", context).strip() + "\n"
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[settings.COMMITTEE_PETITIONS_EMAIL],
        reply_to=[sender.email] if sender.email else None,
        headers={"Message-ID": make_msgid(domain="opic-portal")},
    )
    with dossier.file.open("rb") as stored:
        content = stored.read()
    message.attach(f"communication-{communication.short_reference}.pdf", content, "application/pdf")
    return message


def dispatch_by_email(*, user: User, reference: Any, confirm_again: bool = False) -> Dispatch:
    """Send the filing dossier to the Petitions Team by e-mail and record it.

    The e-mail goes out inside the transaction: when sending fails nothing is recorded and the
    error is raised; the row is locked, so two people pressing "send" at once send once.
    """
    with transaction.atomic():
        communication, dossier = _locked_for_dispatch(user, reference, confirm_again)
        message = cover_email(communication, dossier, user)
        message.send()
        return _record(
            communication,
            actor=user,
            channel=Dispatch.Channel.EMAIL,
            sent_on=geneva_date(timezone.now()),
            recipient=settings.COMMITTEE_PETITIONS_EMAIL,
            dossier=dossier,
            message_id=message.extra_headers["Message-ID"],
        )


def dispatch_by_post(
    *, user: User, reference: Any, posted_on: date, receipt: str, confirm_again: bool = False
) -> Dispatch:
    """Record that the printed dossier was posted on ``posted_on``, with the post office's receipt."""
    receipt = receipt.strip()
    if not receipt:
        raise DispatchRefused(_("Write what the post office's receipt says, e.g. its tracking number."))
    if posted_on > timezone.localdate():
        raise DispatchRefused(_("This date is in the future."))
    with transaction.atomic():
        communication, dossier = _locked_for_dispatch(user, reference, confirm_again)
        if communication.submitted_on and posted_on < communication.submitted_on:
            raise DispatchRefused(_("This date is before the communication was submitted."))
        return _record(
            communication,
            actor=user,
            channel=Dispatch.Channel.POST,
            sent_on=posted_on,
            recipient="\n".join(settings.COMMITTEE_PETITIONS_POSTAL_ADDRESS),
            dossier=dossier,
            postal_receipt=receipt,
        )


# ---- What the secretariat answers ----


def acknowledgement_record(
    *, user: User, reference: Any, on: date, registration_reference: str
) -> Communication:
    """Record the secretariat's acknowledgement with the registration reference it gave."""
    communication = communication_access(user, reference, "transition")
    if not Dispatch.objects.filter(communication=communication).exists():
        raise DispatchRefused(_("Record how the communication was sent before its acknowledgement."))
    request = TransitionRequest(
        to=Communication.Status.REGISTERED, on=on, committee_reference=registration_reference
    )
    try:
        return communication_transition(communication=communication, request=request, actor=user)
    except TransitionNotAllowed as error:
        raise DispatchRefused(str(error)) from error


def _check_day(on: date, communication: Communication) -> None:
    if on > geneva_today():  # the secretariat's letters are dated in Geneva
        raise DispatchRefused(_("This date is in the future."))
    if communication.submitted_on and on < communication.submitted_on:
        raise DispatchRefused(_("This date is before the communication was submitted."))


@transaction.atomic
def clarification_record(
    *, user: User, reference: Any, requested_on: date, due_on: date, note: str = ""
) -> ClarificationRequest:
    """Record the secretariat's request for clarification and the date by which it wants the answer."""
    communication = communication_access(user, reference, "transition")
    if communication.status in (Communication.Status.DRAFT, Communication.Status.CLOSED):
        raise DispatchRefused(_("Only an open communication that was sent can get such a request."))
    _check_day(requested_on, communication)
    if due_on < requested_on:
        raise DispatchRefused(_("The answer cannot be due before the request was made."))
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    request = ClarificationRequest.objects.create(
        communication=locked, requested_on=requested_on, due_on=due_on, note=note.strip(), recorded_by=user
    )
    communication_record_act(
        communication=locked,
        actor=user,
        on=requested_on,
        code=texts.CLARIFICATION_REQUESTED,
        params={"day": due_on.isoformat()},
        event_kind=Event.Kind.CLARIFICATION,
    )
    return request


LetterRequest = TypeVar("LetterRequest", bound=LetterWithTimeLimit)


def _letter_answered(
    model: type[LetterRequest], *, user: User, reference: Any, request_id: int, answered_on: date
) -> LetterRequest:
    """Record the day a letter of the Committee or its secretariat (``model``) was answered."""
    communication = communication_access(user, reference, "transition")
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    request = model._default_manager.filter(communication=locked, pk=request_id).first()
    if request is None:
        raise DispatchRefused(_("There is no such request on this case."))
    _check_day(answered_on, locked)
    if answered_on < request.requested_on:
        raise DispatchRefused(_("The answer cannot come before the request."))
    request.answered_on = answered_on
    request.save(update_fields=["answered_on"])
    communication_record_act(communication=locked, actor=user, on=answered_on)
    return request


@transaction.atomic
def clarification_answered(
    *, user: User, reference: Any, request_id: int, answered_on: date
) -> ClarificationRequest:
    """Record the day the author answered a request for clarification."""
    return _letter_answered(
        ClarificationRequest, user=user, reference=reference, request_id=request_id, answered_on=answered_on
    )


# ---- Later requests whose time limit the Committee sets (rule 18(5); OPIC art. 11(2)) ----

Status = Communication.Status
# When each kind of request can come: a separate examination of admissibility is asked while the
# State answers the transmitted communication; further follow-up once the Views exist.
PROCEDURE_REQUEST_STATUSES = {
    ProcedureRequest.Kind.SEPARATE_ADMISSIBILITY: frozenset(
        {Status.TRANSMITTED, Status.OBSERVATIONS_RECEIVED, Status.COMMENTS_SENT}
    ),
    ProcedureRequest.Kind.FURTHER_FOLLOW_UP: frozenset({Status.VIEWS_ADOPTED, Status.FOLLOW_UP}),
}


@transaction.atomic
def procedure_request_record(
    *, user: User, reference: Any, kind: str, requested_on: date, due_on: date, note: str = ""
) -> ProcedureRequest:
    """Record a letter of the Committee that sets a time limit case by case, and that limit."""
    communication = communication_access(user, reference, "transition")
    if kind not in PROCEDURE_REQUEST_STATUSES:
        raise DispatchRefused(_("Choose what the Committee's letter is about."))
    if communication.status not in PROCEDURE_REQUEST_STATUSES[ProcedureRequest.Kind(kind)]:
        raise DispatchRefused(
            _("A case that is “%(current)s” cannot get this request.")
            % {"current": Status(communication.status).label}
        )
    _check_day(requested_on, communication)
    if due_on < requested_on:
        raise DispatchRefused(_("The answer cannot be due before the request was made."))
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    request = ProcedureRequest.objects.create(
        communication=locked,
        kind=kind,
        requested_on=requested_on,
        due_on=due_on,
        note=note.strip(),
        recorded_by=user,
    )
    communication_record_act(
        communication=locked,
        actor=user,
        on=requested_on,
        code=texts.PROCEDURE_REQUESTED,
        params={"what": kind, "day": due_on.isoformat()},
    )
    return request


@transaction.atomic
def procedure_request_answered(
    *, user: User, reference: Any, request_id: int, answered_on: date
) -> ProcedureRequest:
    """Record the day a request of the Committee was answered."""
    return _letter_answered(
        ProcedureRequest, user=user, reference=reference, request_id=request_id, answered_on=answered_on
    )
