"""HTML views: parse, authorise, call one service, respond."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from complaints.audit.views import readers_context
from complaints.casework.filters import case_list
from complaints.casework.forms import TransitionForm, ViewsTransmittedForm
from complaints.casework.pagination import paginate_capped
from complaints.casework.services import (
    CaseworkError,
    case_add_note,
    case_allow_untranslated_filing,
    case_assign,
    case_colleagues,
    case_share,
)
from complaints.childaccounts.services import child_account_may_create
from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.views import interim_measures_form
from complaints.dispatch.views import dispatch_context
from complaints.filing.wizard import is_child_mode
from complaints.health import health
from complaints.invitations.views import invitations_context
from complaints.lifecycle import (
    TransitionNotAllowed,
    allowed_transitions,
    communication_record_views_transmission,
    communication_transition,
)
from complaints.models import Communication, Organisation, User
from complaints.permissions import communication_access
from complaints.privacy.views import privacy_context
from complaints.review.views import triage_context
from complaints.selectors import case_page, communication_list_for_user
from complaints.settlements.views import settlement_context
from complaints.signing.services import signing_context

# A caseworker carries tens of cases: beyond this many, the case list says "more than" instead of counting.
CASE_LIST_COUNT_CAP = 1000


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The case list: the filer's own cases, or a caseworker's and reviewer's workspace, searchable."""
    filters = case_list(request.GET or None, communication_list_for_user(user=request.user), request)
    cases = filters.qs if filters.is_bound and filters.is_valid() else filters.queryset
    page = paginate_capped(cases, request.GET.get("page"), per_page=25, cap=CASE_LIST_COUNT_CAP)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "complaints/casework/dashboard.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "today": geneva_today(),
            "may_create_child_accounts": child_account_may_create(request.user),
        },
    )


@login_required
@require_GET
def communication_detail(request: HttpRequest, reference: str) -> HttpResponse:
    communication = communication_access(request.user, reference)
    user = request.user
    assert isinstance(user, User)
    page = case_page(user=user, communication=communication, lang=get_language() or "en")
    tracking = dict(page.tracking)
    if page.can_transition:
        tracking["interim_form"] = interim_measures_form(communication)
    context = {
        **page.as_context(),
        "tracking": tracking,
        **triage_context(request, communication),
        **casework_context(user, communication),
        **invitations_context(user, communication),
        **privacy_context(user, communication),
        **readers_context(user, communication),
        **dispatch_context(user, communication),
        **settlement_context(user, communication),
        **signing_context(
            user, communication, child=is_child_mode(communication) and communication.filer_id == user.pk
        ),
        "views_transmitted_form": ViewsTransmittedForm(initial={"on": geneva_today()})
        if page.can_transition and communication.views_adopted_on and not communication.views_transmitted_on
        else None,
        "transition_form": TransitionForm(
            allowed=allowed_transitions(communication), initial={"on": geneva_today()}
        )
        if page.can_transition and allowed_transitions(communication)
        else None,
    }
    return render(request, "complaints/casework/communication_detail.html", context)


@login_required
@require_POST
def communication_record_transition(request: HttpRequest, reference: str) -> HttpResponse:
    communication = communication_access(request.user, reference, "transition")
    form = TransitionForm(request.POST, allowed=allowed_transitions(communication))
    if not form.is_valid():
        messages.error(request, _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(communication)
    try:
        communication_transition(
            communication=communication, request=form.to_request(), actor=cast(User, request.user)
        )
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Recorded."))
    return redirect(communication)


@login_required
@require_POST
def views_transmitted_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication = communication_access(request.user, reference, "transition")
    form = ViewsTransmittedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(communication)
    try:
        communication_record_views_transmission(
            communication=communication, on=form.cleaned_data["on"], actor=cast(User, request.user)
        )
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Recorded."))
    return redirect(communication)


def casework_context(user: User, communication: Communication) -> dict[str, Any]:
    if not user.has_perm("complaints.manage_communication", communication):
        return {"can_manage": False}
    return {
        "can_manage": True,
        "case_colleagues": case_colleagues(communication),
        "share_targets": Organisation.objects.exclude(pk=communication.organisation_id or 0).order_by(
            "kind", "name"
        ),
    }


def _managed(request: HttpRequest, reference: str) -> Communication:
    return communication_access(request.user, reference, "manage")


@login_required
@require_POST
def case_note(request: HttpRequest, reference: str) -> HttpResponse:
    communication = _managed(request, reference)
    try:
        case_add_note(
            communication=communication, author=cast(User, request.user), text=request.POST.get("text", "")
        )
    except CaseworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The note was added."))
    return redirect(communication)


@login_required
@require_POST
def case_untranslated_view(request: HttpRequest, reference: str) -> HttpResponse:
    """The handling caseworker records why the filing dossier may go without a translation."""
    communication = communication_access(request.user, reference, "allow_untranslated")
    try:
        case_allow_untranslated_filing(
            user=cast(User, request.user), reference=reference, reason=request.POST.get("reason", "")
        )
    except CaseworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Recorded. The dossier for filing can now be made; it prints the reason.")
        )
    return redirect(communication.get_absolute_url() + "#dossiers")


@login_required
@require_POST
def case_assign_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication = _managed(request, reference)
    chosen = request.POST.get("assignee") or ""
    assignee = next((u for u in case_colleagues(communication) if str(u.pk) == chosen), None)
    try:
        if chosen and assignee is None:
            raise CaseworkError(_("Choose a caseworker of your organisation."))
        case_assign(communication=communication, assignee=assignee, actor=cast(User, request.user))
    except CaseworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Assigned."))
    return redirect(communication)


@login_required
@require_POST
def case_share_view(request: HttpRequest, reference: str) -> HttpResponse:
    communication = _managed(request, reference)
    organisation = Organisation.objects.filter(pk=request.POST.get("organisation") or 0).first()
    try:
        if organisation is None:
            raise CaseworkError(_("Choose an organisation."))
        case_share(communication=communication, organisation=organisation, actor=cast(User, request.user))
    except CaseworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Shared with %(name)s.") % {"name": organisation})
    return redirect(communication)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Say whether the portal can serve pages (HTTP 200 or 503) and how its services are."""
    serving, checks = health()
    degraded = any(value == "down" for value in checks.values())
    status = "down" if not serving else ("degraded" if degraded else "ok")
    return JsonResponse({"status": status, **checks}, status=200 if serving else 503)
