"""Uploading annexes: the type is checked from the content, never the name, and nothing half-made is kept.

Every annex ends up in the dossier, which a worker lays out page by page, so what an upload may
cost is bounded here: the pixels of a picture (read from its header, before anything is
decoded), the pages of a PDF and of all the annexes of a communication together. PDFs that carry
scripts, launch actions or other files are refused: the portal serves annexes back to the
Committee and to caseworkers, and a court decision needs none of that.
"""

from __future__ import annotations

import hashlib
import io

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

from complaints.models import Communication, Document, User
from complaints.storage import STORAGE_ERRORS, stored_file_delete

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 200  # of one PDF
MAX_DOCUMENTS = 40
# All the annexes of one communication together: each page becomes a page of the dossier.
MAX_COMMUNICATION_PAGES = 300
# A 48-megapixel phone photo (8000 × 6000) fits, and so does an A4 scan at 600 dpi (35 megapixels);
# decoded, 50 megapixels of RGB are 150 MB in the worker that lays out the dossier.
MAX_IMAGE_PIXELS = 50_000_000
# Dictionaries and arrays looked at when searching a PDF for scripts and files; past this the PDF
# is refused as too intricate to check (ordinary scans and printed documents stay far below).
MAX_PDF_OBJECTS_CHECKED = 100_000
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}

_SCRIPT_KEYS = frozenset({"/JS", "/JavaScript"})  # a script, or the catalogue's tree of scripts
_SCRIPT_ACTIONS = frozenset({"/JavaScript", "/Launch"})  # the /S of an action
_FILE_KEYS = frozenset(
    {"/EmbeddedFiles", "/EF"}
)  # the catalogue's tree of files, a file specification's files


class DocumentRejected(Exception):
    """The upload is not a file the dossier can carry; the message tells the user why, in plain words."""


def _not_a_type_we_take() -> DocumentRejected:
    return DocumentRejected(_("Only PDF, PNG and JPEG files can be attached."))


def _reprint() -> str:
    return _("Please print it to PDF again, or scan the paper, and upload that file.")


