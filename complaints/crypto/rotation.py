"""Re-encrypting what is stored: existing plaintext (migration 0012) and rotation to a new key.

Every step reads and writes the raw columns and files (the tokens), a batch at a time, each
batch in its own transaction, and skips what the current key already encrypted: run again after
an interruption, it goes on where it stopped, and run twice, the second run changes nothing.
A value that no key of the ring decrypts stops the run with the table, column and row named
(complaints.crypto.keys.DecryptionError); nothing is overwritten with garbage.
"""

from __future__ import annotations

import posixpath
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Model

from complaints.crypto.blind_index import digests
from complaints.crypto.fields import EncryptedMixin
from complaints.crypto.keys import DecryptionError, KeyRing, key_ring
from complaints.crypto.storage import EncryptedStorage

Transform = Callable[[str], str | None]  # a stored value -> its new form, or None to leave it


@dataclass
class Tally:
    """What a run looked at and what it rewrote, per table (or per kind of file)."""

    seen: dict[str, int] = field(default_factory=dict)
    rewritten: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, seen: int, rewritten: int) -> None:
        self.seen[what] = self.seen.get(what, 0) + seen
        self.rewritten[what] = self.rewritten.get(what, 0) + rewritten

    def lines(self) -> list[str]:
        return [f"{what}: {self.rewritten[what]} of {self.seen[what]} rewritten" for what in self.seen]


def encrypted_columns(model: type[Model]) -> list[str]:
    return [str(f.column) for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]


def file_columns(model: type[Model]) -> list[str]:
    return [str(f.column) for f in model._meta.concrete_fields if f.get_internal_type() == "FileField"]


def _table(model: type[Model]) -> tuple[str, str]:
    """The table's name and its primary key's column."""
    assert model._meta.pk is not None
    return str(model._meta.db_table), str(model._meta.pk.column)


def to_current(ring: KeyRing) -> Transform:
    """Rotation: a value the current key did not encrypt is decrypted (any key) and encrypted again."""

    def transform(value: str) -> str | None:
        token = value.encode("ascii")
        if ring.is_current(token):
            return None
        return ring.encrypt(ring.decrypt(token)).decode("ascii")

    return transform


def from_plaintext(ring: KeyRing) -> Transform:
    """Migration 0012: plaintext is encrypted; a value already a token of the ring is left."""

    def transform(value: str) -> str | None:
        try:
            ring.decrypt(value.encode("utf-8"))
        except (DecryptionError, UnicodeEncodeError):
            return ring.encrypt(value.encode("utf-8")).decode("ascii")
        return None

    return transform


def to_plaintext(ring: KeyRing) -> Transform:
    """Reversing migration 0012: every token is decrypted back to its text."""

    def transform(value: str) -> str | None:
        return ring.decrypt(value.encode("ascii")).decode("utf-8")

    return transform


def _batches(model: type[Model], columns: list[str], batch_size: int) -> Iterator[list[tuple[Any, ...]]]:
    table, pk = _table(model)
    quote = connection.ops.quote_name
    selected = ", ".join(quote(c) for c in [pk, *columns])
    last: Any = None
    while True:
        where = f"WHERE {quote(pk)} > %s " if last is not None else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {selected} FROM {quote(table)} {where}ORDER BY {quote(pk)} LIMIT %s",
                [last, batch_size] if last is not None else [batch_size],
            )
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def rows_rewrite(model: type[Model], transform: Transform, batch_size: int, tally: Tally) -> None:
    """Apply ``transform`` to every non-empty encrypted column of every row of ``model``."""
    columns = encrypted_columns(model)
    if not columns:
        return
    table, pk = _table(model)
    quote = connection.ops.quote_name
    for rows in _batches(model, columns, batch_size):
        rewritten = 0
        with transaction.atomic():
            for row in rows:
                changes = {}
                for column, value in zip(columns, row[1:], strict=True):
                    if value in (None, ""):
                        continue
                    try:
                        new = transform(value)
                    except DecryptionError as error:
                        raise DecryptionError(f"{table}.{column}, row {row[0]}: {error}") from None
                    if new is not None:
                        changes[column] = new
                if changes:
                    assignments = ", ".join(f"{quote(c)} = %s" for c in changes)
                    with connection.cursor() as cursor:
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s",
                            [*changes.values(), row[0]],
                        )
                    rewritten += 1
        tally.add(table, len(rows), rewritten)


