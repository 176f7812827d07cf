"""The aggregator: all findings, in order, one verdict, the filing deadline and the JSON form."""

from __future__ import annotations

import json
from datetime import date

import pytest

from admissibility import (
    CRITERIA,
    CRITERION_IDS,
    Assessment,
    Finding,
    Outcome,
    Verdict,
    assess,
    assessment_to_dict,
    verdict_of,
)
from tests.admissibility.builders import TREATY, make


def test_an_admissible_communication_meets_every_criterion() -> None:
    assessment = assess(make(), TREATY)
    assert [f.outcome for f in assessment.findings] == [Outcome.MET] * len(CRITERIA)
    assert assessment.verdict is Verdict.ADMISSIBLE_PRIMA_FACIE


def test_every_criterion_gives_exactly_one_finding_in_the_order_shown_to_users() -> None:
    assessment = assess(make(), TREATY)
    assert tuple(f.criterion for f in assessment.findings) == CRITERION_IDS
    assert CRITERION_IDS == (
        "OPIC-1-3", "OPIC-1-2", "OPIC-5-1", "OPIC-5-2", "OPIC-7-a", "OPIC-7-b", "OPIC-7-c",
        "OPIC-7-d", "OPIC-7-e", "OPIC-7-f", "OPIC-7-g", "OPIC-7-h",
    )  # fmt: skip
    assert [f.citation for f in assessment.findings] == [
        "OPIC art. 1(3)", "OPIC art. 1(2), 5(1)", "OPIC art. 5(1)", "OPIC art. 5(2)", "OPIC art. 7(a)",
        "OPIC art. 7(b)", "OPIC art. 7(c)", "OPIC art. 7(d)", "OPIC art. 7(e)", "OPIC art. 7(f)",
        "OPIC art. 7(g), 20", "OPIC art. 7(h)",
    ]  # fmt: skip


def test_the_engine_never_stops_at_the_first_failure() -> None:
    facts = make({"state": "AUT", "in_writing": False, "author": {"identified": False}, "documents_count": 0})
    assessment = assess(facts, TREATY)
    assert len(assessment.findings) == len(CRITERIA)
    failed = {f.criterion for f in assessment.findings if f.outcome is Outcome.NOT_MET}
    assert {"OPIC-1-3", "OPIC-7-a", "OPIC-7-b"} <= failed
    assert assessment.verdict is Verdict.INADMISSIBLE


def finding(outcome: Outcome) -> Finding:
    return Finding("X", outcome, "r", "c", "OPIC art. 7(a)")


@pytest.mark.parametrize(
    ("outcomes", "verdict"),
    [
        pytest.param([Outcome.MET, Outcome.MET], Verdict.ADMISSIBLE_PRIMA_FACIE, id="all met"),
        pytest.param([Outcome.MET, Outcome.NEEDS_REVIEW], Verdict.NEEDS_REVIEW, id="one needs review"),
        pytest.param([Outcome.NEEDS_REVIEW, Outcome.NOT_MET], Verdict.INADMISSIBLE, id="one not met wins"),
        pytest.param([], Verdict.ADMISSIBLE_PRIMA_FACIE, id="nothing to find"),
    ],
)
def test_the_verdict_is_the_gravest_outcome(outcomes: list[Outcome], verdict: Verdict) -> None:
    assert verdict_of([finding(o) for o in outcomes]) is verdict


@pytest.mark.parametrize(
    ("decided", "file_by"),
    [
        pytest.param("2024-11-20", date(2025, 11, 20), id="a year after the final decision"),
        pytest.param("2024-02-29", date(2025, 2, 28), id="29 february gives 28 february"),
        pytest.param("2023-02-28", date(2024, 2, 28), id="28 february stays 28 february in a leap year"),
        pytest.param(None, None, id="no date no deadline"),
        pytest.param("9999-06-01", date.max, id="the end of the calendar does not crash"),
    ],
)
def test_the_filing_deadline_is_one_year_after_the_final_decision(
    decided: str | None, file_by: date | None
) -> None:
    assessment = assess(make({"domestic_remedies": {"final_decision_on": decided}}), TREATY)
    assert assessment.file_by == file_by


def test_the_json_form_has_iso_dates_and_plain_values() -> None:
    result = assessment_to_dict(assess(make(), TREATY))
    assert result["verdict"] == "admissible_prima_facie"
    assert result["file_by"] == "2025-11-20"
    findings = result["findings"]
    assert isinstance(findings, list)
    assert len(findings) == len(CRITERIA)
    assert findings[-1] == {
        "criterion": "OPIC-7-h",
        "outcome": "met",
        "reason": findings[-1]["reason"],
        "child_reason": findings[-1]["child_reason"],
        "citation": "OPIC art. 7(h)",
        "scope": "whole",
        "parts": [],
    }
    assert result["exclusions"] == []
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result


def test_the_json_form_has_a_null_deadline_when_the_final_decision_date_is_unknown() -> None:
    result = assessment_to_dict(Assessment(Verdict.NEEDS_REVIEW, None, ()))
    assert result == {"verdict": "needs_review", "file_by": None, "findings": [], "exclusions": []}


def test_the_same_facts_always_give_the_same_assessment() -> None:
    assert assess(make(), TREATY, "kk") == assess(make(), TREATY, "kk")


def test_each_criterion_can_be_called_on_its_own() -> None:
    facts = make()
    for criterion, expected_id in zip(CRITERIA, CRITERION_IDS, strict=True):
        assert criterion(facts, TREATY).criterion == expected_id
        assert criterion(facts, TREATY, "ru").criterion == expected_id
