"""Reads of the Committee's decisions: the library's search, filters and figures, and the links
from an admissibility finding (by criterion id) or a chosen article to the decisions about it.

The records are few (tens, not thousands) and their lists are JSON, which SQLite cannot search
inside: they are filtered here, in Python, the same way on every database.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from django.core.cache import cache
from django.utils.translation import get_language

from complaints.cldr import state_name
from complaints.decisions.models import GROUNDS, Decision

# Kazakhstan's own decisions come first: the State must make them known (OPIC art. 17).
HOME_STATE: Final = "KAZ"
LINKS_SHOWN: Final = 3
# The decisions change only when a file is imported. Each process keeps them in memory for as
# long as the shared cache holds the same version token; the importer replaces the token
# (importer.import_decisions -> forget_decisions), so every process reloads them on its next page.
# A wizard step therefore costs one small cache read, no query and no unpickling of the records.
CACHE_KEY: Final = "decisions:all:v1"
VERSION_KEY: Final = "decisions:version:v1"
CACHE_SECONDS: Final = 300
_memo: tuple[str, list[Decision]] | None = None


def all_decisions() -> list[Decision]:
    """Every decision: from this process's memory while the version token is unchanged."""
    global _memo
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    elif _memo is not None and _memo[0] == version:
        return list(_memo[1])
    cached = cache.get(CACHE_KEY)
    if cached is not None and cached[0] == version:
        found = cached[1]
    else:  # nothing cached, or a list read before the last import: read the table
        found = list(Decision.objects.all())
        cache.set(CACHE_KEY, (version, found), CACHE_SECONDS)
    _memo = (version, found)
    return list(found)


def forget_decisions() -> None:
    """After an import: every process reads the decisions again on its next page."""
    cache.delete(CACHE_KEY)
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    state: str = ""
    article: int | None = None
    outcome: str = ""
    ground: str = ""
    year: int | None = None


@dataclass
class Statistics:
    by_outcome: list[tuple[str, int]] = field(default_factory=list)
    by_state: list[tuple[str, int]] = field(default_factory=list)
    # Rows of (label, [count per outcome in Decision.Outcome order], total).
    ground_table: list[tuple[str, list[int], int]] = field(default_factory=list)
    state_table: list[tuple[str, list[int], int]] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)


def _language() -> str:
    return (get_language() or "en")[:2]


def _order(decisions: Iterable[Decision]) -> list[Decision]:
    newest_first = sorted(decisions, key=lambda d: (d.adopted_on, d.symbol), reverse=True)
    return sorted(newest_first, key=lambda d: d.state != HOME_STATE)


def _matches_text(decision: Decision, words: list[str], language: str) -> bool:
    haystack = " ".join(
        [
            decision.symbol,
            decision.number,
            decision.name,
            decision.summary_en,
            decision.summary_ru,
            decision.summary_kk,
            decision.state,
            state_name(decision.state, language),
            state_name(decision.state, "en"),
        ]
    ).casefold()
    return all(word in haystack for word in words)


def library(query: LibraryQuery) -> list[Decision]:
    """The decisions that answer ``query``: Kazakhstan's first, then the newest first."""
    language = _language()
    words = query.text.casefold().split()
    found = []
    for decision in all_decisions():
        if query.state and decision.state != query.state:
            continue
        if query.article and query.article not in decision.articles_invoked + decision.articles_violated:
            continue
        if query.outcome and decision.outcome != query.outcome:
            continue
        if query.ground and query.ground not in decision.grounds:
            continue
        if query.year and decision.adopted_on.year != query.year:
            continue
        if words and not _matches_text(decision, words, language):
            continue
        found.append(decision)
    return _order(found)


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The values the library's filters offer: only those some decision has."""
    language = _language()
    decisions = all_decisions()
    states = sorted({d.state for d in decisions}, key=lambda s: (s != HOME_STATE, state_name(s, language)))
    articles = sorted({n for d in decisions for n in d.articles_invoked + d.articles_violated})
    grounds = [g for g in GROUNDS if any(g in d.grounds for d in decisions)]
    years = sorted({d.adopted_on.year for d in decisions}, reverse=True)
    return {
        "states": [(s, state_name(s, language)) for s in states],
        "articles": [(str(n), str(n)) for n in articles],
        "grounds": [(g, GROUNDS[g]) for g in grounds],
        "years": [(str(y), str(y)) for y in years],
        "outcomes": [(str(value), str(label)) for value, label in Decision.Outcome.choices],
    }


def statistics(decisions: Iterable[Decision]) -> Statistics:
    """Outcomes overall, by State and by admissibility ground, as a lawyer would count them."""
    language = _language()
    decisions = list(decisions)
    outcomes = list(Decision.Outcome)
    labels = dict(Decision.Outcome.choices)
    by_outcome = Counter(d.outcome for d in decisions)
    by_state = Counter(d.state for d in decisions)
    per_state: dict[str, Counter[str]] = {}
    per_ground: dict[str, Counter[str]] = {}
    for decision in decisions:
        per_state.setdefault(decision.state, Counter())[decision.outcome] += 1
        for ground in decision.grounds:
            per_ground.setdefault(ground, Counter())[decision.outcome] += 1
    return Statistics(
        by_outcome=[(str(labels[o]), by_outcome[o]) for o in outcomes if by_outcome[o]],
        by_state=[
            (state_name(s, language), n) for s, n in sorted(by_state.items(), key=lambda i: (-i[1], i[0]))
        ],
        ground_table=[
            (GROUNDS[g], [per_ground[g][o] for o in outcomes], sum(per_ground[g].values()))
            for g in GROUNDS
            if g in per_ground
        ],
        state_table=[
            (state_name(s, language), [per_state[s][o] for o in outcomes], sum(per_state[s].values()))
            for s in sorted(per_state, key=lambda s: (s != HOME_STATE, state_name(s, language)))
        ],
        outcomes=[str(labels[o]) for o in outcomes],
    )


def decisions_by_ground(criteria: Iterable[str], limit: int = LINKS_SHOWN) -> dict[str, list[Decision]]:
    """For each engine criterion id, the latest decisions in which the Committee ruled on that ground."""
    wanted = [c for c in criteria if c in GROUNDS]
    if not wanted:
        return {}
    everything = _order(all_decisions())
    return {c: [d for d in everything if c in d.grounds][:limit] for c in wanted}


def violations_by_article(articles: Iterable[int], limit: int = LINKS_SHOWN) -> dict[int, list[Decision]]:
    """For each CRC article, the latest Views that found a violation of it."""
    wanted = sorted(set(articles))
    if not wanted:
        return {}
    found = _order(d for d in all_decisions() if d.outcome == Decision.Outcome.VIOLATION)
    return {n: [d for d in found if n in d.articles_violated][:limit] for n in wanted}
