"""Properties that hold for any well-formed input, in every language."""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from admissibility import (
    CRITERIA,
    CRITERION_IDS,
    LANGUAGES,
    FactsError,
    Outcome,
    Scope,
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
# The machine may be busy (CI runs two workers): generation speed is not what these tests check.
SETTINGS = settings(
    database=None, deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)

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
        "kind": st.sampled_from(["regional", "treaty_body", "special_procedure", "other"]),
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
        "outside_territory": maybe(st.booleans()),
        "previous_committee_outcome": maybe(
            st.sampled_from(["examined", "inadmissible_not_exhausted", "discontinued"])
        ),
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
            denunciation_effective_on=draw(maybe(days)),
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
    whole = any(f.outcome is Outcome.NOT_MET and f.scope is Scope.WHOLE for f in assessment.findings)
    if whole:
        assert assessment.verdict is Verdict.INADMISSIBLE
    elif Outcome.NOT_MET in outcomes:
        # Only parts are excluded: inadmissible exactly when no claim or no victim remains.
        assert assessment.exclusions
        assert (assessment.verdict is Verdict.INADMISSIBLE) == nothing_remains(facts, assessment)
    elif Outcome.NEEDS_REVIEW in outcomes:
        assert assessment.verdict is Verdict.NEEDS_REVIEW
    else:
        assert assessment.verdict is Verdict.ADMISSIBLE_PRIMA_FACIE
    for f in assessment.findings:
        assert f.reason.strip()
        assert f.child_reason.strip()
        assert f.citation.startswith("OPIC art. ")
        # No placeholder is left unfilled (the names of bodies are the author's own text: set aside).
        assert "{" not in without_bodies(f.reason, data)
        assert "{" not in without_bodies(f.child_reason, data)
    remedies = facts.domestic_remedies
    assert (assessment.file_by is not None) == (
        remedies.final_decision_on is not None and remedies.exhausted is True
    )
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


def nothing_remains(facts: Any, assessment: Any) -> bool:
    """Whether the exclusions leave no claim or no victim of those given."""
    for scope, parts in ((Scope.CLAIMS, facts.claims), (Scope.VICTIMS, facts.victims)):
        left_out = {e.number for e in assessment.exclusions if e.scope is scope}
        if parts and left_out >= set(range(1, len(parts) + 1)):
            return True
    return False


# Facts that a person may not have recorded yet. The arguments for an exception (to exhaustion,
# to the time limit) are not among them: they are what turns a refusal into a question, by design.
FORGETTABLE: dict[str, tuple[str, ...]] = {
    "author": ("identified", "is_victim"),
    "victims": ("identified", "date_of_birth", "consent"),
    "claims": ("instrument", "article"),
    "facts": ("summary", "start", "end", "continuing"),
    "domestic_remedies": ("exhausted", "final_decision_on"),
    "other_procedures": ("status", "same_matter", "kind"),
}


@st.composite
def forgotten(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with some recorded facts set back to unknown (null)."""
    less = copy.deepcopy(data)
    for key in (
        "state",
        "in_writing",
        "documents_count",
        "outside_territory",
        "previously_examined_by_committee",
        "previous_committee_outcome",
    ):
        if key in less and draw(st.booleans()):
            less[key] = None
    for key, fields in FORGETTABLE.items():
        value = less.get(key)
        records = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for one in records:
            for name in fields:
                if name in one and draw(st.booleans()):
                    one[name] = None
    return less


@SETTINGS
@given(data=communications, treaty=treaties(), seed=st.data())
def test_adding_information_never_turns_a_needs_review_into_a_wrong_not_met(
    data: dict[str, Any], treaty: dict[str, StateStatus], seed: st.DataObject
) -> None:
    """Whatever is refused on less information is refused on more: unknown is never refused.

    Equivalently, a finding that needs review because a fact is missing never becomes "not met"
    once the fact is added unless the fact itself makes it so; and a missing treaty row is never
    a refusal.
    """
    if data.get("previously_examined_by_committee") and data.get("previous_committee_outcome") not in (
        None,
        "examined",
    ):
        return  # "examined" and "declared inadmissible" at once: contradictory input, nothing to compare
    less = seed.draw(forgotten(data))
    full = assess(parse_facts(data), treaty)
    sparse = assess(parse_facts(less), treaty)
    for known, unknown in zip(full.findings, sparse.findings, strict=True):
        if unknown.outcome is Outcome.NOT_MET:
            assert known.outcome is Outcome.NOT_MET, (known.criterion, unknown.reason, known.reason)
    # A State missing from the treaty table is unknown, never refused.
    state = data.get("state")
    if state is not None:
        fewer_rows = {k: v for k, v in treaty.items() if k != state}
        state_finding = assess(parse_facts(data), fewer_rows).findings[0]
        assert state_finding.outcome is Outcome.NEEDS_REVIEW


@SETTINGS
@given(data=communications, treaty=treaties(), lang=languages)
def test_excluding_a_claim_never_makes_the_rest_inadmissible_unless_nothing_remains(
    data: dict[str, Any], treaty: dict[str, StateStatus], lang: str
) -> None:
    facts = parse_facts(data)
    assessment = assess(facts, treaty, lang)
    if any(f.outcome is Outcome.NOT_MET and f.scope is Scope.WHOLE for f in assessment.findings):
        return
    if not assessment.exclusions:
        return
    # Take the excluded parts out: what remains is judged as the verdict said.
    claims_out = {e.number for e in assessment.exclusions if e.scope is Scope.CLAIMS}
    victims_out = {e.number for e in assessment.exclusions if e.scope is Scope.VICTIMS}
    if nothing_remains(facts, assessment):
        assert assessment.verdict is Verdict.INADMISSIBLE
        return
    rest = replace(
        facts,
        claims=tuple(c for n, c in enumerate(facts.claims or (), 1) if n not in claims_out)
        if facts.claims is not None
        else None,
        victims=tuple(v for n, v in enumerate(facts.victims or (), 1) if n not in victims_out)
        if facts.victims is not None
        else None,
    )
    remaining = assess(rest, treaty, lang)
    assert not remaining.exclusions
    assert assessment.verdict is remaining.verdict


def without_bodies(text: str, data: dict[str, Any]) -> str:
    """``text`` without the names of other bodies given in ``data`` (free text, may hold braces)."""
    for procedure in data.get("other_procedures") or ():
        body = (procedure or {}).get("body")
        if body and body.strip():
            text = text.replace(body.strip(), "")
    return text
