"""The case page's part of the audit trail: the filer sees who read their case."""

from __future__ import annotations

from typing import Any

from complaints.audit.services import case_readers
from complaints.models import Communication, User


def readers_context(user: User, communication: Communication) -> dict[str, Any]:
    """Who else read the case, for its filer and for the people invited to read it; staff use the admin."""
    if communication.filer_id != user.pk and user.is_staff_role:
        return {"show_readers": False}
    return {"show_readers": True, "readers": case_readers(communication=communication, viewer=user)}
