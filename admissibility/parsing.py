"""Turn JSON-decoded input into CommunicationFacts, collecting every error at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar

from admissibility.model import (
    Author,
    Claim,
    CommitteeOutcome,
    CommunicationFacts,
    Consent,
    DomesticRemedies,
    Facts,
    Instrument,
    OtherProcedure,
    ProcedureKind,
    ProcedureStatus,
    RemedyException,
    Victim,
)

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

ROOT = "$"  # the path of the input itself, when it is not an object
MAX_INT = 2**31 - 1  # articles and counts beyond this are no article or count, only a hostile input


class FactsError(ValueError):
    """The input is not well-formed. ``errors`` maps each field path to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        details = "; ".join(f"{path}: {', '.join(messages)}" for path, messages in errors.items())
        super().__init__(f"invalid facts ({len(errors)} field(s)): {details}")


class _Errors:
    __slots__ = ("by_path",)

    def __init__(self) -> None:
        self.by_path: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        self.by_path.setdefault(path, []).append(message)


def _enum_values(enum: type[E]) -> dict[str, E]:
    return {member.value: member for member in enum}


CONSENTS = _enum_values(Consent)
INSTRUMENTS = _enum_values(Instrument)
EXCEPTIONS = _enum_values(RemedyException)
STATUSES = _enum_values(ProcedureStatus)
KINDS = _enum_values(ProcedureKind)
COMMITTEE_OUTCOMES = _enum_values(CommitteeOutcome)


def _expected_one_of(values: Mapping[str, object]) -> str:
    return "expected one of: " + ", ".join(values) + " (or null)"


ENUM_MESSAGES = {
    id(v): _expected_one_of(v)
    for v in (CONSENTS, INSTRUMENTS, EXCEPTIONS, STATUSES, KINDS, COMMITTEE_OUTCOMES)
}


def _at(path: str, key: str) -> str:
    return key if path == ROOT else f"{path}.{key}"


# Each reader takes the object, the key and the object's path, and builds the field's path only
# when there is an error: parsing is on the request path of every assessment.


def _bool(data: Mapping[str, object], key: str, path: str, errors: _Errors) -> bool | None:
    value = data.get(key)
    if value is None or type(value) is bool:
        return value
    errors.add(_at(path, key), "expected true, false or null")
    return None


def _text(data: Mapping[str, object], key: str, path: str, errors: _Errors) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    errors.add(_at(path, key), "expected text or null")
    return None


def _date(data: Mapping[str, object], key: str, path: str, errors: _Errors) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    # date.fromisoformat alone would also take other ISO 8601 forms, such as "2025-W01-1".
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            errors.add(_at(path, key), f"not a valid date: {value!r}")
            return None
    errors.add(_at(path, key), "expected a date as YYYY-MM-DD or null")
    return None


def _enum(data: Mapping[str, object], key: str, values: dict[str, E], path: str, errors: _Errors) -> E | None:
    value = data.get(key)
    if value is None:
        return None
    member = values.get(value) if type(value) is str else None
    if member is None:
        errors.add(_at(path, key), ENUM_MESSAGES[id(values)])
    return member


def _int(data: Mapping[str, object], key: str, minimum: int, path: str, errors: _Errors) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if type(value) is int and minimum <= value <= MAX_INT:
        return value
    errors.add(_at(path, key), f"expected an integer from {minimum} to {MAX_INT}")
    return None


def _object(value: object, path: str, fields: frozenset[str], errors: _Errors) -> Mapping[str, object] | None:
    """Return ``value`` as a mapping (its unknown keys are reported), or None."""
    if value is None:
        return None
    if type(value) is not dict and not isinstance(value, Mapping):
        errors.add(path, "expected an object or null")
        return None
    if not fields.issuperset(value):
        for key in value:
            if key not in fields:
                errors.add(_at(path, str(key)), "unknown field")
    return value


def _list(
    value: object,
    path: str,
    item: Callable[[object, str, _Errors], T],
    errors: _Errors,
) -> tuple[T, ...] | None:
    if value is None:
        return None
    if type(value) is not list and not isinstance(value, tuple):
        errors.add(path, "expected a list or null")
        return None
    return tuple([item(element, f"{path}[{index}]", errors) for index, element in enumerate(value)])


AUTHOR_FIELDS = frozenset({"identified", "is_victim"})
VICTIM_FIELDS = frozenset({"identified", "date_of_birth", "consent"})
CLAIM_FIELDS = frozenset({"instrument", "article", "explanation"})
FACTS_FIELDS = frozenset({"summary", "start", "end", "continuing"})
REMEDY_FIELDS = frozenset({"exhausted", "final_decision_on", "exception", "exception_reason"})
PROCEDURE_FIELDS = frozenset({"body", "status", "same_matter", "kind"})
TOP_FIELDS = frozenset(
    {
        "assessed_on",
        "state",
        "in_writing",
        "author",
        "victims",
        "claims",
        "facts",
        "domestic_remedies",
        "late_submission_reason",
        "previously_examined_by_committee",
        "other_procedures",
        "documents_count",
        "outside_territory",
        "previous_committee_outcome",
    }
)

