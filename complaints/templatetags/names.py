"""Names from CLDR in templates: ``{% load names %}{{ communication.state|state_name }}``."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language

from complaints import cldr
from complaints.models import Communication
from complaints.selectors import communication_name

register = template.Library()


@register.filter
def state_name(iso3: str | None) -> str:
    """Return the State ``iso3`` named in the active language ("Қазақстан"); "" for none."""
    if not iso3:
        return ""
    return cldr.state_name(iso3, get_language() or settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def case_name(context: template.Context, communication: Communication) -> str:
    """Name the case for the reader: the private title only for its filer (``{% case_name c %}``)."""
    return communication_name(communication=communication, user=context.get("user"))
