"""The family's rights over its data, as pages: download everything, and erase (after a plain warning)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from complaints.models import Communication, ErasureRecord, User
from complaints.permissions import communication_access, is_administrator
from complaints.privacy.erasure import ADMIN_ASKERS, ErasureRefused, communication_erase
from complaints.privacy.export import archive_chunks, communication_export


def privacy_context(user: User, communication: Communication) -> dict[str, Any]:
    """What the case page needs to offer the download and the erasure to whoever may use them."""
    return {
        "can_export": user.has_perm("complaints.export_communication", communication),
        "can_erase": communication.erased_on is None
        and user.has_perm("complaints.erase_communication", communication),
    }


class EraseForm(forms.Form):
    """An administrator says who asked; a filer has nothing to fill in."""

    asked_by = forms.ChoiceField(
        label=gettext_lazy("Who asked for this?"),
        choices=[(value, label) for value, label in ErasureRecord.Asker.choices if value in ADMIN_ASKERS],
        initial=ErasureRecord.Asker.FAMILY,
        widget=forms.RadioSelect,
    )


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
@require_GET
@never_cache
def communication_export_view(request: HttpRequest, reference: str) -> StreamingHttpResponse:
    """Stream the ZIP of everything the portal holds about the case (404 or 403 otherwise)."""
    export = communication_export(user=_user(request), reference=reference)
    response = StreamingHttpResponse(archive_chunks(export), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def communication_erase_view(request: HttpRequest, reference: str) -> HttpResponse:
    """GET: say plainly what erasing will do. POST: do it, and say what happened."""
    user = _user(request)
    communication = communication_access(user, reference, "erase")
    admin = bool(is_administrator(user)) and communication.filer_id != user.pk
    form = EraseForm(request.POST or None) if admin else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            record = communication_erase(
                user=user, reference=reference, asked_by=form.cleaned_data["asked_by"] if form else None
            )
        except ErasureRefused as refused:
            messages.info(request, str(refused))
            return redirect(communication)
        if record.kind == ErasureRecord.Kind.DRAFT:
            messages.success(request, _("Your draft and everything in it were deleted."))
            return redirect("complaints:dashboard")
        messages.success(
            request,
            _("Your story, the names and the files were deleted. Only the record that it was sent is kept."),
        )
        return redirect(communication)
    return render(
        request,
        "complaints/privacy/erase.html",
        {
            "communication": communication,
            "is_draft": communication.status == Communication.Status.DRAFT,
            "form": form,
            "retention_years": round(settings.ERASURE_RETENTION_DAYS / 365),
        },
    )