FileTransform = Callable[[bytes], bytes | None]


def file_to_current(ring: KeyRing) -> FileTransform:
    return lambda data: None if ring.is_current(data) else ring.encrypt(ring.decrypt(data))


def file_from_plaintext(ring: KeyRing) -> FileTransform:
    def transform(data: bytes) -> bytes | None:
        try:
            ring.decrypt(data)
        except DecryptionError:
            return ring.encrypt(data)
        return None

    return transform


def file_to_plaintext(ring: KeyRing) -> FileTransform:
    return lambda data: ring.decrypt(data)


def files_rewrite(
    model: type[Model], transform: FileTransform, batch_size: int, tally: Tally, storage: EncryptedStorage
) -> None:
    """Rewrite each stored file of ``model`` under a new name, then point its row at it.

    The old file is deleted only once the row names the new one (after the batch commits): an
    interruption leaves at worst an unreferenced new file, never a row without its file.
    """
    table, pk = _table(model)
    quote = connection.ops.quote_name
    for column in file_columns(model):
        for rows in _batches(model, [column], batch_size):
            rewritten = 0
            with transaction.atomic():
                for row_pk, name in rows:
                    if not name:
                        continue
                    try:
                        data = storage.read_raw(name)
                    except FileNotFoundError:
                        continue  # a row whose file is gone: nothing to encrypt (the row says so elsewhere)
                    try:
                        new_data = transform(data)
                    except DecryptionError as error:
                        raise DecryptionError(
                            f"{table}.{column}, row {row_pk}, file {name}: {error}"
                        ) from None
                    if new_data is None:
                        continue
                    extension = posixpath.splitext(name)[1]
                    new_name = storage.inner.save(
                        f"{posixpath.dirname(name)}/{uuid.uuid4().hex}{extension}", ContentFile(new_data)
                    )
                    with connection.cursor() as cursor:
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {quote(pk)} = %s",
                            [new_name, row_pk],
                        )
                    transaction.on_commit(partial(storage.inner.delete, name))
                    rewritten += 1
            tally.add(f"{table}.{column} (files)", len(rows), rewritten)


def cases_index(
    communication: type[Model], person: type[Model], digest: type[Model], ids: list[int], ring: KeyRing
) -> int:
    """Index the cases ``ids`` again from scratch with the ring's current key; the rows written.

    Names as names, titles under private digests (complaints.crypto.blind_index), as a save does.
    """
    names: dict[int, list[str]] = {pk: [] for pk in ids}
    titles: dict[int, list[str]] = {pk: [] for pk in ids}
    for pk, title in communication._default_manager.filter(pk__in=ids).values_list("pk", "title"):
        titles[pk].append(title)
    people = person._default_manager.filter(communication_id__in=ids)
    for pk, given, family in people.values_list("communication_id", "given_name", "family_name"):
        names[pk] += [given, family]
    rows = [
        digest(communication_id=pk, digest=d)
        for pk in ids
        for d in digests(ring, names[pk]) | digests(ring, titles[pk], private=True)
    ]
    with transaction.atomic():
        digest._default_manager.filter(communication_id__in=ids).delete()
        digest._default_manager.bulk_create(rows, batch_size=5000)
    return len(rows)


def index_rebuild(
    communication: type[Model], person: type[Model], digest: type[Model], batch_size: int, tally: Tally
) -> None:
    ring = key_ring()
    ids = list(communication._default_manager.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        tally.add("search digests (cases)", len(batch), len(batch))
        cases_index(communication, person, digest, batch, ring)
