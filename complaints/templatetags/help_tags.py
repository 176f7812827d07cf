"""The "Need help right now?" box, for the pages outside the wizard (case list, case page)."""

from __future__ import annotations

from typing import Any

from django import template

from complaints.filing.help import help_contacts

register = template.Library()


@register.inclusion_tag("complaints/filing/_help_contacts.html")
def help_box(state: str | None = None) -> dict[str, Any]:
    """Whom to call at once in ``state`` (ISO 3166 alpha-3), or the emergency number elsewhere."""
    return {"help_contacts": help_contacts(state)}
