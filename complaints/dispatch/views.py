"""The pages of "Send to the Committee": parse, authorise, call one service, respond."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from complaints.deadlines.geneva import geneva_today
from complaints.dispatch.forms import (
    AcknowledgementForm,
    ClarificationAnsweredForm,
    ClarificationForm,
    EmailDispatchForm,
    PostDispatchForm,
    ProcedureAnsweredForm,
    ProcedureRequestForm,
)
from complaints.dispatch.services import (
    AlreadySent,
    DispatchRefused,
    acknowledgement_record,
    clarification_answered,
    clarification_record,
    clarifications_of,
    cover_letter,
    dispatch_by_email,
    dispatch_by_post,
    dispatches_of,
    filing_dossier,
    procedure_request_answered,
    procedure_request_record,
    procedure_requests_of,
)
from complaints.models import Communication, User
from complaints.permissions import communication_access


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _page_url(communication: Communication) -> str:
    return reverse("complaints:dispatch", args=[communication.reference])


def dispatch_context(user: User, communication: Communication) -> dict[str, Any]:
    """What the case page shows about sending the case to the Committee, to whoever may act on it."""
    may_send = user.has_perm("complaints.dispatch_communication", communication)
    may_record = communication.status != Communication.Status.DRAFT and user.has_perm(
        "complaints.transition_communication", communication
    )
    if not (may_send or may_record):
        return {"dispatch_offered": False}
    sent = dispatches_of(communication)
    return {"dispatch_offered": True, "dispatch_last": sent[-1] if sent else None}


def _visible(request: HttpRequest, reference: str) -> tuple[Communication, bool, bool]:
    user = _user(request)
    communication = communication_access(user, reference)
    may_send = user.has_perm("complaints.dispatch_communication", communication)
    may_record = communication.status != Communication.Status.DRAFT and user.has_perm(
        "complaints.transition_communication", communication
    )
    if not (may_send or may_record):
        raise PermissionDenied
    return communication, may_send, may_record


@login_required
@require_GET
def dispatch_page(request: HttpRequest, reference: str) -> HttpResponse:
    """The "Send to the Committee" page: how to send, what was sent, what the secretariat answered."""
    communication, may_send, may_record = _visible(request, reference)
    sent = dispatches_of(communication)
    dossier = filing_dossier(communication)
    today = timezone.localdate()
    geneva_day = geneva_today()  # the secretariat's letters are dated in Geneva
    context = {
        "communication": communication,
        "may_send": may_send,
        "may_record": may_record,
        "dossier": dossier,
        "dispatches": sent,
        "clarifications": clarifications_of(communication),
        "procedure_requests": procedure_requests_of(communication),
        "procedure_request_form": ProcedureRequestForm(initial={"requested_on": geneva_day}),
        "procedure_answered_form": ProcedureAnsweredForm(initial={"answered_on": geneva_day}),
        "email_form": EmailDispatchForm(),
        "post_form": PostDispatchForm(initial={"posted_on": today}),
        "acknowledgement_form": AcknowledgementForm(initial={"on": geneva_day}),
        "clarification_form": ClarificationForm(initial={"requested_on": geneva_day}),
        "answered_form": ClarificationAnsweredForm(initial={"answered_on": geneva_day}),
        "recipient_email": settings.COMMITTEE_PETITIONS_EMAIL,
        "postal_address": settings.COMMITTEE_PETITIONS_POSTAL_ADDRESS,
    }
    return render(request, "complaints/dispatch/dispatch.html", context)


@login_required
@require_GET
def cover_letter_page(request: HttpRequest, reference: str) -> HttpResponse:
    """The cover letter to print and post with the dossier, in the dossier's language."""
    communication = communication_access(_user(request), reference, "dispatch")
    letter = cover_letter(communication, filing_dossier(communication))
    context = {"letter": letter, "labels": letter.labels, "communication": communication}
    return render(request, "complaints/dispatch/cover_letter.html", context)


def _act(
    request: HttpRequest,
    reference: str,
    form_class: type[forms.Form],
    act: Callable[[Communication, dict[str, Any]], str],
) -> HttpResponse:
    """Validate ``form_class`` from the POST, run ``act`` and go back to the page with what happened."""
    communication = communication_access(_user(request), reference)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(_page_url(communication))
    try:
        said = act(communication, form.cleaned_data)
    except AlreadySent as error:
        messages.warning(request, str(error))
    except DispatchRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, said)
    return redirect(_page_url(communication))


@login_required
@require_POST
def dispatch_email_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(_user(request), reference, "dispatch")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        dispatch = dispatch_by_email(
            user=_user(request), reference=reference, confirm_again=data["confirm_again"]
        )
        return _("Sent by e-mail to %(to)s.") % {"to": dispatch.recipient}

    return _act(request, reference, EmailDispatchForm, act)


@login_required
@require_POST
def dispatch_post_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(_user(request), reference, "dispatch")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        dispatch_by_post(
            user=_user(request),
            reference=reference,
            posted_on=data["posted_on"],
            receipt=data["receipt"],
            confirm_again=data["confirm_again"],
        )
        return _("Recorded: the dossier was posted.")

    return _act(request, reference, PostDispatchForm, act)


@login_required
@require_POST
def acknowledgement_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(_user(request), reference, "transition")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        acknowledgement_record(
            user=_user(request),
            reference=reference,
            on=data["on"],
            registration_reference=data["registration_reference"],
        )
        return _("Recorded: the Committee registered the communication.")

    return _act(request, reference, AcknowledgementForm, act)


@login_required
@require_POST
def clarification_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(_user(request), reference, "transition")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        clarification_record(
            user=_user(request),
            reference=reference,
            requested_on=data["requested_on"],
            due_on=data["due_on"],
            note=data["note"],
        )
        return _("Recorded: the deadline for the answer is on the case page.")

    return _act(request, reference, ClarificationForm, act)


@login_required
@require_POST
def clarification_answered_view(request: HttpRequest, reference: str, request_id: int) -> HttpResponse:
    communication_access(_user(request), reference, "transition")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        clarification_answered(
            user=_user(request), reference=reference, request_id=request_id, answered_on=data["answered_on"]
        )
        return _("Recorded: the request was answered.")

    return _act(request, reference, ClarificationAnsweredForm, act)


@login_required
@require_POST
def procedure_request_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(_user(request), reference, "transition")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        procedure_request_record(
            user=_user(request),
            reference=reference,
            kind=data["kind"],
            requested_on=data["requested_on"],
            due_on=data["due_on"],
            note=data["note"],
        )
        return _("Recorded: the deadline for the answer is on the case page.")

    return _act(request, reference, ProcedureRequestForm, act)


@login_required
@require_POST
def procedure_request_answered_view(request: HttpRequest, reference: str, request_id: int) -> HttpResponse:
    communication_access(_user(request), reference, "transition")

    def act(communication: Communication, data: dict[str, Any]) -> str:
        procedure_request_answered(
            user=_user(request), reference=reference, request_id=request_id, answered_on=data["answered_on"]
        )
        return _("Recorded: the request was answered.")

    return _act(request, reference, ProcedureAnsweredForm, act)
