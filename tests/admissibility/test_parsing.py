"""parse_facts: well-formed input becomes facts; anything else is a FactsError naming every field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from admissibility import (
    Author,
    Claim,
    CommunicationFacts,
    Consent,
    DomesticRemedies,
    Facts,
    FactsError,
    Instrument,
    OtherProcedure,
    ProcedureStatus,
    RemedyException,
    Victim,
    parse_facts,
)
from tests.admissibility.builders import ADMISSIBLE, DROP, merged

EXAMPLE = """{"assessed_on": "2025-03-01", "state": "KAZ", "in_writing": true,
 "author": {"identified": true, "is_victim": false},
 "victims": [{"identified": true, "date_of_birth": "2012-04-01", "consent": "given"}],
 "claims": [{"instrument": "CRC", "article": 19, "explanation": "text"}],
 "facts": {"summary": "text", "start": "2024-06-01", "end": "2024-10-01", "continuing": false},
 "domestic_remedies": {"exhausted": true, "final_decision_on": "2024-11-20",
                       "exception": "unreasonably_prolonged", "exception_reason": "text"},
 "late_submission_reason": "text",
 "previously_examined_by_committee": false,
 "other_procedures": [{"body": "Human Rights Committee", "status": "pending", "same_matter": true}],
 "documents_count": 3}"""


def test_the_documented_example_parses_into_facts() -> None:
    assert parse_facts(json.loads(EXAMPLE)) == CommunicationFacts(
        assessed_on=date(2025, 3, 1),
        state="KAZ",
        in_writing=True,
        author=Author(identified=True, is_victim=False),
        victims=(Victim(identified=True, date_of_birth=date(2012, 4, 1), consent=Consent.GIVEN),),
        claims=(Claim(instrument=Instrument.CRC, article=19, explanation="text"),),
        facts=Facts(summary="text", start=date(2024, 6, 1), end=date(2024, 10, 1), continuing=False),
        domestic_remedies=DomesticRemedies(
            exhausted=True,
            final_decision_on=date(2024, 11, 20),
            exception=RemedyException.UNREASONABLY_PROLONGED,
            exception_reason="text",
        ),
        late_submission_reason="text",
        previously_examined_by_committee=False,
        other_procedures=(
            OtherProcedure(body="Human Rights Committee", status=ProcedureStatus.PENDING, same_matter=True),
        ),
        documents_count=3,
    )


def test_only_the_assessment_date_is_required_and_everything_else_is_unknown() -> None:
    facts = parse_facts({"assessed_on": "2025-03-01"})
    assert facts == CommunicationFacts(assessed_on=date(2025, 3, 1))
    assert facts.victims is None
    assert facts.author == Author()
    assert facts.facts == Facts()


def test_null_means_unknown_everywhere() -> None:
    data = {key: None for key in ADMISSIBLE} | {"assessed_on": "2025-03-01"}
    assert parse_facts(data) == CommunicationFacts(assessed_on=date(2025, 3, 1))


def test_an_empty_list_is_known_to_be_empty() -> None:
    facts = parse_facts({"assessed_on": "2025-03-01", "victims": [], "other_procedures": []})
    assert facts.victims == ()
    assert facts.other_procedures == ()


def errors_for(changes: dict[str, Any]) -> dict[str, list[str]]:
    with pytest.raises(FactsError) as caught:
        parse_facts(merged(ADMISSIBLE, changes))
    return caught.value.errors


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        pytest.param({"assessed_on": DROP}, "assessed_on", id="a missing assessment date"),
        pytest.param({"assessed_on": None}, "assessed_on", id="a null assessment date"),
        pytest.param({"assessed_on": "2025-02-30"}, "assessed_on", id="an impossible date"),
        pytest.param({"assessed_on": "01/03/2025"}, "assessed_on", id="a date in another format"),
        pytest.param({"assessed_on": "20250301"}, "assessed_on", id="a compact iso date"),
        pytest.param({"assessed_on": "2025-W01-1"}, "assessed_on", id="an iso week date"),
        pytest.param({"assessed_on": "２０２５-03-01"}, "assessed_on", id="a date in wide digits"),
        pytest.param({"assessed_on": "2025-03-01T10:00"}, "assessed_on", id="a date and time"),
        pytest.param({"assessed_on": 20250301}, "assessed_on", id="a date as a number"),
        pytest.param(
            {"victims": [{"date_of_birth": "2012-13-01"}]}, "victims[0].date_of_birth", id="a bad birth date"
        ),
        pytest.param({"facts": {"start": "yesterday"}}, "facts.start", id="a bad start date"),
        pytest.param(
            {"domestic_remedies": {"final_decision_on": 2024}},
            "domestic_remedies.final_decision_on",
            id="a bad decision date",
        ),
        pytest.param({"in_writing": 1}, "in_writing", id="1 for true"),
        pytest.param({"in_writing": 0}, "in_writing", id="0 for false"),
        pytest.param({"in_writing": "true"}, "in_writing", id="a string for a boolean"),
        pytest.param({"author": {"identified": "yes"}}, "author.identified", id="a string for identified"),
        pytest.param({"facts": {"continuing": 1}}, "facts.continuing", id="1 for continuing"),
        pytest.param(
            {"previously_examined_by_committee": "no"}, "previously_examined_by_committee", id="no for false"
        ),
        pytest.param({"victims": [{"consent": "yes"}]}, "victims[0].consent", id="an unknown consent"),
        pytest.param({"victims": [{"consent": "GIVEN"}]}, "victims[0].consent", id="consent in capitals"),
        pytest.param(
            {"claims": [{"instrument": "ICCPR"}]}, "claims[0].instrument", id="an unknown instrument"
        ),
        pytest.param(
            {"domestic_remedies": {"exception": "too_slow"}},
            "domestic_remedies.exception",
            id="an unknown exception",
        ),
        pytest.param(
            {"other_procedures": [{"status": "closed"}]}, "other_procedures[0].status", id="an unknown status"
        ),
        pytest.param({"claims": [{"article": 0}]}, "claims[0].article", id="article zero"),
        pytest.param({"claims": [{"article": -3}]}, "claims[0].article", id="a negative article"),
        pytest.param({"claims": [{"article": "19"}]}, "claims[0].article", id="an article as text"),
        pytest.param({"claims": [{"article": 19.0}]}, "claims[0].article", id="an article as a float"),
        pytest.param({"claims": [{"article": True}]}, "claims[0].article", id="an article as a boolean"),
        pytest.param({"documents_count": -1}, "documents_count", id="a negative document count"),
        pytest.param({"documents_count": True}, "documents_count", id="a boolean document count"),
        pytest.param({"claims": [{"article": 10**40}]}, "claims[0].article", id="a 41 digit article"),
        pytest.param({"claims": [{"article": 2**31}]}, "claims[0].article", id="an article past 32 bits"),
        pytest.param({"documents_count": 10**40}, "documents_count", id="a 41 digit document count"),
        pytest.param({"documents_count": float("nan")}, "documents_count", id="a NaN document count"),
        pytest.param({"claims": [{"article": float("inf")}]}, "claims[0].article", id="an infinite article"),
        pytest.param({"facts": {"start": float("nan")}}, "facts.start", id="a NaN date"),
        pytest.param({"state": float("nan")}, "state", id="a NaN state"),
        pytest.param({"state": "kaz"}, "state", id="a state in lower case"),
        pytest.param({"state": "KZ"}, "state", id="a two letter state"),
        pytest.param({"state": "KAZA"}, "state", id="a four letter state"),
        pytest.param({"state": "ҚАЗ"}, "state", id="a state in cyrillic"),
        pytest.param({"state": "K1Z"}, "state", id="a state with a digit"),
        pytest.param({"nickname": "Zhanna"}, "nickname", id="an unknown top level key"),
        pytest.param({"author": {"name": "Zhanna"}}, "author.name", id="an unknown nested key"),
        pytest.param({"victims": [{"name": "A"}]}, "victims[0].name", id="an unknown key in a list item"),
        pytest.param({"victims": {"identified": True}}, "victims", id="an object for a list"),
        pytest.param({"victims": [None]}, "victims[0]", id="null in a list"),
        pytest.param({"claims": ["CRC 19"]}, "claims[0]", id="text in a list of objects"),
        pytest.param({"facts": "it happened"}, "facts", id="text for an object"),
        pytest.param({"facts": {"summary": 42}}, "facts.summary", id="a number for text"),
        pytest.param({"late_submission_reason": ["no"]}, "late_submission_reason", id="a list for text"),
    ],
)
def test_bad_input_is_a_facts_error_naming_the_field(changes: dict[str, Any], path: str) -> None:
    errors = errors_for(changes)
    assert list(errors) == [path]
    assert all(isinstance(message, str) and message for message in errors[path])


def test_all_errors_are_collected_at_once() -> None:
    data = {
        "state": "kz",
        "in_writing": "yes",
        "victims": [{"identified": True}, {"date_of_birth": "2012-02-30", "consent": "maybe"}],
        "claims": [{"instrument": "CRC", "article": 0}],
        "surprise": 1,
    }
    with pytest.raises(FactsError) as caught:
        parse_facts(data)
    expected = {
        "assessed_on",
        "state",
        "in_writing",
        "victims[1].date_of_birth",
        "victims[1].consent",
        "claims[0].article",
        "surprise",
    }
    assert set(caught.value.errors) == expected
    for path in expected:
        assert path in str(caught.value)


def test_a_facts_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="assessed_on"):
        parse_facts({})


@pytest.mark.parametrize("data", [None, [], "facts", 3, True], ids=repr)
def test_input_that_is_not_an_object_is_an_error_at_the_root(data: object) -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(data)
    assert list(caught.value.errors) == ["$"]


def test_the_leap_day_is_a_valid_date_in_a_leap_year_only() -> None:
    assert parse_facts({"assessed_on": "2024-02-29"}).assessed_on == date(2024, 2, 29)
    with pytest.raises(FactsError):
        parse_facts({"assessed_on": "2025-02-29"})
