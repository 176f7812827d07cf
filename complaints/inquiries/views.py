"""The inquiry pages: parse, authorise, call one service, respond."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from complaints.deadlines.geneva import geneva_today
from complaints.inquiries.forms import InquiryForm, StepForm
from complaints.inquiries.selectors import (
    DEADLINE_LABELS,
    inquiry_deadlines,
    inquiry_history,
    inquiry_list,
)
from complaints.inquiries.services import (
    STEPS,
    InquiryRefused,
    inquiry_access,
    inquiry_create,
    inquiry_record_step,
    steps_allowed,
)
from complaints.models import Organisation, User


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _organisations(user: User) -> object:
    if user.is_superuser or user.role == User.Role.ADMINISTRATOR:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user)


@login_required
@require_http_methods(["GET", "POST"])
def inquiry_list_view(request: HttpRequest) -> HttpResponse:
    """The inquiries the user's organisations sent, and the form to record a new one."""
    user = _user(request)
    may_add = user.has_perm("complaints.add_inquiry")
    if not may_add and not inquiry_list(user).exists():
        raise PermissionDenied
    form = InquiryForm(
        request.POST or None, organisations=_organisations(user), initial={"submitted_on": geneva_today()}
    )
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                inquiry = inquiry_create(user=user, **form.cleaned_data)
            except InquiryRefused as error:
                form.add_error("state", str(error))
            else:
                messages.success(request, _("Recorded: the information was sent to the Committee."))
                return redirect(inquiry.get_absolute_url())
    context = {"inquiries": inquiry_list(user), "form": form if may_add else None}
    return render(request, "complaints/inquiries/list.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET"])
def inquiry_detail_view(request: HttpRequest, reference: str) -> HttpResponse:
    user = _user(request)
    inquiry = inquiry_access(user, reference)
    allowed = steps_allowed(inquiry)
    may_record = user.has_perm("complaints.change_inquiry", inquiry) and bool(allowed)
    deadlines = [
        {"label": DEADLINE_LABELS[computed.kind], "computed": computed}
        for computed in inquiry_deadlines(inquiry)
    ]
    context = {
        "inquiry": inquiry,
        "deadlines": deadlines,
        "today": geneva_today(),
        "history": [
            (event, STEPS[event.step].label if event.step in STEPS else None)
            for event in inquiry_history(inquiry)
        ],
        "step_form": StepForm(steps=allowed, initial={"on": geneva_today()}) if may_record else None,
    }
    return render(request, "complaints/inquiries/detail.html", context)


@login_required
@require_POST
def inquiry_step_view(request: HttpRequest, reference: str) -> HttpResponse:
    user = _user(request)
    inquiry = inquiry_access(user, reference, "change")
    form = StepForm(request.POST, steps=steps_allowed(inquiry))
    if not form.is_valid():
        messages.error(request, _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(inquiry.get_absolute_url())
    try:
        inquiry_record_step(user=user, reference=inquiry.reference, **form.cleaned_data)
    except InquiryRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Recorded."))
    return redirect(inquiry.get_absolute_url())
