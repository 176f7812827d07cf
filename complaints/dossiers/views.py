"""Views of the dossiers: ask for one, follow its status, download it.

Thin, like the other views: parse, authorise through complaints.permissions, call one service,
respond. Someone else's case or dossier answers 404, so nothing reveals that it exists.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from complaints.audit.context import audit_note
from complaints.dossiers.services import (
    DossierRefused,
    RenderBudgetSpent,
    dossier_request,
    dossier_variants_for,
)
from complaints.models import Dossier, User
from complaints.permissions import communication_access
from complaints.selectors import communications_visible_to, dossier_state
from complaints.storage.responses import stored_file_response


def _visible_dossier(request: HttpRequest, dossier_id: int) -> Dossier:
    dossier = (
        Dossier.objects.select_related("communication")
        .filter(pk=dossier_id, communication__in=communications_visible_to(request.user))
        .first()
    )
    if dossier is None or dossier.variant not in dossier_variants_for(request.user, dossier.communication):
        raise Http404
    return dossier


@login_required
@require_POST
def dossier_request_view(request: HttpRequest, reference: Any, variant: str) -> HttpResponse:
    communication = communication_access(request.user, reference)
    if variant not in dossier_variants_for(request.user, communication):
        raise Http404
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        dossier = dossier_request(
            communication=communication, variant=variant, requested_by=cast(User, request.user)
        )
    except DossierRefused as error:
        if wants_json:
            return JsonResponse(
                {"detail": str(error)}, status=429 if isinstance(error, RenderBudgetSpent) else 409
            )
        messages.warning(request, str(error))
        return redirect(communication.get_absolute_url() + "#dossiers")
    if wants_json:
        return JsonResponse(dossier_state(dossier), status=202)
    messages.info(request, _("The dossier is being prepared. This page shows when it is ready."))
    return redirect(communication.get_absolute_url() + "#dossiers")


@login_required
@require_GET
def dossier_status(request: HttpRequest, dossier_id: int) -> JsonResponse:
    return JsonResponse(dossier_state(_visible_dossier(request, dossier_id)))


@login_required
@require_GET
def dossier_download(request: HttpRequest, dossier_id: int) -> HttpResponseBase:
    dossier = _visible_dossier(request, dossier_id)
    audit_note(
        reference=dossier.communication.reference, kind="dossier", object_id=dossier.pk, action="download"
    )
    if dossier.status != Dossier.Status.READY or not dossier.file:
        raise Http404
    # The name carries the short reference, never a title or a name, which could identify a child.
    filename = f"dossier-{dossier.communication.short_reference}-{dossier.variant}.pdf"
    return stored_file_response(
        request,
        dossier.file,
        filename=filename,
        content_type="application/pdf",
        back_url=dossier.communication.get_absolute_url() + "#dossiers",
    )
