"""Files streamed to a browser through the portal, after the view's permission check."""

from __future__ import annotations

import logging

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from complaints.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)


def stored_file_response(
    request: HttpRequest, file: FieldFile, *, filename: str, content_type: str, back_url: str = ""
) -> HttpResponseBase:
    """Stream ``file`` from the storage as an attachment, never cached and never sniffed.

    The storage is read through its own API, so a file in an S3 bucket is streamed the same way as
    one on the local disk, and the browser never learns where it is kept. A file that is not there
    answers 404; a storage that cannot be reached answers 503 with a page that says to try again.
    """
    try:
        handle = file.storage.open(file.name or "", "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    except STORAGE_ERRORS:
        logger.exception("stored file %s could not be opened", file.name)
        return render(request, "complaints/storage/file_unavailable.html", {"back_url": back_url}, status=503)
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
