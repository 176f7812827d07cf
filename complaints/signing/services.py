"""Signing by hand: the scan of the dossier's signature and consent pages, once printed and signed.

The portal records a typed name when the communication is submitted; the Committee's model form
is signed by hand. After submission the filer (or the handling caseworker) prints the signature
page and the consent pages of the filing dossier, has them signed, scans or photographs them and
uploads the result here. It is kept as a Document of the kind "signed signature page", checked as
every upload is (complaints.filing.documents.inspect: the type from the content, no scripts or
hidden files in a PDF, a bounded number of pixels and pages). From then on the filing dossier
says "signed by hand" instead of the typed name and carries the scan as its signature page
(complaints.dossiers.services). Each upload records a timeline event, bumps the case's version,
recomputes its deadlines and asks for the filing dossier again.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.deadlines.services import deadlines_recompute
from complaints.dossiers.services import dossier_request
from complaints.filing.documents import MAX_BYTES, DocumentRejected, inspect
from complaints.models import Communication, Document, Dossier, Event, User
from complaints.permissions import communication_access
from complaints.storage import STORAGE_ERRORS, stored_file_delete
from complaints.timeline import texts

# A signature page and a few consent pages: one PDF of them all, or one photo per page.
MAX_SIGNED_FILES = 10
MAX_SIGNED_PAGES = 10  # in one PDF


def signed_pages_of(communication: Communication) -> list[Document]:
    """The signed scans of ``communication``, in the order they were uploaded (the dossier's order)."""
    return list(
        Document.objects.filter(communication=communication, kind=Document.Kind.SIGNED_PAGE).order_by(
            "uploaded_at", "pk"
        )
    )


def signing_needed(communication: Communication) -> bool:
    """Whether the signed pages are still owed: submitted, still open, and no scan uploaded yet."""
    return (
        communication.status not in (Communication.Status.DRAFT, Communication.Status.CLOSED)
        and communication.erased_on is None
        and not Document.objects.filter(communication=communication, kind=Document.Kind.SIGNED_PAGE).exists()
    )


def _read(upload: UploadedFile) -> bytes:
    too_big = _("This file is larger than 10 MB. Please make it smaller or split it.")
    if upload.size is not None and upload.size > MAX_BYTES:
        raise DocumentRejected(too_big)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DocumentRejected(too_big)
    if not data:
        raise DocumentRejected(_("This file is empty."))
    return data


def signed_page_add(*, user: Any, reference: Any, upload: UploadedFile) -> Document:
    """Check and store a scan of the signed pages; the filing dossier is made again with it.

    Raises Http404 or PermissionDenied (complaints.permissions) for someone who may not, and
    DocumentRejected, with a reason in plain words, for a file the dossier cannot carry. On any
    failure nothing is stored, neither the row nor the file.
    """
    communication = communication_access(user, reference, "sign")
    data = _read(upload)
    content_type, pages = inspect(data)
    if (pages or 1) > MAX_SIGNED_PAGES:
        raise DocumentRejected(
            _("The signed pages are only a few: please upload at most %(limit)d pages in one file.")
            % {"limit": MAX_SIGNED_PAGES}
        )
    upload.seek(0)
    document = Document(
        communication=communication,
        kind=Document.Kind.SIGNED_PAGE,
        title=_("Signed signature page"),
        original_name=(upload.name or "")[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        page_count=pages,
        uploaded_by=user,
    )
    try:
        with transaction.atomic():
            locked = Communication.objects.select_for_update().get(pk=communication.pk)
            if not user.has_perm("complaints.sign_communication", locked):  # closed meanwhile
                raise DocumentRejected(_("This communication can no longer be signed here."))
            if len(signed_pages_of(locked)) >= MAX_SIGNED_FILES:
                raise DocumentRejected(
                    _("At most %(limit)d files of signed pages can be uploaded.")
                    % {"limit": MAX_SIGNED_FILES}
                )
            document.file.save(upload.name or "signed-page", upload, save=False)
            document.save()
            Event.objects.create(
                communication=locked,
                kind=Event.Kind.DOCUMENT,
                actor=user,
                occurred_on=timezone.localdate(),
                code=texts.SIGNED_PAGES_ADDED,
            )
            locked.version += 1
            locked.save(update_fields=["version", "updated_at"])
            deadlines_recompute(communication=locked, actor=user)
            dossier_request(
                communication=locked, variant=Dossier.Variant.FILING, requested_by=user, budgeted=False
            )
    except STORAGE_ERRORS as error:
        _discard(document)
        raise DocumentRejected(
            _("The document could not be saved just now. Nothing was added: please try again later.")
        ) from error
    except Exception:
        _discard(document)
        raise
    return document


def signed_page_remove(*, user: Any, reference: Any, document_id: int) -> None:
    """Remove a scan of the signed pages uploaded by mistake; the filing dossier is made again.

    Only scans of signed pages can go this way (an annex stays as it was signed), by whoever may
    upload them, while the case may still be sent. The file goes once the removal is committed.
    """
    communication = communication_access(user, reference, "sign")
    with transaction.atomic():
        locked = Communication.objects.select_for_update().get(pk=communication.pk)
        if not user.has_perm("complaints.sign_communication", locked):
            raise DocumentRejected(_("This communication can no longer be signed here."))
        document = Document.objects.filter(
            communication=locked, kind=Document.Kind.SIGNED_PAGE, pk=document_id
        ).first()
        if document is None:
            raise Http404
        storage, name = document.file.storage, document.file.name
        document.delete()
        Event.objects.create(
            communication=locked,
            kind=Event.Kind.DOCUMENT,
            actor=user,
            occurred_on=timezone.localdate(),
            code=texts.SIGNED_PAGES_REMOVED,
        )
        locked.version += 1
        locked.save(update_fields=["version", "updated_at"])
        deadlines_recompute(communication=locked, actor=user)
        dossier_request(
            communication=locked, variant=Dossier.Variant.FILING, requested_by=user, budgeted=False
        )
        if name:
            transaction.on_commit(lambda: stored_file_delete(storage, name))


def _discard(document: Document) -> None:
    if document.file.name:
        stored_file_delete(document.file.storage, document.file.name)


def signing_context(user: User, communication: Communication, *, child: bool) -> dict[str, Any]:
    """What the submitted page and the case page show about signing by hand, to whoever may upload."""
    if not user.has_perm("complaints.sign_communication", communication):
        return {"signing": None}
    return {
        "signing": {
            "needed": signing_needed(communication),
            "scans": signed_pages_of(communication),
            "child": child,
        }
    }
