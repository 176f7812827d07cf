"""The law as the Committee applies it: one table per finding of the review of the engine.

Each case is built from the pattern of a real decision where there is one (its symbol is in the
test id or docstring); facts the sources do not give are left unknown, as a caseworker would.
The engine is a pre-check: a wrong "inadmissible" would tell a child not to file a communication
the Committee would have examined, so where a fact is missing or only the Committee can judge,
the engine must say "needs review".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from admissibility import Outcome, Scope, StateStatus, Verdict, assess, assessment_to_dict, parse_facts
from tests.admissibility.builders import merged

MET, NOT_MET, REVIEW = Outcome.MET, Outcome.NOT_MET, Outcome.NEEDS_REVIEW

# Entry into force of OPIC as stated in the decisions cited below: Denmark 7 January 2016
# (CRC/C/77/D/3/2016, para. 1.1), Finland 12 February 2016 (communication No. 100/2019, para.
# 1.1); Germany was among the first ten parties, in force from 14 April 2014 (OPIC art. 19(1)).
# The OPSC/OPAC columns and the denunciation are test data, not any State's real status.
TREATY = {
    "DNK": StateStatus("DNK", True, date(2016, 1, 7), None, None),
    "FIN": StateStatus("FIN", True, date(2016, 2, 12), True, None),
    "DEU": StateStatus("DEU", True, date(2014, 4, 14), None, None),
    "XXN": StateStatus("XXN", True, date(2016, 1, 1), False, False),
    "XXD": StateStatus("XXD", True, date(2016, 1, 1), True, True, denunciation_effective_on=date(2024, 6, 1)),
}

# I.A.M. (on behalf of K.Y.M.) v. Denmark, CRC/C/77/D/3/2016 (Views of 25 January 2018): a
# Somali mother born in 1990 acts for her daughter born on 5 January 2016; claims under CRC
# arts. 1, 2, 3 and 19; the Refugee Appeals Board's final decision of 2 February 2016; the
# communication of 12 February 2016. Examined on the merits.
IAM: dict[str, Any] = {
    "assessed_on": "2016-02-12",
    "state": "DNK",
    "in_writing": True,
    "author": {"identified": True, "is_victim": False},
    "victims": [{"identified": True, "date_of_birth": "2016-01-05", "consent": "given"}],
    "claims": [
        {"instrument": "CRC", "article": article, "explanation": "Risk of female genital mutilation."}
        for article in (1, 2, 3, 19)
    ],
    "facts": {
        "summary": "Deportation ordered to Puntland, Somalia.",
        "start": "2016-02-02",
        "continuing": True,
    },
    "domestic_remedies": {"exhausted": True, "final_decision_on": "2016-02-02"},
    "previously_examined_by_committee": False,
    "other_procedures": [],
    "documents_count": 4,
}


def run(changes: dict[str, Any], base: dict[str, Any] = IAM) -> Any:
    return assess(parse_facts(merged(base, changes)), TREATY)


def finding_of(assessment: Any, criterion: str) -> Any:
    return next(f for f in assessment.findings if f.criterion == criterion)


def test_the_iam_pattern_as_given_is_admissible_at_first_sight() -> None:
    assessment = run({})
    assert assessment.verdict is Verdict.ADMISSIBLE_PRIMA_FACIE, [
        (f.criterion, f.reason) for f in assessment.findings if f.outcome is not MET
    ]


# --- Finding 1: unknown is not refused ---------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "criterion", "step_words"),
    [
        pytest.param(
            {"victims": [{"identified": True, "date_of_birth": "2016-01-05", "consent": None}]},
            "OPIC-5-2",
            "consent step",
            id="I.A.M. v. Denmark CRC/C/77/D/3/2016: a baby's consent left empty",
        ),
        pytest.param(
            {"author": {"identified": None}},
            "OPIC-7-a",
            "step about the author",
            id="author's name not yet recorded",
        ),
        pytest.param({"author": None}, "OPIC-7-a", "step about the author", id="no author recorded at all"),
        pytest.param(
            {"victims": [{"identified": None, "date_of_birth": "2016-01-05", "consent": "given"}]},
            "OPIC-7-a",
            "step about the children",
            id="the child's name not yet recorded",
        ),
        pytest.param(
            {"state": "MDA"}, "OPIC-1-3", "UN Treaty Collection", id="a State missing from the treaty table"
        ),
        pytest.param(
            {"facts": {"summary": None}}, "OPIC-7-f", "step about what happened", id="account not written yet"
        ),
    ],
)
def test_a_missing_fact_needs_review_and_says_which_step_supplies_it(
    changes: dict[str, Any], criterion: str, step_words: str
) -> None:
    assessment = run(changes)
    found = finding_of(assessment, criterion)
    assert found.outcome is REVIEW, found.reason
    assert step_words in found.reason
    assert assessment.verdict is Verdict.NEEDS_REVIEW


@pytest.mark.parametrize(
    ("changes", "criterion"),
    [
        pytest.param(
            {"author": {"identified": False}}, "OPIC-7-a", id="an author who wants to stay anonymous"
        ),
        pytest.param({"in_writing": False}, "OPIC-7-b", id="not in writing"),
        pytest.param({"facts": {"summary": "  "}}, "OPIC-7-f", id="an account recorded as empty"),
    ],
)
def test_what_is_recorded_as_refused_stays_refused(changes: dict[str, Any], criterion: str) -> None:
    assessment = run(changes)
    assert finding_of(assessment, criterion).outcome is NOT_MET
    assert assessment.verdict is Verdict.INADMISSIBLE


# --- Finding 2: every victim's consent ---------------------------------------------------------

CHILD = {"identified": True, "date_of_birth": "2008-03-01"}


@pytest.mark.parametrize(
    ("author_is_victim", "consents", "expected", "parts"),
    [
        pytest.param(True, ["given", None, None], REVIEW, (2, 3), id="two classmates' consent not recorded"),
        pytest.param(True, ["given", "given"], MET, (), id="every classmate agreed"),
        pytest.param(True, [None], MET, (), id="the author is the only victim"),
        pytest.param(
            False, ["given", "without_consent_justified"], REVIEW, (2,), id="one acted for with reasons"
        ),
        pytest.param(False, ["given", "not_given"], NOT_MET, (2,), id="one refused: only that one"),
        pytest.param(None, ["not_given"], REVIEW, (1,), id="the only victim may be the author"),
    ],
)
def test_every_victims_consent_is_checked_one_by_one(
    author_is_victim: bool | None, consents: list[str | None], expected: Outcome, parts: tuple[int, ...]
) -> None:
    facts = {
        "author": {"identified": True, "is_victim": author_is_victim},
        "victims": [{**CHILD, "consent": consent} for consent in consents],
    }
    found = finding_of(run(facts), "OPIC-5-2")
    assert found.outcome is expected, found.reason
    assert found.parts == parts
    if parts:
        assert found.scope is Scope.VICTIMS
        assert all(str(n) in found.reason for n in parts)


# --- Finding 3: a part does not sink the whole -------------------------------------------------

# P.N. et al. v. Finland, communication No. 100/2019 (Views of 12 September 2022): relatives acted
# for their own niece and grandchildren, and also for 33 other children held in the same camp,
# for whom they had no authority; the Committee examined the part about their own relatives.
PN: dict[str, Any] = {
    "assessed_on": "2019-06-01",
    "state": "FIN",
    "in_writing": True,
    "author": {"identified": True, "is_victim": False},
    "victims": [
        {"identified": True, "date_of_birth": "2017-01-01", "consent": "without_consent_justified"},
        {"identified": True, "date_of_birth": "2016-01-01", "consent": "without_consent_justified"},
        {"identified": False, "consent": "not_given"},
        {"identified": False, "consent": "not_given"},
    ],
    "claims": [
        {"instrument": "CRC", "article": article, "explanation": "Held in a camp; not repatriated."}
        for article in (6, 37)
    ],
    "facts": {
        "summary": "Children held in a camp in north-east Syria.",
        "start": "2019-03-01",
        "continuing": True,
    },
    "domestic_remedies": {
        "exhausted": None,
        "exception": "unlikely_effective_relief",
        "exception_reason": "No remedy.",
    },
    "previously_examined_by_committee": False,
    "other_procedures": [],
    "documents_count": 2,
}


def test_pn_v_finland_children_without_authority_are_left_out_and_the_rest_goes_on() -> None:
    assessment = assess(parse_facts(PN), TREATY)
    # Each excluding finding is listed: victims 3 and 4 lack both consent and a name.
    assert [(e.number, e.criterion) for e in assessment.exclusions] == [
        (3, "OPIC-5-2"),
        (3, "OPIC-7-a"),
        (4, "OPIC-5-2"),
        (4, "OPIC-7-a"),
    ]
    assert {e.criterion for e in assessment.exclusions} == {"OPIC-5-2", "OPIC-7-a"}
    assert assessment.verdict is Verdict.NEEDS_REVIEW  # the rest: consent with reasons, an exception
    exclusions = assessment_to_dict(assessment)["exclusions"]
    assert isinstance(exclusions, list)
    assert {(e["scope"], e["number"]) for e in exclusions} == {("victims", 3), ("victims", 4)}


def test_when_every_victim_is_left_out_nothing_remains() -> None:
    victims = [{"identified": True, "date_of_birth": "2017-01-01", "consent": "not_given"}] * 2
    assessment = assess(parse_facts({**PN, "victims": victims}), TREATY)
    assert assessment.verdict is Verdict.INADMISSIBLE


@pytest.mark.parametrize(
    ("claims", "verdict", "left_out"),
    [
        pytest.param(
            [("CRC", 19), ("OPAC", 4)],
            Verdict.ADMISSIBLE_PRIMA_FACIE,
            [2],
            id="an OPAC claim beside a CRC one",
        ),
        pytest.param(
            [("OPSC", 3), ("OPAC", 4)],
            Verdict.INADMISSIBLE,
            [1, 2],
            id="only claims the State never accepted",
        ),
        pytest.param([("CRC", 19)], Verdict.ADMISSIBLE_PRIMA_FACIE, [], id="a convention claim alone"),
    ],
)
def test_art_1_2_removes_only_the_claims_under_an_instrument_the_state_has_not_accepted(
    claims: list[tuple[str, int]], verdict: Verdict, left_out: list[int]
) -> None:
    changes = {
        "state": "XXN",
        "claims": [{"instrument": i, "article": a, "explanation": "Why."} for i, a in claims],
    }
    assessment = run(changes)
    assert assessment.verdict is verdict
    assert [e.number for e in assessment.exclusions if e.scope is Scope.CLAIMS] == left_out


# --- Finding 4: standing (art. 5(1)), not anonymity --------------------------------------------


def test_an_abstract_challenge_is_refused_for_standing_not_for_anonymity() -> None:
    """Actio popularis: an identified author, no victim. The ground is art. 5(1), not 7(a)."""
    assessment = run({"victims": []})
    assert finding_of(assessment, "OPIC-5-1").outcome is NOT_MET
    assert finding_of(assessment, "OPIC-7-a").outcome is MET
    assert assessment.verdict is Verdict.INADMISSIBLE


# Sacchi et al. v. Germany, CRC/C/88/D/107/2019 (decision of 22 September 2021): children living
# outside Germany, themselves the alleged victims; whether they were within Germany's jurisdiction
# was examined under art. 5(1); declared inadmissible for non-exhaustion (art. 7(e)).
SACCHI: dict[str, Any] = {
    "assessed_on": "2019-09-23",
    "state": "DEU",
    "in_writing": True,
    "author": {"identified": True, "is_victim": True},
    "victims": [{"identified": True, "consent": "given"} for _ in range(16)],
    "claims": [
        {"instrument": "CRC", "article": article, "explanation": "Failure to prevent climate change."}
        for article in (3, 6, 24, 30)
    ],
    "facts": {"summary": "Climate change harms their life, health and culture.", "continuing": True},
    "domestic_remedies": {
        "exhausted": False,
        "exception": "unlikely_effective_relief",
        "exception_reason": "Courts could not give effective relief.",
    },
    "previously_examined_by_committee": False,
    "outside_territory": True,
}


@pytest.mark.parametrize(
    ("outside", "expected"),
    [
        pytest.param(True, REVIEW, id="Sacchi et al. v. Germany CRC/C/88/D/107/2019: children abroad"),
        pytest.param(None, MET, id="nothing said about territory"),
        pytest.param(False, MET, id="inside the territory"),
    ],
)
def test_jurisdiction_outside_the_territory_is_for_the_committee(
    outside: bool | None, expected: Outcome
) -> None:
    assessment = assess(parse_facts({**SACCHI, "outside_territory": outside}), TREATY)
    standing = finding_of(assessment, "OPIC-5-1")
    assert standing.outcome is expected
    assert assessment.verdict is Verdict.NEEDS_REVIEW  # the futility argument is the Committee's to weigh


# --- Finding 5: other procedures (art. 7(d)) ---------------------------------------------------


@pytest.mark.parametrize(
    ("procedure", "previous", "expected"),
    [
        pytest.param(
            {"kind": "special_procedure", "status": "pending"},
            None,
            MET,
            id="a Special Rapporteur's urgent appeal",
        ),
        pytest.param(
            {"kind": "regional", "status": "pending"}, None, NOT_MET, id="pending before a regional court"
        ),
        pytest.param(
            {"kind": "treaty_body", "status": "examined"}, None, NOT_MET, id="examined by another treaty body"
        ),
        pytest.param(
            {"kind": "regional", "status": "ended_without_examination"},
            None,
            MET,
            id="rejected on formal grounds only",
        ),
        pytest.param({"kind": None, "status": "pending"}, None, REVIEW, id="a body of unknown kind"),
        pytest.param(None, "inadmissible_not_exhausted", REVIEW, id="back after exhausting remedies"),
        pytest.param(None, "examined", NOT_MET, id="already decided by this Committee"),
    ],
)
def test_only_a_qualifying_procedure_bars_under_7d(
    procedure: dict[str, Any] | None, previous: str | None, expected: Outcome
) -> None:
    changes: dict[str, Any] = {"previous_committee_outcome": previous}
    if previous is not None:
        changes["previously_examined_by_committee"] = None
    if procedure is not None:
        changes["other_procedures"] = [{"body": "A body", "same_matter": True, **procedure}]
    assert finding_of(run(changes), "OPIC-7-d").outcome is expected


# --- Finding 6: 7(g) and 7(h) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "final", "expected"),
    [
        # A.H.A. v. Spain, CRC/C/69/D/1/2014: facts and final decision both before: inadmissible.
        pytest.param(
            {"start": "2015-01-01", "end": "2015-06-01", "continuing": False},
            "2015-09-01",
            NOT_MET,
            id="both before",
        ),
        pytest.param(
            {"start": "2015-01-01", "end": "2015-06-01", "continuing": False},
            "2016-01-07",
            REVIEW,
            id="final decision on the day of entry into force",
        ),
        pytest.param(
            {"start": "2015-01-01", "end": "2015-06-01", "continuing": False},
            None,
            REVIEW,
            id="final decision unknown",
        ),
        pytest.param(
            {"start": "2015-01-01", "end": "2015-06-01", "continuing": True},
            "2015-09-01",
            REVIEW,
            id="continuing contradicts the end date",
        ),
        pytest.param(
            {"start": "2015-01-01", "end": "2016-01-07", "continuing": True},
            "2015-09-01",
            MET,
            id="continuing up to entry into force",
        ),
    ],
)
def test_7g_leaves_contradictions_and_later_decisions_to_the_committee(
    facts: dict[str, Any], final: str | None, expected: Outcome
) -> None:
    changes = {"facts": facts, "domestic_remedies": {"final_decision_on": final}}
    assert finding_of(run(changes), "OPIC-7-g").outcome is expected


@pytest.mark.parametrize(
    ("final", "assessed_on", "expected"),
    [
        pytest.param("2014-12-01", "2016-06-01", REVIEW, id="the year ended before entry into force"),
        pytest.param("2015-01-06", "2016-06-01", REVIEW, id="the year ended the day before"),
        pytest.param("2015-01-07", "2016-06-01", NOT_MET, id="the year ended on the day of entry into force"),
        pytest.param("2015-06-01", "2016-06-01", MET, id="on the last day"),
    ],
)
def test_7h_when_the_year_closed_before_entry_into_force_no_one_could_have_filed_in_time(
    final: str, assessed_on: str, expected: Outcome
) -> None:
    changes = {"assessed_on": assessed_on, "domestic_remedies": {"final_decision_on": final}}
    assert finding_of(run(changes), "OPIC-7-h").outcome is expected


@pytest.mark.parametrize(
    ("exhausted", "file_by"),
    [
        pytest.param(True, date(2017, 2, 2), id="exhausted"),
        pytest.param(False, None, id="an appeal is pending: the year has not started"),
        pytest.param(None, None, id="not known whether exhausted"),
    ],
)
def test_a_filing_deadline_is_given_only_once_remedies_are_exhausted(
    exhausted: bool | None, file_by: date | None
) -> None:
    assert run({"domestic_remedies": {"exhausted": exhausted}}).file_by == file_by


# --- Finding 7: denunciation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assessed_on", "expected"),
    [
        pytest.param("2024-05-31", MET, id="the day before the denunciation takes effect"),
        pytest.param("2024-06-01", NOT_MET, id="the day it takes effect (art. 22)"),
    ],
)
def test_after_a_denunciation_takes_effect_no_communication_can_be_received(
    assessed_on: str, expected: Outcome
) -> None:
    finding = finding_of(run({"state": "XXD", "assessed_on": assessed_on}), "OPIC-1-3")
    assert finding.outcome is expected


# --- Compatibility ------------------------------------------------------------------------------


def test_todays_input_without_any_new_field_is_accepted_and_keeps_the_verdict_names() -> None:
    old = {
        key: value
        for key, value in IAM.items()
        if key not in {"outside_territory", "previous_committee_outcome"}
    }
    result = assessment_to_dict(assess(parse_facts(old), TREATY))
    assert result["verdict"] in {"admissible_prima_facie", "needs_review", "inadmissible"}
    assert set(result) == {"verdict", "file_by", "findings", "exclusions"}
