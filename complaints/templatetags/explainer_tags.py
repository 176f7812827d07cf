"""Filters of the public explainer pages."""

from __future__ import annotations

from django import template
from django.utils.functional import Promise

from complaints.explainer.content import CRITERION_CITATIONS

register = template.Library()


@register.filter
def criterion_citation(criterion: str) -> Promise | str:
    """The article an admissibility criterion id stands for, in the reader's language."""
    return CRITERION_CITATIONS.get(criterion, "")
