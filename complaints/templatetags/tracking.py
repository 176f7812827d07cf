"""Template tags of the deadline and dossier partials, so the pages that include them need no new context."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from ..deadlines import deadlines_of_case, deadlines_upcoming, notifications_for
from ..dossiers import dossier_variants_for
from ..models import Communication, Dossier
from ..tracking_views import dossier_state, interim_measures_form

register = template.Library()


@register.simple_tag
def case_tracking(communication: Communication, user: Any) -> dict[str, Any]:
    """Everything the case page's deadline and dossier partial shows, for ``user``."""
    if not user.has_perm("complaints.view_communication", communication):
        return {"visible": False}
    variants = dossier_variants_for(user, communication)
    existing = {
        d.variant: d for d in Dossier.objects.filter(communication=communication, variant__in=variants)
    }
    can_record = user.has_perm("complaints.transition_communication", communication)
    return {
        "visible": True,
        "today": timezone.localdate(),
        "deadlines": list(deadlines_of_case(communication=communication)),
        "dossiers": [
            {
                "variant": variant,
                "label": Dossier.Variant(variant).label,
                "state": dossier_state(existing[variant]) if variant in existing else None,
            }
            for variant in variants
        ],
        "interim_form": interim_measures_form(communication) if can_record else None,
    }


@register.simple_tag
def deadline_summary(user: Any) -> dict[str, Any]:
    """The dashboard's line about deadlines: how many fall due within 30 days, how many are overdue."""
    counts = (
        deadlines_upcoming(user=user, days=30)
        .order_by()
        .aggregate(upcoming=Count("pk"), overdue=Count("pk", filter=Q(status="overdue")))
    )
    return {**counts, "unread": notifications_for(user=user, unread_only=True).count()}
