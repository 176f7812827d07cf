"""The "Need help right now?" box on every signed-in page (templates/base.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from complaints.filing.help import help_contacts

register = template.Library()


@register.inclusion_tag("complaints/filing/_help_contacts.html", takes_context=True)
def help_box(context: template.Context, state: str | None = None) -> dict[str, Any]:
    """Whom to call at once in ``state`` (ISO 3166 alpha-3).

    Without a State: the one of the case on the page, else the portal's own (PORTAL_HELP_STATE),
    else the emergency number only.
    """
    if state is None:
        communication = context.get("communication")
        state = getattr(communication, "state", None) or settings.PORTAL_HELP_STATE
    return {"help_contacts": help_contacts(state)}
