"""Downloading an uploaded document: through the one door to a case, then streamed from the storage."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from complaints.audit.context import audit_note
from complaints.models import Document
from complaints.permissions import communication_access
from complaints.storage.responses import stored_file_response

# What a browser is told a document is: only the types an upload can have (complaints/filing/documents.py).
EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}


@login_required
@require_GET
def document_download(request: HttpRequest, reference: Any, document_id: int) -> HttpResponseBase:
    communication = communication_access(request.user, reference, "view")
    document = Document.objects.filter(communication=communication, pk=document_id).first()
    if document is None or not document.file:
        raise Http404
    audit_note(reference=communication.reference, kind="document", object_id=document.pk, action="download")
    extension = EXTENSIONS.get(document.content_type, "bin")
    # The name carries the short reference and the annex's number, never the file's own name or
    # title, which could identify a child.
    filename = f"document-{communication.short_reference}-{document.pk}.{extension}"
    known = document.content_type in EXTENSIONS
    content_type = document.content_type if known else "application/octet-stream"
    return stored_file_response(
        request,
        document.file,
        filename=filename,
        content_type=content_type,
        back_url=communication.get_absolute_url(),
    )
