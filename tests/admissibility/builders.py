"""Test data: one admissible communication, and a way to change any part of it.

The treaty table here is test data, not a statement of any State's real treaty status
(except where a test says it is taken from a source).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from admissibility import CRITERIA, CRITERION_IDS, CommunicationFacts, Finding, StateStatus, parse_facts

KAZ_IN_FORCE = date(2024, 5, 7)  # ratified 7 Feb 2024 + three months (OPIC art. 19(2))

TREATY: dict[str, StateStatus] = {
    "KAZ": StateStatus(
        "KAZ", opic_party=True, opic_in_force_on=KAZ_IN_FORCE, opsc_party=True, opac_party=True
    ),
    "AUT": StateStatus("AUT", opic_party=False, opic_in_force_on=None, opsc_party=True, opac_party=True),
    "XXU": StateStatus("XXU", opic_party=True, opic_in_force_on=None, opsc_party=None, opac_party=None),
    "XXN": StateStatus(
        "XXN", opic_party=True, opic_in_force_on=date(2016, 1, 1), opsc_party=False, opac_party=None
    ),
}

ADMISSIBLE: dict[str, Any] = {
    "assessed_on": "2025-03-01",
    "state": "KAZ",
    "in_writing": True,
    "author": {"identified": True, "is_victim": False},
    "victims": [{"identified": True, "date_of_birth": "2012-04-01", "consent": "given"}],
    "claims": [{"instrument": "CRC", "article": 19, "explanation": "A teacher hit him at school."}],
    "facts": {
        "summary": "He was hit at school.",
        "start": "2024-06-01",
        "end": "2024-10-01",
        "continuing": False,
    },
    "domestic_remedies": {"exhausted": True, "final_decision_on": "2024-11-20"},
    "previously_examined_by_committee": False,
    "other_procedures": [],
    "documents_count": 3,
}

DROP = object()  # as a value in ``changes``: remove the key


def merged(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return a deep copy of ``base`` with ``changes`` merged in (nested objects merge too)."""
    result = copy.deepcopy(dict(base))
    for key, value in changes.items():
        if value is DROP:
            result.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def make(changes: Mapping[str, Any] | None = None) -> CommunicationFacts:
    """Return the admissible communication with ``changes``, parsed."""
    return parse_facts(merged(ADMISSIBLE, changes or {}))


BY_ID = dict(zip(CRITERION_IDS, CRITERIA, strict=True))


def finding(
    criterion: str,
    changes: Mapping[str, Any] | None = None,
    treaty: Mapping[str, StateStatus] = TREATY,
    lang: str = "en",
) -> Finding:
    """Return what one criterion finds about the admissible communication with ``changes``."""
    result = BY_ID[criterion](make(changes), treaty, lang)
    assert result.criterion == criterion
    return result
