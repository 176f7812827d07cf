"""Uploading annexes: the type is checked from the content, never the name, and nothing half-made is kept."""

from __future__ import annotations

import hashlib
import io

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .models import Communication, Document, User

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 200
MAX_DOCUMENTS = 40
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class DocumentRejected(Exception):
    """The upload is not a file the dossier can carry; the message tells the user why, in plain words."""


def inspect(data: bytes) -> tuple[str, int | None]:
    """Return the content type and page count of ``data``; raise DocumentRejected for anything else."""
    if data.startswith(b"%PDF-"):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise DocumentRejected(
                    _("This PDF is protected by a password. Please upload it without one.")
                )
            pages = len(reader.pages)
        except (PdfReadError, ValueError, KeyError, OSError) as error:
            raise DocumentRejected(_("This PDF seems damaged and cannot be opened.")) from error
        if pages == 0:
            raise DocumentRejected(_("This PDF has no pages."))
        if pages > MAX_PAGES:
            raise DocumentRejected(
                _("This PDF has %(pages)d pages; the limit is %(limit)d.")
                % {"pages": pages, "limit": MAX_PAGES}
            )
        return "application/pdf", pages
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise DocumentRejected(_("Only PDF, PNG and JPEG files can be attached.")) from error
    if kind not in IMAGE_TYPES:
        raise DocumentRejected(_("Only PDF, PNG and JPEG files can be attached."))
    return IMAGE_TYPES[kind], 1


def document_add(
    *, communication: Communication, upload: UploadedFile, kind: str, title: str, actor: User
) -> Document:
    """Check and store one annex. On any failure nothing is stored, neither the row nor the file."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise DocumentRejected(_("This file is larger than 10 MB. Please make it smaller or split it."))
    if communication.documents.count() >= MAX_DOCUMENTS:
        raise DocumentRejected(
            _("A communication can have at most %(limit)d documents.") % {"limit": MAX_DOCUMENTS}
        )
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DocumentRejected(_("This file is larger than 10 MB. Please make it smaller or split it."))
    if not data:
        raise DocumentRejected(_("This file is empty."))
    content_type, pages = inspect(data)
    upload.seek(0)
    document = Document(
        communication=communication,
        kind=kind,
        title=title,
        original_name=(upload.name or "")[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        page_count=pages,
        uploaded_by=actor,
    )
    try:
        with transaction.atomic():
            document.file.save(upload.name or "upload", upload, save=False)
            document.save()
    except Exception:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def document_remove(*, document: Document) -> None:
    """Remove an annex of a draft; a submitted communication keeps the annexes it was signed with."""
    if document.communication.status != Communication.Status.DRAFT:
        raise DocumentRejected(
            _("This communication was already submitted: its documents can no longer be removed.")
        )
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