EMPTY_AUTHOR = Author()
EMPTY_VICTIM = Victim()
EMPTY_CLAIM = Claim()
EMPTY_FACTS = Facts()
EMPTY_REMEDIES = DomesticRemedies()
EMPTY_PROCEDURE = OtherProcedure()


def _author(value: object, path: str, errors: _Errors) -> Author:
    data = _object(value, path, AUTHOR_FIELDS, errors)
    if data is None:
        return EMPTY_AUTHOR
    return Author(_bool(data, "identified", path, errors), _bool(data, "is_victim", path, errors))


def _victim(value: object, path: str, errors: _Errors) -> Victim:
    if value is None:
        errors.add(path, "expected an object")
        return EMPTY_VICTIM
    data = _object(value, path, VICTIM_FIELDS, errors)
    if data is None:
        return EMPTY_VICTIM
    return Victim(
        _bool(data, "identified", path, errors),
        _date(data, "date_of_birth", path, errors),
        _enum(data, "consent", CONSENTS, path, errors),
    )


def _claim(value: object, path: str, errors: _Errors) -> Claim:
    if value is None:
        errors.add(path, "expected an object")
        return EMPTY_CLAIM
    data = _object(value, path, CLAIM_FIELDS, errors)
    if data is None:
        return EMPTY_CLAIM
    return Claim(
        _enum(data, "instrument", INSTRUMENTS, path, errors),
        _int(data, "article", 1, path, errors),
        _text(data, "explanation", path, errors),
    )


def _facts(value: object, path: str, errors: _Errors) -> Facts:
    data = _object(value, path, FACTS_FIELDS, errors)
    if data is None:
        return EMPTY_FACTS
    return Facts(
        _text(data, "summary", path, errors),
        _date(data, "start", path, errors),
        _date(data, "end", path, errors),
        _bool(data, "continuing", path, errors),
    )


def _remedies(value: object, path: str, errors: _Errors) -> DomesticRemedies:
    data = _object(value, path, REMEDY_FIELDS, errors)
    if data is None:
        return EMPTY_REMEDIES
    return DomesticRemedies(
        _bool(data, "exhausted", path, errors),
        _date(data, "final_decision_on", path, errors),
        _enum(data, "exception", EXCEPTIONS, path, errors),
        _text(data, "exception_reason", path, errors),
    )


def _procedure(value: object, path: str, errors: _Errors) -> OtherProcedure:
    if value is None:
        errors.add(path, "expected an object")
        return EMPTY_PROCEDURE
    data = _object(value, path, PROCEDURE_FIELDS, errors)
    if data is None:
        return EMPTY_PROCEDURE
    return OtherProcedure(
        _text(data, "body", path, errors),
        _enum(data, "status", STATUSES, path, errors),
        _bool(data, "same_matter", path, errors),
        _enum(data, "kind", KINDS, path, errors),
    )


def _state(data: Mapping[str, object], errors: _Errors) -> str | None:
    value = data.get("state")
    if value is None:
        return None
    if type(value) is str and len(value) == 3 and value.isascii() and value.isalpha() and value.isupper():
        return value
    errors.add("state", "expected 3 uppercase letters (ISO 3166-1 alpha-3) or null")
    return None


def parse_facts(data: object) -> CommunicationFacts:
    """Validate JSON-decoded ``data`` and return the facts; raise FactsError naming every bad field.

    Unknown keys are errors at every level. Booleans must be real JSON booleans, dates ISO
    ``YYYY-MM-DD`` strings, articles positive integers (up to ``MAX_INT``). Only ``assessed_on`` is required;
    anything else absent or null means unknown.
    """
    errors = _Errors()
    if not isinstance(data, Mapping):
        errors.add(ROOT, "expected an object")
        raise FactsError(errors.by_path)
    _object(data, ROOT, TOP_FIELDS, errors)

    assessed_on = None
    if data.get("assessed_on") is None:
        errors.add("assessed_on", "required")
    else:
        assessed_on = _date(data, "assessed_on", ROOT, errors)

    get = data.get
    facts = CommunicationFacts(
        assessed_on or date.min,
        _state(data, errors),
        _bool(data, "in_writing", ROOT, errors),
        _author(get("author"), "author", errors),
        _list(get("victims"), "victims", _victim, errors),
        _list(get("claims"), "claims", _claim, errors),
        _facts(get("facts"), "facts", errors),
        _remedies(get("domestic_remedies"), "domestic_remedies", errors),
        _text(data, "late_submission_reason", ROOT, errors),
        _bool(data, "previously_examined_by_committee", ROOT, errors),
        _list(get("other_procedures"), "other_procedures", _procedure, errors),
        _int(data, "documents_count", 0, ROOT, errors),
        _bool(data, "outside_territory", ROOT, errors),
        _enum(data, "previous_committee_outcome", COMMITTEE_OUTCOMES, ROOT, errors),
    )
    if errors.by_path:
        raise FactsError(errors.by_path)
    return facts
