"""Writing, verifying, exporting and showing the audit log.

``audit_write`` appends entries in one INSERT, chained to the last entry under a lock, so two
requests never chain to the same predecessor. ``audit_verify`` walks the whole chain.
``case_readers`` tells a filer who read their case by role and organisation, never by name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.audit.chain import GENESIS, HASHED_FIELDS, chain_hasher
from complaints.audit.models import AuditEntry
from complaints.models import Communication, User
from complaints.permissions import memberships_of

# Any constant: the key of the PostgreSQL advisory lock that orders writers of the chain.
CHAIN_LOCK = 0x0A0D17
# The last entry's hash (the chain's head), read by the primary key's index.
HEAD_SQL = f'SELECT "hash" FROM "{AuditEntry._meta.db_table}" ORDER BY "id" DESC LIMIT 1'
READS = (AuditEntry.Action.READ, AuditEntry.Action.DOWNLOAD)
# The export: every hashed field (the account also by name), with the id and the hashes.
EXPORT_COLUMNS = ("id", "at", "actor_id", "actor_username", *HASHED_FIELDS[2:], "previous_hash", "hash")
EXPORT_FIELDS = tuple("actor__username" if name == "actor_username" else name for name in EXPORT_COLUMNS)


def actor_snapshot(user: Any) -> tuple[User | None, str, str]:
    """Return who acts, their role and their organisations' names, as the log keeps them."""
    if not getattr(user, "is_authenticated", False):
        return None, "", ""
    assert isinstance(user, User)
    organisations = ""
    if user.role in (User.Role.CASEWORKER, User.Role.OMBUDSMAN_REVIEWER):
        names = [belonging.name for belonging in memberships_of(user)]
        organisations = ", ".join(sorted(names))[:300]
    return user, user.role, organisations


def _lock_and_read_head(*, durable: bool) -> str | None:
    """Take the chain's lock for this transaction, then return the last entry's hash.

    Two statements, in this order: under READ COMMITTED each statement reads from a snapshot taken
    when it starts, so only a read that starts after the lock is held sees the entry of a writer
    that held it before.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s), set_config('synchronous_commit', %s, true)",
                [CHAIN_LOCK, "on" if durable else "off"],
            )
        cursor.execute(HEAD_SQL)
        row = cursor.fetchone()
    return row[0] if row else None


def audit_write(entries: list[AuditEntry], *, durable: bool = True) -> None:
    """Append ``entries`` to the log in one INSERT, each chained to the one before it.

    ``durable=False`` (reads) lets PostgreSQL confirm the commit before its WAL reaches the disk:
    about 3 ms less per page, at the price that a crash of the database server in the following
    fraction of a second loses those last entries (whole, at the end of the chain, which still
    verifies). Changes are always written durably.
    """
    if not entries:
        return
    with transaction.atomic():
        previous = _lock_and_read_head(durable=durable) or GENESIS
        now = timezone.now()
        hash_of = chain_hasher()
        for entry in entries:
            entry.at = entry.at or now
            entry.previous_hash = previous
            entry.hash = previous = hash_of(entry, previous)
        AuditEntry.objects.bulk_create(entries)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head: str
    broken_at: int | None = None
    reason: str = ""


def audit_verify() -> ChainReport:
    """Recompute the chain from the first entry; report the first entry where it breaks."""
    previous = GENESIS
    count = 0
    hash_of = chain_hasher()
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if entry.previous_hash != previous:
            return ChainReport(count, previous, entry.pk, "an entry before it was removed or changed")
        if hash_of(entry, previous) != entry.hash:
            return ChainReport(count, previous, entry.pk, "its fields were changed")
        previous = entry.hash
    return ChainReport(count, previous)


def audit_rows(entries: QuerySet[AuditEntry]) -> Iterator[dict[str, Any]]:
    """The ``entries``, oldest first, as plain values for a CSV or JSON export."""
    for row in entries.order_by("id").values(*EXPORT_FIELDS).iterator(chunk_size=2000):
        row["actor_username"] = row.pop("actor__username") or ""
        row["at"] = row["at"].isoformat()
        row["communication_reference"] = str(row["communication_reference"] or "")
        yield {column: row[column] for column in EXPORT_COLUMNS}


def audit_entries_for_case(reference: Any) -> QuerySet[AuditEntry]:
    """Every entry about one case, refused attempts included."""
    return AuditEntry.objects.filter(communication_reference=reference)


@dataclass(frozen=True)
class Reader:
    """Who read a case on one day, as a filer is told: a role and an organisation, never a name."""

    who: str
    day: date
    times: int


def _reader_label(entry: Mapping[str, Any], communication: Communication) -> str:
    role, organisation = entry["actor_role"], entry["actor_organisation"]
    if role == User.Role.CASEWORKER:
        if organisation:
            return _("a caseworker of %(organisation)s") % {"organisation": organisation}
        return _("a caseworker")
    if role == User.Role.OMBUDSMAN_REVIEWER:
        if organisation:
            return _("a reviewer of %(organisation)s") % {"organisation": organisation}
        return _("a reviewer of an ombudsman office")
    if role == User.Role.ADMINISTRATOR:
        return _("an administrator of the portal")
    if entry["actor_id"] == communication.filer_id:
        return _("the person who started the case")
    return _("a person invited to read the case")


def case_readers(*, communication: Communication, viewer: User, limit: int = 30) -> list[Reader]:
    """Who else read or downloaded the case, newest day first, grouped by role, organisation and day.

    Counted over the case's latest 1,000 reads, found through the index on (case, id).
    """
    latest = (
        AuditEntry.objects.filter(
            communication_reference=communication.reference, action__in=READS, status_code__lt=400
        )
        .exclude(actor_id=viewer.pk)
        .order_by("-id")
        .values("id")[:1000]
    )
    groups = (
        AuditEntry.objects.filter(id__in=latest)
        .annotate(day=TruncDate("at", tzinfo=timezone.get_current_timezone()))
        .values("actor_id", "actor_role", "actor_organisation", "day")
        .annotate(times=Count("id"))
        .order_by("-day")
    )
    readers: dict[tuple[str, date], int] = {}
    for group in groups:
        key = (_reader_label(group, communication), group["day"])
        readers[key] = readers.get(key, 0) + group["times"]
    return [Reader(who, day, times) for (who, day), times in list(readers.items())[:limit]]
