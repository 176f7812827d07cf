"""Template tags of the deadline and dossier partials, so the pages that include them need no new context."""

from __future__ import annotations

from typing import Any

from django import template

from complaints.deadlines.services import DeadlineSummary, deadline_summary_for

register = template.Library()


@register.simple_tag
def deadline_summary(user: Any) -> DeadlineSummary:
    """The dashboard's line about deadlines: how many cases have one within 30 days, how many one past."""
    return deadline_summary_for(user=user, days=30)
