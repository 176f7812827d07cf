"""Properties that hold for any well-formed input, in every language."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from admissibility import (
    CRITERIA,
    CRITERION_IDS,
    LANGUAGES,
    FactsError,
    Outcome,
    StateStatus,
    Verdict,
    assess,
    assessment_to_dict,
    parse_facts,
)
from admissibility.parsing import TOP_FIELDS

# Hypothesis keeps caches (and by default an example database) in ./.hypothesis: the tests must
# not write into the working tree, so keep its caches in the temporary directory, and no database.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "hypothesis-admissibility")
SETTINGS = settings(database=None, deadline=None, max_examples=200)

STATES = ("KAZ", "ESP", "DNK", "AUT", "XXU", "FRA")


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


# Mostly around the years the Protocol has existed, sometimes anywhere in the calendar.
days = st.one_of(st.dates(date(1990, 1, 1), date(2035, 12, 31)), st.dates())
iso_days = days.map(date.isoformat)
texts = st.one_of(st.just(""), st.just("  "), st.text(max_size=30))


def record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """An object whose every field may be absent, null or a valid value."""
    return st.fixed_dictionaries({}, optional={name: maybe(value) for name, value in fields.items()})


authors = record({"identified": st.booleans(), "is_victim": st.booleans()})
victims = record(
    {
        "identified": st.booleans(),
        "date_of_birth": iso_days,
        "consent": st.sampled_from(["given", "not_given", "without_consent_justified"]),
    }
)
claims = record(
    {
        "instrument": st.sampled_from(["CRC", "OPSC", "OPAC"]),
        "article": st.integers(1, 60),
        "explanation": texts,
    }
)
happenings = record({"summary": texts, "start": iso_days, "end": iso_days, "continuing": st.booleans()})
remedies = record(
    {
        "exhausted": st.booleans(),
        "final_decision_on": iso_days,
        "exception": st.sampled_from(["unreasonably_prolonged", "unlikely_effective_relief"]),
        "exception_reason": texts,
    }
)
procedures = record(
    {
        "body": texts,
        "status": st.sampled_from(["pending", "examined", "withdrawn", "ended_without_examination"]),
        "same_matter": st.booleans(),
    }
)

communications = st.fixed_dictionaries(
    {"assessed_on": iso_days},
    optional={
        "state": maybe(st.one_of(st.sampled_from(STATES), st.from_regex(r"\A[A-Z]{3}\Z"))),
        "in_writing": maybe(st.booleans()),
        "author": maybe(authors),
        "victims": maybe(st.lists(victims, max_size=4)),
        "claims": maybe(st.lists(claims, max_size=4)),
        "facts": maybe(happenings),
        "domestic_remedies": maybe(remedies),
        "late_submission_reason": maybe(texts),
        "previously_examined_by_committee": maybe(st.booleans()),
        "other_procedures": maybe(st.lists(procedures, max_size=3)),
        "documents_count": maybe(st.integers(0, 50)),
    },
)


@st.composite
def treaties(draw: st.DrawFn) -> dict[str, StateStatus]:
    table = {}
    for iso3 in draw(st.lists(st.sampled_from(STATES), unique=True)):
        table[iso3] = StateStatus(
            iso3=iso3,
            opic_party=draw(st.booleans()),
            opic_in_force_on=draw(maybe(days)),
            opsc_party=draw(maybe(st.booleans())),
            opac_party=draw(maybe(st.booleans())),
        )
    return table


languages = st.one_of(
    st.sampled_from(LANGUAGES), st.sampled_from(["ru-RU", "kk_KZ", "EN"]), st.text(max_size=5)
)


@SETTINGS
@given(data=communications, treaty=treaties(), lang=languages)
def test_any_well_formed_input_gives_one_finding_per_criterion_and_a_consistent_verdict(
    data: dict[str, Any], treaty: dict[str, StateStatus], lang: str
) -> None:
    facts = parse_facts(data)
    assessment = assess(facts, treaty, lang)

    assert tuple(f.criterion for f in assessment.findings) == CRITERION_IDS
    assert len(assessment.findings) == len(CRITERIA) == len(set(CRITERION_IDS))
    outcomes = {f.outcome for f in assessment.findings}
    if Outcome.NOT_MET in outcomes:
        assert assessment.verdict is Verdict.INADMISSIBLE
    elif Outcome.NEEDS_REVIEW in outcomes:
        assert assessment.verdict is Verdict.NEEDS_REVIEW
    else:
        assert assessment.verdict is Verdict.ADMISSIBLE_PRIMA_FACIE
    for f in assessment.findings:
        assert f.reason.strip()
        assert f.child_reason.strip()
        assert f.citation.startswith("OPIC art. ")
        assert "{" not in f.reason
        assert "{" not in f.child_reason
    assert (assessment.file_by is not None) == (facts.domestic_remedies.final_decision_on is not None)
    json.dumps(assessment_to_dict(assessment), ensure_ascii=False)


@SETTINGS
@given(data=communications, treaty=treaties())
def test_the_outcomes_do_not_depend_on_the_language(
    data: dict[str, Any], treaty: dict[str, StateStatus]
) -> None:
    facts = parse_facts(data)
    results = [assess(facts, treaty, lang) for lang in LANGUAGES]
    assert len({r.verdict for r in results}) == 1
    assert len({r.file_by for r in results}) == 1
    assert len({tuple((f.outcome, f.citation) for f in r.findings) for r in results}) == 1


@SETTINGS
@given(data=communications, key=st.text(min_size=1, max_size=12).filter(lambda k: k not in TOP_FIELDS))
def test_any_unknown_top_level_key_is_rejected(data: dict[str, Any], key: str) -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts({**data, key: None})
    assert key in caught.value.errors


@SETTINGS
@given(data=communications)
def test_parsing_the_json_text_gives_the_same_facts(data: dict[str, Any]) -> None:
    assert parse_facts(json.loads(json.dumps(data))) == parse_facts(data)
