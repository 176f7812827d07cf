"""Template helpers that link admissibility findings and chosen articles to the Committee's decisions."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from complaints.decisions.models import GROUNDS, Decision
from complaints.decisions.selectors import decisions_by_ground, violations_by_article

register = template.Library()


@register.filter
def decision_anchor(symbol: str) -> str:
    """A fragment id for a decision in the library: CRC/C/77/D/3/2016 -> d-CRC-C-77-D-3-2016."""
    return "d-" + str(symbol).replace("/", "-")


@register.filter
def ground_label(criterion: str) -> str:
    return GROUNDS.get(criterion, criterion)


@register.simple_tag
def decisions_for_findings(findings: Iterable[object]) -> dict[str, list[Decision]]:
    """One query for a whole list of findings: criterion id -> decisions that ruled on it."""
    return decisions_by_ground(str(getattr(finding, "criterion", "")) for finding in findings)


@register.simple_tag
def violations_for_claims(claims: Iterable[object]) -> list[tuple[int, list[Decision]]]:
    """For each chosen CRC article, the Views that found a violation of it (articles without any left out)."""
    articles = [
        int(getattr(claim, "article", 0))
        for claim in claims
        if getattr(claim, "instrument", "CRC") == "CRC" and getattr(claim, "article", None)
    ]
    return [(n, items) for n, items in violations_by_article(articles).items() if items]
