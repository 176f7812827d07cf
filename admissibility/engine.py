"""The aggregator: run every criterion, in a fixed order, and derive the verdict."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

from admissibility import criteria
from admissibility.model import Assessment, CommunicationFacts, Finding, Outcome, StateStatus, Verdict

# The order shown to users. Adding a criterion = one function + one line here + its tests.
# Criterion ids are stable and never renumbered.
CRITERIA: Final[tuple[Callable[..., Finding], ...]] = (
    criteria.state_party,  # OPIC-1-3
    criteria.accepted_instruments,  # OPIC-1-2
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


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    """Return INADMISSIBLE if any finding is not met, else NEEDS_REVIEW if any needs review."""
    verdict = Verdict.ADMISSIBLE_PRIMA_FACIE
    for finding in findings:
        if finding.outcome == _NOT_MET:
            return Verdict.INADMISSIBLE
        if finding.outcome == _NEEDS_REVIEW:
            verdict = Verdict.NEEDS_REVIEW
    return verdict


def assess(facts: CommunicationFacts, treaty: Mapping[str, StateStatus], lang: str = "en") -> Assessment:
    """Run every criterion and return all findings with the verdict; never stop at the first failure.

    ``treaty`` maps ISO3 codes to the State's treaty status; ``lang`` is "en", "ru" or "kk"
    (regional variants such as "ru-RU" are accepted; anything else falls back to English).
    """
    findings = tuple([criterion(facts, treaty, lang) for criterion in CRITERIA])
    final = facts.domestic_remedies.final_decision_on
    return Assessment(
        verdict=verdict_of(findings),
        file_by=criteria.one_year_after(final) if final is not None else None,
        findings=findings,
    )


# Plain strings for the JSON form (an enum's ``.value`` is a slow property lookup).
_OUTCOME_TEXT: Final[dict[Outcome, str]] = {outcome: outcome.value for outcome in Outcome}
_VERDICT_TEXT: Final[dict[Verdict, str]] = {verdict: verdict.value for verdict in Verdict}


def assessment_to_dict(assessment: Assessment) -> dict[str, object]:
    """Return the JSON-ready form of ``assessment`` (enums as their values, dates as ISO strings)."""
    outcome_text = _OUTCOME_TEXT
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
            }
            for finding in assessment.findings
        ],
    }
