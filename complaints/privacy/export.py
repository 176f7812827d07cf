"""The family's copy of its case: everything the portal holds about it, in one ZIP archive.

``communication_export`` checks access (``export``: the filer, or an administrator), reads the
case into one JSON document (``case.json``) and returns it with the files to add: every uploaded
document and the filing and redacted dossiers, each read through Django's storage API
(``FieldFile.open``), never from a path, so the archive is the same whatever the storage. The
archive is written as it is sent (``archive_chunks``): nothing is held in memory or on disk but
one chunk of one file.

Left out, and said so in ``case.json``: the private notes of the people handling the case, the
ombudsman office's internal notes and the internal dossier (their working notes about the case,
not what the family told the portal), and the secret parts of invitations (only a hash is kept).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models import Dossier, User
from complaints.permissions import communication_access

FORMAT_VERSION = 1
CHUNK = 64 * 1024
# Columns that say nothing about the family and only link rows inside the database.
INTERNAL_COLUMNS = frozenset({"id", "communication"})
LEFT_OUT = (
    _("Private notes of the people handling the case (their working notes)."),
    _("The ombudsman office's internal notes on its review."),
    _("The internal dossier (it holds those notes)."),
    _("Invitation links: the portal keeps only a hash of each, which opens nothing."),
)


@dataclass
class ArchiveFile:
    """One file of the archive: where it goes in the ZIP, and the stored file it is read from."""

    name: str
    source: FieldFile


@dataclass
class CaseExport:
    """What ``communication_export`` returns: the archive's name, its JSON and its files."""

    filename: str
    data: dict[str, Any]
    files: list[ArchiveFile] = field(default_factory=list)


def _row(obj: Model, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Every concrete column of ``obj`` but the internal ones; foreign keys as their primary key."""
    skipped = INTERNAL_COLUMNS | set(exclude)
    out: dict[str, Any] = {}
    for model_field in obj._meta.concrete_fields:
        if model_field.name in skipped:
            continue
        value = model_field.value_from_object(obj)
        out[model_field.name] = value.name if isinstance(value, FieldFile) else value
    return out


def _rows(objects: Iterable[Model], exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    return [_row(obj, exclude) for obj in objects]


def _json_ready(data: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return loaded


def communication_export(*, user: User, reference: Any) -> CaseExport:
    """Return the export of the case ``reference`` if ``user`` may export it (else 404 or 403)."""
    communication = communication_access(user, reference, "export")
    short = communication.short_reference
    files: list[ArchiveFile] = []
    documents = []
    for number, document in enumerate(communication.documents.order_by("uploaded_at", "pk"), start=1):
        name = f"documents/{number:03d}-{document.pk}"
        files.append(ArchiveFile(name, document.file))
        documents.append({**_row(document, exclude=("file", "uploaded_by")), "file_in_archive": name})
    dossiers = []
    shown = communication.dossiers.exclude(variant=Dossier.Variant.INTERNAL).order_by("variant")
    for dossier in shown:
        entry = _row(dossier, exclude=("file", "requested_by", "failure_detail"))
        if dossier.file:
            entry["file_in_archive"] = f"dossiers/{dossier.variant}.pdf"
            files.append(ArchiveFile(entry["file_in_archive"], dossier.file))
        dossiers.append(entry)
    case = _row(communication, exclude=("filer", "assignee", "claimed_by", "claimed_at"))
    data = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "communication": {**case, "reference": str(communication.reference)},
        "people": _rows(communication.people.all()),
        "claims": _rows(communication.claims.all()),
        "remedies": _rows(communication.remedies.all()),
        "other_procedures": _rows(communication.other_procedures.all()),
        "invitations": _rows(communication.invitations.all(), exclude=("token_sha256", "created_by")),
        "events": _rows(communication.events.filter(is_private=False), exclude=("actor", "is_private")),
        "deadlines": _rows(communication.deadlines.all()),
        "review_decisions": _rows(communication.triages.all(), exclude=("note", "decided_by")),
        "submissions": _rows(communication.submissions.all(), exclude=("submitted_by",)),
        "dispatches": _rows(communication.dispatches.all(), exclude=("sender",)),
        "clarification_requests": _rows(communication.clarification_requests.all(), exclude=("recorded_by",)),
        "procedure_requests": _rows(communication.procedure_requests.all(), exclude=("recorded_by",)),
        "documents": documents,
        "dossiers": dossiers,
        "not_included": [str(reason) for reason in LEFT_OUT],
    }
    return CaseExport(filename=f"case-{short}.zip", data=_json_ready(data), files=files)


class _Pipe(io.RawIOBase):
    """A write-only stream whose bytes are taken out as they come (zipfile writes, we send)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def archive_chunks(export: CaseExport) -> Iterator[bytes]:
    """Yield the ZIP archive of ``export`` piece by piece: ``case.json``, then each file as stored."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        body = json.dumps(export.data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        archive.writestr("case.json", body.encode())
        yield pipe.take()
        for item in export.files:
            with item.source.open("rb") as source, archive.open(item.name, mode="w") as target:
                for chunk in source.chunks(CHUNK):
                    target.write(chunk)
                    yield pipe.take()
    yield pipe.take()
