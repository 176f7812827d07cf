"""The filer's list of drafts waiting for their answer, shown on top of their case list."""

from __future__ import annotations

from typing import Any

from django import template

from complaints.invitations import invitations_awaiting_answer
from complaints.models import User

register = template.Library()


@register.inclusion_tag("complaints/_awaiting_answer.html", takes_context=True)
def awaiting_answer(context: dict[str, Any]) -> dict[str, Any]:
    user = context.get("user")
    # Only filers accept invitations: staff lists cost no query for it.
    if user is None or not user.is_authenticated or getattr(user, "role", None) != User.Role.FILER:
        return {"invitations": []}
    return {"invitations": invitations_awaiting_answer(user)}
