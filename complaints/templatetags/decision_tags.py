"""Template helpers that link admissibility findings and chosen articles to the Committee's decisions."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

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


@register.simple_tag
def ground_links(by_ground: dict[str, list[Decision]], criterion: str) -> SafeString | str:
    """The decisions in which the Committee ruled on ``criterion``, as a line of links to the library.

    Built here rather than in an included template: a wizard step shows it under every finding.
    """
    cases = by_ground.get(str(criterion)) if by_ground else None
    if not cases:
        return ""
    library = reverse("complaints:decision_library") + "?" + urlencode({"ground": criterion})
    links = format_html_join(
        ", ",
        '<a href="{}#{}">{}</a> ({})',
        ((library, decision_anchor(d.symbol), d.symbol, str(d.get_outcome_display()).lower()) for d in cases),
    )
    heading = _("The Committee decided %(ground)s in these cases:") % {"ground": ground_label(criterion)}
    return format_html('<span class="d-block small">{}\n{}</span>', heading, links)
