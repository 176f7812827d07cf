"""The settlement page of a case: thin views over complaints.settlements.services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from complaints.deadlines.geneva import geneva_today
from complaints.models import Communication, Deadline, User
from complaints.permissions import communication_access
from complaints.settlements import services
from complaints.settlements.forms import AgreementForm, AnsweredForm, DayForm, OpenForm, StepForm


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _ids(slot: str) -> str:
    """The ``auto_id`` of the form in ``slot``: several forms of the page have a field ``on``, and the
    error summary links to each field by its id, so every form's ids are its own."""
    return f"{slot.removesuffix('_form').replace('_', '-')}-%s"


def _page(
    request: HttpRequest, communication: Communication, bound: dict[str, forms.Form], status: int = 200
) -> HttpResponse:
    user = _user(request)
    today = geneva_today()
    settlement = services.settlement_of(communication)
    forms_ = {
        "open_form": OpenForm(initial={"on": today}, auto_id=_ids("open_form")),
        "step_form": StepForm(initial={"on": today}, auto_id=_ids("step_form")),
        "agreement_form": AgreementForm(initial={"agreed_on": today}, auto_id=_ids("agreement_form")),
        "end_form": DayForm(initial={"on": today}, auto_id=_ids("end_form")),
        "follow_up_form": DayForm(initial={"on": today}, auto_id=_ids("follow_up_form")),
    }
    forms_.update(bound)
    deadlines = Deadline.objects.filter(
        communication=communication,
        kind__in=[Deadline.Kind.SETTLEMENT_FOLLOW_UP, Deadline.Kind.SETTLEMENT_REQUEST],
    )
    context = {
        "communication": communication,
        "settlement": settlement,
        "steps": list(settlement.steps.all()) if settlement else [],
        "may_settle": user.has_perm("complaints.settle_communication", communication),
        "may_open": communication.status in services.OPEN_FROM,
        "deadlines": deadlines,
        "today": today,
        # The form sent, when it was refused: its messages are listed once at the top, each field's
        # linked to the field, where it is said again (the wizard's pattern).
        "error_form": next((form for form in bound.values() if form.errors), None),
        **forms_,
    }
    return render(request, "complaints/settlements/settlement.html", context, status=status)


@login_required
@require_GET
def settlement_page(request: HttpRequest, reference: str) -> HttpResponse:
    communication = communication_access(_user(request), reference)
    return _page(request, communication, {})


Act = Callable[[Communication, dict[str, Any], User], Any]
ACTIONS: dict[str, tuple[str, type[forms.Form], Act]] = {
    "open": (
        "open_form",
        OpenForm,
        lambda c, d, u: services.settlement_open(communication=c, on=d["on"], actor=u),
    ),
    "step": (
        "step_form",
        StepForm,
        lambda c, d, u: services.settlement_step_record(
            communication=c,
            kind=d["kind"],
            on=d["on"],
            due_on=d.get("due_on"),
            note=d.get("note", ""),
            actor=u,
        ),
    ),
    "answered": (
        "answered_form",
        AnsweredForm,
        lambda c, d, u: services.settlement_request_answered(
            communication=c, step_id=d["step"], on=d["on"], actor=u
        ),
    ),
    "agree": (
        "agreement_form",
        AgreementForm,
        lambda c, d, u: services.settlement_agree(
            communication=c,
            agreement=services.Agreement(
                agreed_on=d["agreed_on"],
                terms=d["terms"],
                state_commitments=d["state_commitments"],
                author_agreed_on=d["author_agreed_on"],
                child_agreement=d["child_agreement"],
                child_agreement_on=d["child_agreement_on"],
                child_agreement_reason=d.get("child_agreement_reason", ""),
            ),
            actor=u,
        ),
    ),
    "end": (
        "end_form",
        DayForm,
        lambda c, d, u: services.settlement_end(communication=c, on=d["on"], actor=u),
    ),
    "follow-up": (
        "follow_up_form",
        DayForm,
        lambda c, d, u: services.settlement_follow_up_received(communication=c, on=d["on"], actor=u),
    ),
}

SUCCESS = {
    "open": lambda: _("Settlement talks recorded."),
    "step": lambda: _("Recorded."),
    "answered": lambda: _("The answer is recorded."),
    "agree": lambda: _("The friendly settlement is recorded and the case is closed as settled."),
    "end": lambda: _("The talks are recorded as ended without agreement."),
    "follow-up": lambda: _("The State's report on the terms is recorded."),
}


@login_required
@require_POST
def settlement_act(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    """Validate the action's form and call its service; on an error, show the page again, input kept."""
    if action not in ACTIONS:
        raise Http404
    user = _user(request)
    communication = communication_access(user, reference, "settle")
    slot, form_class, act = ACTIONS[action]
    auto_id = _ids(slot)
    if action == "answered" and request.POST.get("step", "").isdecimal():  # one such form per request
        auto_id = f"answered-{request.POST['step']}-%s"
    form = form_class(request.POST, auto_id=auto_id)
    if not form.is_valid():
        return _page(request, communication, {slot: form}, status=400)
    try:
        act(communication, form.cleaned_data, user)
    except services.SettlementRefused as error:
        form.add_error(None, str(error))
        return _page(request, communication, {slot: form}, status=400)
    messages.success(request, SUCCESS[action]())
    return redirect(reverse("complaints:settlement", args=[communication.reference]))


def settlement_context(user: User, communication: Communication) -> dict[str, Any]:
    """What the case page shows of a friendly settlement: its state, and a way in for whoever records it."""
    settlement = services.settlement_of(communication) if communication.registered_on else None
    may_settle = user.has_perm("complaints.settle_communication", communication)
    offered = settlement is not None or (may_settle and communication.status in services.OPEN_FROM)
    return {"settlement_offered": offered, "settlement": settlement}
