"""Names from CLDR in templates: ``{% load names %}{{ communication.state|state_name }}``."""

from __future__ import annotations

from datetime import date

from django import template
from django.conf import settings
from django.utils.translation import get_language

from complaints import cldr
from complaints.deadlines import sources
from complaints.language import citations, durations
from complaints.models import Communication, Deadline, Event
from complaints.selectors import communication_name
from complaints.timeline import texts

register = template.Library()


@register.filter
def state_name(iso3: str | None) -> str:
    """Return the State ``iso3`` named in the active language ("Қазақстан"); "" for none."""
    if not iso3:
        return ""
    return cldr.state_name(iso3, get_language() or settings.LANGUAGE_CODE)


@register.filter
def event_summary(event: Event) -> str:
    """Return the kind of ``event`` (and a new status) in the active language."""
    return texts.event_summary(event)


@register.filter
def event_text(event: Event) -> str:
    """Return what ``event`` says in the active language, or the note someone typed."""
    return texts.event_text(event)


@register.filter
def citation(text: str | None) -> str:
    """Return a reference such as "OPIC art. 7(h)" written in the active language."""
    return citations.citation(text or "")


@register.filter
def deadline_source(deadline: Deadline) -> str:
    """Return where ``deadline`` comes from, in the active language."""
    return sources.deadline_source(deadline.kind, deadline.source)


@register.filter
def time_until(day: date | None, today: date | None) -> str:
    """Return the time from ``today`` until ``day`` in the active language: "5 months, 2 weeks"."""
    if day is None or today is None:
        return ""
    return durations.time_until(day, today)


@register.simple_tag(takes_context=True)
def case_name(context: template.Context, communication: Communication) -> str:
    """Name the case for the reader: the private title only for its filer (``{% case_name c %}``)."""
    return communication_name(communication=communication, user=context.get("user"))
