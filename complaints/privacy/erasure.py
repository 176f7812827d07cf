"""Erasure at the family's request, and the purge of what had to be kept.

- A **draft** never reached the Committee: ``communication_erase`` removes it entirely, every row
  and every stored file (documents and dossiers, deleted from the storage once the transaction
  has committed).
- A **submitted** case was filed with the UN Committee, which keeps its own file. The portal then
  keeps only the record of that filing (``KEPT_FIELDS``: the reference, the dates, the State, the
  status, the handling NGO and office; each Submission's date, version and the SHA-256 of what was
  signed; the deadlines; the filing dossier as sent) and removes everything else: the people, the
  facts and every free text, claims, remedies, other procedures, uploaded documents, invitations,
  review decisions, the timeline, the redacted and internal dossiers, the submitted snapshot and
  the signature's name. The case is marked ``erased_on`` and ``purge_after``
  (``settings.ERASURE_RETENTION_DAYS`` later), and one "personal data erased" event is written.
- ``erasures_purge`` (Celery beat, daily; the in-process sweep under ``make run``) removes what was
  kept once ``purge_after`` has passed.

Every erasure and every purge leaves an ``ErasureRecord``: who asked, who did it, when, the case's
random reference and how many rows of each kind went; none of the erased data.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.models import Communication, Dossier, ErasureRecord, Event, Submission, User
from complaints.permissions import communication_access, is_administrator

logger = logging.getLogger(__name__)

# What a submitted case keeps after erasure: the record that a communication was filed with the
# Committee, and when, against which State, how far it went, and who handled it.
KEPT_FIELDS = frozenset(
    {
        "id",
        "reference",
        "filer",
        "organisation",
        "routed_to",
        "state",
        "status",
        "closure",
        "dossier_language",
        "signed_on",
        "submitted_on",
        "registered_on",
        "committee_reference",
        "interim_measures_granted_on",
        "transmitted_on",
        "observations_received_on",
        "comments_due_months",
        "comments_sent_on",
        "admissibility_decided_on",
        "views_adopted_on",
        "views_transmitted_on",
        "follow_up_received_on",
        "closed_on",
        "next_deadline_on",
        "version",
        "created_at",
        "updated_at",
        "erased_on",
        "purge_after",
    }
)
# What an administrator may say about who asked (a filer always asks for themself).
ADMIN_ASKERS = (ErasureRecord.Asker.FAMILY, ErasureRecord.Asker.ADMINISTRATOR)


class ErasureRefused(Exception):
    """The erasure cannot be done as asked; the message says why, in plain words."""


@dataclass
class _Files:
    """Stored files to delete once the rows that name them are gone for good."""

    names: list[tuple[Storage, str]]

    def add(self, field_file: Any) -> None:
        if field_file:
            self.names.append((field_file.storage, field_file.name))

    def delete_after_commit(self) -> None:
        names = list(self.names)
        transaction.on_commit(lambda: _delete_files(names))


def _delete_files(names: list[tuple[Storage, str]]) -> None:
    for storage, name in names:
        try:
            storage.delete(name)
        except OSError:  # the row is gone; a file left behind is logged for an administrator
            logger.exception("Could not delete an erased case's file %s", name)


def _counted(removed: dict[str, int], name: str, queryset: QuerySet[Any]) -> int:
    count = queryset.count()
    if count:
        removed[name] = removed.get(name, 0) + count
    return count


def _asker(user: User, communication: Communication, asked_by: str | None) -> tuple[str, User]:
    """Return (who asked, the account that asked) for an erasure ``user`` performs."""
    if communication.filer_id == user.pk and not is_administrator(user):
        return ErasureRecord.Asker.FILER, user
    if asked_by not in ADMIN_ASKERS:
        asked_by = ErasureRecord.Asker.ADMINISTRATOR
    if asked_by == ErasureRecord.Asker.FAMILY:
        return asked_by, communication.filer
    return asked_by, user


def communication_erase(
    *, user: User, reference: Any, asked_by: str | None = None, today: date | None = None
) -> ErasureRecord:
    """Erase the case ``reference`` as far as the law allows, if ``user`` may (else 404 or 403).

    A draft goes entirely; a submitted case keeps its record of filing until ``purge_after``.
    Raises ErasureRefused for a case already erased.
    """
    today = today or timezone.localdate()
    communication = communication_access(user, reference, "erase")
    with transaction.atomic():
        locked = Communication.objects.select_for_update().get(pk=communication.pk)
        if locked.erased_on is not None:
            raise ErasureRefused(_("This case was already erased."))
        asker, requester = _asker(user, locked, asked_by)
        erase: Callable[..., ErasureRecord] = (
            _erase_draft if locked.status == Communication.Status.DRAFT else _erase_submitted
        )
        return erase(communication=locked, user=user, asker=asker, requester=requester, today=today)


def _remove_parts(communication: Communication, files: _Files, removed: dict[str, int]) -> None:
    """Delete the parts of a case that hold what the family told the portal, noting their files."""
    for document in communication.documents.all():
        files.add(document.file)
    parts: dict[str, QuerySet[Any]] = {
        "people": communication.people.all(),
        "claims": communication.claims.all(),
        "remedies": communication.remedies.all(),
        "other_procedures": communication.other_procedures.all(),
        "documents": communication.documents.all(),
        "invitations": communication.invitations.all(),
        "review_decisions": communication.triages.all(),
        "events": communication.events.all(),
    }
    for name, queryset in parts.items():
        if _counted(removed, name, queryset):
            queryset.delete()


def _erase_draft(
    *, communication: Communication, user: User, asker: str, requester: User, today: date
) -> ErasureRecord:
    files = _Files([])
    removed: dict[str, int] = {}
    _remove_parts(communication, files, removed)
    for dossier in communication.dossiers.all():
        files.add(dossier.file)
    _counted(removed, "dossiers", communication.dossiers.all())
    _counted(removed, "deadlines", communication.deadlines.all())
    removed["case"] = 1
    record = ErasureRecord.objects.create(
        reference=communication.reference,
        communication=None,
        kind=ErasureRecord.Kind.DRAFT,
        asked_by=asker,
        requested_by=requester,
        performed_by=user,
        status_at_erasure=communication.status,
        removed=removed,
    )
    communication.delete()
    files.delete_after_commit()
    return record


def _snapshot_sha256(submission: Submission) -> str:
    canonical = json.dumps(submission.snapshot, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _blank_case_fields(communication: Communication) -> int:
    """Reset every field of the case that is not kept to its default; return how many held something."""
    changed = 0
    for field in communication._meta.concrete_fields:
        if field.name in KEPT_FIELDS:
            continue
        default = field.get_default()
        if getattr(communication, field.attname) != default:
            changed += 1
        setattr(communication, field.attname, default)
    return changed


def _erase_submitted(
    *, communication: Communication, user: User, asker: str, requester: User, today: date
) -> ErasureRecord:
    files = _Files([])
    removed: dict[str, int] = {}
    _remove_parts(communication, files, removed)
    # The filing dossier as it was made stays; any other, or one not (or no longer) ready, goes.
    kept = Q(variant=Dossier.Variant.FILING, status=Dossier.Status.READY) & ~Q(file="")
    others = communication.dossiers.exclude(kept)
    for dossier in others:
        files.add(dossier.file)
    if _counted(removed, "dossiers", others):
        others.delete()
    for submission in communication.submissions.all():
        if submission.snapshot:
            submission.snapshot_sha256 = submission.snapshot_sha256 or _snapshot_sha256(submission)
            removed["submission_snapshots"] = removed.get("submission_snapshots", 0) + 1
        submission.snapshot = {}
        submission.signed_name = ""
        submission.save(update_fields=["snapshot", "snapshot_sha256", "signed_name"])
    # How and when it was sent to the Committee stays (the record of filing); what the secretariat
    # asked, in the caseworker's words, goes with every other free text.
    asked = communication.clarification_requests.exclude(note="")
    if _counted(removed, "clarification_notes", asked):
        asked.update(note="")
    later = communication.procedure_requests.exclude(note="")
    if _counted(removed, "procedure_request_notes", later):
        later.update(note="")
    blanked = _blank_case_fields(communication)
    if blanked:
        removed["case_fields"] = blanked
    communication.erased_on = today
    communication.purge_after = today + timedelta(days=settings.ERASURE_RETENTION_DAYS)
    communication.version += 1
    communication.save()
    Event.objects.create(communication=communication, kind=Event.Kind.ERASED, actor=user, occurred_on=today)
    files.delete_after_commit()
    return ErasureRecord.objects.create(
        reference=communication.reference,
        communication=communication,
        kind=ErasureRecord.Kind.SUBMITTED,
        asked_by=asker,
        requested_by=requester,
        performed_by=user,
        status_at_erasure=communication.status,
        removed=removed,
        purge_after=communication.purge_after,
    )


def erasures_purge(*, today: date | None = None) -> int:
    """Remove the kept record of every erased case whose retention period has passed; return how many.

    Idempotent: a purged case is gone, so a second run the same day finds nothing.
    """
    today = today or timezone.localdate()
    purged = 0
    due = Communication.objects.filter(purge_after__isnull=False, purge_after__lt=today).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            communication = (
                Communication.objects.select_for_update().filter(pk=pk, purge_after__lt=today).first()
            )
            if communication is None:  # purged meanwhile by another run
                continue
            files = _Files([])
            removed: dict[str, int] = {}
            _remove_parts(communication, files, removed)
            for dossier in communication.dossiers.all():
                files.add(dossier.file)
            _counted(removed, "dossiers", communication.dossiers.all())
            _counted(removed, "submissions", communication.submissions.all())
            _counted(removed, "deadlines", communication.deadlines.all())
            removed["case"] = 1
            ErasureRecord.objects.create(
                reference=communication.reference,
                communication=None,
                kind=ErasureRecord.Kind.PURGED,
                asked_by=ErasureRecord.Asker.RETENTION,
                status_at_erasure=communication.status,
                removed=removed,
                purge_after=communication.purge_after,
            )
            communication.delete()
            files.delete_after_commit()
            purged += 1
    return purged
