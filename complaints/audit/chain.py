"""The hash chain of the audit log.

Each entry's hash is an HMAC-SHA256, keyed with ``AUDIT_CHAIN_KEY`` (``SECRET_KEY`` when unset), of
the previous entry's hash and the entry's own fields. Changing, removing or inserting an entry
breaks the chain from there on, and without the key, which is not in the database, nobody who can
write the table can compute a chain that verifies again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC
from typing import Any

from django.conf import settings
from django.utils.encoding import force_bytes

from complaints.audit.models import AuditEntry

GENESIS = "0" * 64
SALT = "complaints.audit.chain"

# The fields the hash covers, in this order: everything but the id and the hashes themselves.
HASHED_FIELDS = (
    "at",
    "actor_id",
    "actor_role",
    "actor_organisation",
    "action",
    "route",
    "method",
    "status_code",
    "communication_reference",
    "object_kind",
    "object_id",
    "fields",
    "ip",
    "user_agent",
)


def _canonical(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str, list)):
        return value
    if hasattr(value, "astimezone"):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(value)


def entry_message(entry: AuditEntry) -> str:
    """Return the entry's fields as one canonical JSON text (sorted keys, no spaces)."""
    fields = {name: _canonical(getattr(entry, name)) for name in HASHED_FIELDS}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hasher() -> Callable[[AuditEntry, str], str]:
    """Return a function giving an entry's hash chained to the previous one, its key derived once.

    One per run of entries (a page of them, or the whole chain when it is verified).
    """
    secret = getattr(settings, "AUDIT_CHAIN_KEY", "") or settings.SECRET_KEY
    # Django's salted_hmac(SALT, message, secret, algorithm="sha256"), with its key derived once.
    key = hashlib.sha256(force_bytes(SALT + secret)).digest()

    def hash_of(entry: AuditEntry, previous_hash: str) -> str:
        message = previous_hash + "\n" + entry_message(entry)
        return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()

    return hash_of
