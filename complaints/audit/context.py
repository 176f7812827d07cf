"""What the code serving one request says it read or changed, kept until the request ends.

The audit middleware opens a ``RequestAudit`` for each request; views, the API and the admin add
``Note``s to it with ``audit_note``; the middleware writes them, with the answer's status, in one
INSERT when the response is ready. Outside a request (a task, a command) notes are dropped.
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Note:
    """One thing a request touched: a case, or one of its parts, and the fields it changed (names only)."""

    reference: uuid.UUID | None = None
    kind: str = ""
    object_id: str = ""
    fields: tuple[str, ...] = ()
    action: str = ""  # empty: decided by the middleware from the method and the answer


@dataclass
class RequestAudit:
    notes: list[Note] = field(default_factory=list)
    skip: bool = False


_current: ContextVar[RequestAudit | None] = ContextVar("complaints_audit_request", default=None)


def as_reference(value: Any) -> uuid.UUID | None:
    """Return ``value`` as a case reference, or None when it is not one (it is never an error here)."""
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def audit_begin() -> tuple[RequestAudit, Any]:
    audit = RequestAudit()
    return audit, _current.set(audit)


def audit_end(token: Any) -> None:
    _current.reset(token)


def audit_note(
    *,
    reference: Any = None,
    kind: str = "",
    object_id: Any = "",
    fields: Any = (),
    action: str = "",
) -> None:
    """Record that the current request touched a case or one of its parts (``fields``: names only)."""
    audit = _current.get()
    if audit is None:
        return
    audit.notes.append(
        Note(
            reference=as_reference(reference),
            kind=kind,
            object_id="" if object_id in (None, "") else str(object_id),
            fields=tuple(sorted({str(name) for name in fields})),
            action=action,
        )
    )


def audit_skip() -> None:
    """Write nothing for the current request (it touched no case after all)."""
    audit = _current.get()
    if audit is not None:
        audit.skip = True
