"""Reads: the querysets views, the admin and the API list from."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from admissibility import Assessment, assess

from .adapters import facts_from_communication, treaty_table
from .models import Communication, Event
from .permissions import communications_visible_to


def communication_list_for_user(*, user: Any) -> QuerySet[Communication]:
    """Return the communications ``user`` may see, newest first, ready for a list page."""
    return communications_visible_to(user).select_related("organisation", "assignee").order_by("-updated_at")


def communication_timeline(*, communication: Communication, include_private: bool) -> QuerySet[Event]:
    """Return the events of ``communication`` in the order they happened."""
    events = communication.events.select_related("actor").order_by("occurred_on", "recorded_at")
    return events if include_private else events.filter(is_private=False)


def communication_assessment(
    *, communication: Communication, lang: str, on: date | None = None
) -> Assessment:
    """Return what the admissibility engine finds today (or ``on``), in ``lang``, without saving it."""
    on = on or timezone.localdate()
    return assess(facts_from_communication(communication, assessed_on=on), treaty_table(), lang=lang)