def inspect(data: bytes) -> tuple[str, int | None]:
    """Return the content type and page count of ``data``; raise DocumentRejected for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", _inspect_pdf(data)
    return _inspect_image(data), 1


def _inspect_pdf(data: bytes) -> int:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentRejected(_("This PDF is protected by a password. Please upload it without one."))
        pages = len(reader.pages)
        found = _pdf_active_content(reader) if pages else ""
    except DocumentRejected:
        raise
    except Exception as error:  # pypdf on hostile input: any error means we cannot read it
        raise DocumentRejected(_("This PDF seems damaged and cannot be opened.")) from error
    if pages == 0:
        raise DocumentRejected(_("This PDF has no pages."))
    if pages > MAX_PAGES:
        raise DocumentRejected(
            _("This PDF has %(pages)d pages; the limit is %(limit)d.") % {"pages": pages, "limit": MAX_PAGES}
        )
    if found == "script":
        raise DocumentRejected(
            _("This PDF contains a program (JavaScript or an action that opens something). %(reprint)s")
            % {"reprint": _reprint()}
        )
    if found == "file":
        raise DocumentRejected(
            _("This PDF has other files hidden inside it. %(reprint)s") % {"reprint": _reprint()}
        )
    if found == "intricate":
        raise DocumentRejected(
            _("This PDF is too complicated for us to check. %(reprint)s") % {"reprint": _reprint()}
        )
    return pages


def _pdf_active_content(reader: PdfReader) -> str:
    """Return "script", "file" or "intricate" for what the PDF carries beyond its pages, or "" for nothing.

    Walks everything reachable from the catalogue (pages, annotations, actions and their /Next,
    outlines, forms, name trees) without recursion, each indirect object once, and at most
    MAX_PDF_OBJECTS_CHECKED dictionaries and arrays. Stream data is never decoded.
    """
    stack: list[PdfObject | None] = [reader.trailer.raw_get("/Root")]
    seen: set[tuple[int, int]] = set()
    checked = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            values = [node.raw_get(key) for key in node]
            kind = {key: _name(node, key) for key in ("/S", "/Subtype", "/Type")}
            if _SCRIPT_KEYS.intersection(node) or kind["/S"] in _SCRIPT_ACTIONS:
                return "script"
            if (
                _FILE_KEYS.intersection(node)
                or kind["/Subtype"] == "/FileAttachment"
                or kind["/Type"] == "/EmbeddedFile"
            ):
                return "file"
        elif isinstance(node, ArrayObject):
            values = list(node)
        else:
            continue
        checked += 1
        if checked > MAX_PDF_OBJECTS_CHECKED:
            return "intricate"
        stack.extend(v for v in values if isinstance(v, (IndirectObject, DictionaryObject, ArrayObject)))
    return ""


def _name(node: DictionaryObject, key: str) -> str:
    value = node.raw_get(key) if key in node else None
    return str(value.get_object()) if value is not None else ""


def _inspect_image(data: bytes) -> str:
    """Return the content type of a PNG or JPEG picture that the dossier can show on a page."""
    try:
        with Image.open(io.BytesIO(data), formats=list(IMAGE_TYPES)) as image:
            kind, (width, height) = image.format, image.size  # from the header: nothing decoded yet
            frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error  # the warning is raised where warnings are errors
    except Exception as error:  # Pillow on hostile input: any error means it is not a picture we can read
        raise _not_a_type_we_take() from error
    if kind not in IMAGE_TYPES or width <= 0 or height <= 0:
        raise _not_a_type_we_take()
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels()
    if frames != 1:
        raise DocumentRejected(
            _("This picture is moving or has several pictures inside. Please upload one photo or scan.")
        )
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as image:
            image.verify()  # the PNG chunks and their checksums
        if kind == "JPEG":
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # decoded at 1/8: cheap
                image.load()
    except Exception as error:
        raise DocumentRejected(_("This picture seems damaged and cannot be opened.")) from error
    return IMAGE_TYPES[kind]


def _too_many_pixels() -> DocumentRejected:
    return DocumentRejected(
        _(
            "This picture is too big: it has more than %(limit)d million pixels. Please take the photo "
            "with a lower resolution, or make it smaller, and upload it again."
        )
        % {"limit": MAX_IMAGE_PIXELS // 1_000_000}
    )


def _require_draft(communication: Communication) -> None:
    """A submitted communication keeps the annexes it was signed with, whoever asks."""
    if communication.status != Communication.Status.DRAFT:
        raise DocumentRejected(
            _("This communication was already submitted: its documents can no longer be added or removed.")
        )


def _check_room(communication: Communication, pages: int) -> None:
    """Refuse a document that would exceed the communication's number of documents or its page budget."""
    page_counts = list(communication.documents.values_list("page_count", flat=True))
    if len(page_counts) >= MAX_DOCUMENTS:
        raise DocumentRejected(
            _("A communication can have at most %(limit)d documents.") % {"limit": MAX_DOCUMENTS}
        )
    if sum(count or 1 for count in page_counts) + pages > MAX_COMMUNICATION_PAGES:
        raise DocumentRejected(
            _(
                "Together, the documents of this communication would have more than %(limit)d pages. "
                "Please leave out the pages the Committee does not need, or remove a document."
            )
            % {"limit": MAX_COMMUNICATION_PAGES}
        )


def document_add(
    *, communication: Communication, upload: UploadedFile, kind: str, title: str, actor: User
) -> Document:
    """Check and store one annex. On any failure nothing is stored, neither the row nor the file."""
    _require_draft(communication)
    if upload.size is not None and upload.size > MAX_BYTES:
        raise DocumentRejected(_("This file is larger than 10 MB. Please make it smaller or split it."))
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
            # Two uploads at once must not both fit into the last room left: count under the row's lock.
            Communication.objects.select_for_update().filter(pk=communication.pk).values_list("pk").get()
            _check_room(communication, pages or 1)
            document.file.save(upload.name or "upload", upload, save=False)
            document.save()
    except STORAGE_ERRORS as error:
        _discard_file(document)
        raise DocumentRejected(
            _("The document could not be saved just now. Nothing was added: please try again later.")
        ) from error
    except Exception:
        _discard_file(document)
        raise
    return document


def _discard_file(document: Document) -> None:
    if document.file.name:
        stored_file_delete(document.file.storage, document.file.name)


def document_remove(*, document: Document) -> None:
    """Remove an annex of a draft; a submitted communication keeps the annexes it was signed with.

    The file goes once the row's deletion is committed; a storage that fails then leaves the file
    (logged by name) rather than turning the removal into an error.
    """
    _require_draft(document.communication)
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: stored_file_delete(storage, name))
