"""The names and shapes other parts of the portal code against: changing them breaks callers."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

import admissibility
from admissibility import Assessment, Finding, Outcome, StateStatus, Verdict


@pytest.mark.parametrize(
    "name",
    [
        "Outcome", "Verdict", "StateStatus", "Finding", "Assessment", "CommunicationFacts", "Author",
        "Victim", "Claim", "Facts", "DomesticRemedies", "OtherProcedure", "FactsError", "parse_facts",
        "assess", "assessment_to_dict", "add_months", "add_years", "CRITERIA", "LANGUAGES",
    ],
)  # fmt: skip
def test_the_package_exports_the_documented_name(name: str) -> None:
    assert hasattr(admissibility, name)
    assert name in admissibility.__all__


def test_outcomes_and_verdicts_have_the_documented_values() -> None:
    assert [o.value for o in Outcome] == ["met", "not_met", "needs_review"]
    assert [v.value for v in Verdict] == ["admissible_prima_facie", "needs_review", "inadmissible"]


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (
            StateStatus,
            [
                "iso3",
                "opic_party",
                "opic_in_force_on",
                "opsc_party",
                "opac_party",
                "denunciation_effective_on",
            ],
        ),
        (Finding, ["criterion", "outcome", "reason", "child_reason", "citation", "scope", "parts"]),
        (Assessment, ["verdict", "file_by", "findings", "exclusions"]),
    ],
)
def test_the_result_types_are_frozen_dataclasses_with_the_documented_fields(
    cls: type, fields: list[str]
) -> None:
    assert [f.name for f in dataclasses.fields(cls)] == fields
    params = getattr(cls, "__dataclass_params__")  # noqa: B009  (a dataclass internal, no public accessor)
    assert params.frozen
    assert hasattr(cls, "__slots__")


def test_assess_takes_facts_a_treaty_table_and_a_language_defaulting_to_english() -> None:
    parameters = inspect.signature(admissibility.assess).parameters
    assert list(parameters) == ["facts", "treaty", "lang"]
    assert parameters["lang"].default == "en"


def test_facts_errors_map_field_paths_to_messages() -> None:
    with pytest.raises(admissibility.FactsError) as caught:
        admissibility.parse_facts({"assessed_on": "soon"})
    assert caught.value.errors == {"assessed_on": ["expected a date as YYYY-MM-DD or null"]}
    assert isinstance(caught.value, ValueError)
