"""The aggregator: run every criterion, in a fixed order, and derive the verdict."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Final

from admissibility import criteria
from admissibility.model import (
    Assessment,
    CommunicationFacts,
    Exclusion,
    Finding,
    Outcome,
    Scope,
    StateStatus,
    Verdict,
)

# The order shown to users. Adding a criterion = one function + one line here + its tests.
# Criterion ids are stable and never renumbered.
CRITERIA: Final[tuple[Callable[..., Finding], ...]] = (
    criteria.state_party,  # OPIC-1-3
    criteria.accepted_instruments,  # OPIC-1-2
    criteria.standing,  # OPIC-5-1
    criteria.consent,  # OPIC-5-2
    criteria.anonymity,  # OPIC-7-a
    criteria.in_writing,  # OPIC-7-b
    criteria.compatibility,  # OPIC-7-c
    criteria.same_matter,  # OPIC-7-d
    criteria.exhaustion,  # OPIC-7-e
    criteria.substantiation,  # OPIC-7-f
    criteria.ratione_temporis,  # OPIC-7-g
    criteria.time_limit,  # OPIC-7-h
)

CRITERION_IDS: Final = (
    "OPIC-1-3",
    "OPIC-1-2",
    "OPIC-5-1",
    "OPIC-5-2",
    "OPIC-7-a",
    "OPIC-7-b",
    "OPIC-7-c",
    "OPIC-7-d",
    "OPIC-7-e",
    "OPIC-7-f",
    "OPIC-7-g",
    "OPIC-7-h",
)


_NOT_MET: Final = Outcome.NOT_MET
_NEEDS_REVIEW: Final = Outcome.NEEDS_REVIEW
_WHOLE: Final = Scope.WHOLE
_CLAIMS: Final = Scope.CLAIMS


def verdict_of(findings: Iterable[Finding], claims: int | None = None, victims: int | None = None) -> Verdict:
    """Return the verdict about what remains of the communication after its exclusions.

    A NOT_MET finding about the whole makes it INADMISSIBLE. One about some claims or victims
    excludes only them: INADMISSIBLE when that leaves no claim (of ``claims``) or no victim (of
    ``victims``), else the verdict about the rest. Without the counts, a partial exclusion is at
    least NEEDS_REVIEW. Otherwise NEEDS_REVIEW if any finding needs review.
    """
    verdict = Verdict.ADMISSIBLE_PRIMA_FACIE
    excluded: dict[Scope, set[int]] = {Scope.CLAIMS: set(), Scope.VICTIMS: set()}
    for finding in findings:
        if finding.outcome == _NOT_MET:
            if finding.scope == _WHOLE or not finding.parts:
                return Verdict.INADMISSIBLE
            excluded[finding.scope].update(finding.parts)
        elif finding.outcome == _NEEDS_REVIEW:
            verdict = Verdict.NEEDS_REVIEW
    for scope, total in ((Scope.CLAIMS, claims), (Scope.VICTIMS, victims)):
        if not excluded[scope]:
            continue
        if total is None:
            verdict = Verdict.NEEDS_REVIEW
        elif total and excluded[scope].issuperset(range(1, total + 1)):
            return Verdict.INADMISSIBLE
    return verdict


def exclusions_of(findings: Iterable[Finding]) -> tuple[Exclusion, ...]:
    """Return the claims and victims that NOT_MET findings leave out, claims first, in input order."""
    found = [
        Exclusion(f.scope, number, f.criterion, f.reason, f.child_reason, f.citation)
        for f in findings
        if f.outcome == _NOT_MET and f.scope != _WHOLE
        for number in f.parts
    ]
    found.sort(key=lambda e: (e.scope != _CLAIMS, e.number))
    return tuple(found)


def assess(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Assessment:
    """Run every criterion and return all findings with the verdict; never stop at the first failure.

    ``treaty`` maps ISO3 codes to the State's treaty status; ``lang`` is "en", "ru" or "kk"
    (regional variants such as "ru-RU" are accepted; anything else falls back to English).
    ``file_by`` is given only once domestic remedies are recorded as exhausted: before that the
    year of OPIC art. 7(h) has not started.
    """
    findings = tuple([criterion(facts, treaty, lang) for criterion in CRITERIA])
    remedies = facts.domestic_remedies
    final = remedies.final_decision_on
    claims = len(facts.claims) if facts.claims is not None else None
    victims = len(facts.victims) if facts.victims is not None else None
    exclusions = exclusions_of(findings)
    verdict = verdict_of(findings, claims, victims)
    if exclusions and verdict is not Verdict.INADMISSIBLE:
        # The verdict is about what remains: judge the rest on its own (for example, once a child
        # who did not consent is left out, are the remaining victims children?).
        verdict = assess(_without(facts, exclusions), treaty, lang).verdict
    return Assessment(
        verdict=verdict,
        file_by=criteria.one_year_after(final) if final is not None and remedies.exhausted is True else None,
        findings=findings,
        exclusions=exclusions,
    )


def _without(facts: CommunicationFacts, exclusions: tuple[Exclusion, ...]) -> CommunicationFacts:
    """Return ``facts`` without the excluded claims and victims."""
    claims_out = {e.number for e in exclusions if e.scope == _CLAIMS}
    victims_out = {e.number for e in exclusions if e.scope == Scope.VICTIMS}
    claims = facts.claims
    victims = facts.victims
    return replace(
        facts,
        claims=tuple(c for n, c in enumerate(claims, 1) if n not in claims_out)
        if claims is not None
        else None,
        victims=tuple(v for n, v in enumerate(victims, 1) if n not in victims_out)
        if victims is not None
        else None,
    )


# Plain strings for the JSON form (an enum's ``.value`` is a slow property lookup).
_OUTCOME_TEXT: Final[dict[Outcome, str]] = {outcome: outcome.value for outcome in Outcome}
_VERDICT_TEXT: Final[dict[Verdict, str]] = {verdict: verdict.value for verdict in Verdict}
_SCOPE_TEXT: Final[dict[Scope, str]] = {scope: scope.value for scope in Scope}


def assessment_to_dict(assessment: Assessment) -> dict[str, object]:
    """Return the JSON-ready form of ``assessment`` (enums as their values, dates as ISO strings)."""
    outcome_text = _OUTCOME_TEXT
    scope_text = _SCOPE_TEXT
    return {
        "verdict": _VERDICT_TEXT[assessment.verdict],
        "file_by": assessment.file_by.isoformat() if assessment.file_by is not None else None,
        "findings": [
            {
                "criterion": finding.criterion,
                "outcome": outcome_text[finding.outcome],
                "reason": finding.reason,
                "child_reason": finding.child_reason,
                "citation": finding.citation,
                "scope": scope_text[finding.scope],
                "parts": list(finding.parts),
            }
            for finding in assessment.findings
        ],
        "exclusions": [
            {
                "scope": scope_text[exclusion.scope],
                "number": exclusion.number,
                "criterion": exclusion.criterion,
                "reason": exclusion.reason,
                "child_reason": exclusion.child_reason,
                "citation": exclusion.citation,
            }
            for exclusion in assessment.exclusions
        ],
    }
