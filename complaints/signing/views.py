"""Uploading the signed pages: parse, call the service, respond (complaints.signing.services)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from complaints.filing.documents import DocumentRejected
from complaints.permissions import communication_access
from complaints.signing.services import signed_page_add, signed_page_remove


class SignedPageForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("The signed pages (PDF, PNG or JPEG, at most 10 MB)"))


def _back(reference: str, request: HttpRequest) -> str:
    """Back to the page the form was on: the submitted page or the case page."""
    submitted = request.POST.get("back") == "submitted"
    name = "complaints:submitted" if submitted else "complaints:communication_detail"
    return reverse(name, args=[reference]) + "#sign-by-hand"


@login_required
@require_POST
def signed_page_upload(request: HttpRequest, reference: str) -> HttpResponse:
    communication_access(request.user, reference, "sign")  # 404 or 403 before the file is read
    form = SignedPageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the file with the signed pages, then upload it."))
        return redirect(_back(reference, request))
    try:
        signed_page_add(user=request.user, reference=reference, upload=form.cleaned_data["file"])
    except DocumentRejected as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The signed pages were added. The dossier for the Committee is being made again with them."),
        )
    return redirect(_back(reference, request))


@login_required
@require_POST
def signed_page_remove_view(request: HttpRequest, reference: str, document_id: int) -> HttpResponse:
    try:
        signed_page_remove(user=request.user, reference=reference, document_id=document_id)
    except DocumentRejected as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The file was removed. The dossier for the Committee is being made again.")
        )
    return redirect(_back(reference, request))
