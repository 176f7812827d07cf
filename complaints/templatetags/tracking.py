"""Template tags of the deadline and dossier partials, so the pages that include them need no new context."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q

from complaints.deadlines import deadlines_upcoming, notifications_for

register = template.Library()


@register.simple_tag
def deadline_summary(user: Any) -> dict[str, Any]:
    """The dashboard's line about deadlines: how many fall due within 30 days, how many are overdue."""
    counts = (
        deadlines_upcoming(user=user, days=30)
        .order_by()
        .aggregate(upcoming=Count("pk"), overdue=Count("pk", filter=Q(status="overdue")))
    )
    return {**counts, "unread": notifications_for(user=user, unread_only=True).count()}
