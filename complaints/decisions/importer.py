"""Read, check and load a file of the Committee's decisions (format: README, "The Committee's decisions").

Everything is checked before anything is written: a file with one bad record is refused whole,
with every problem named by record and field, and the database is left as it was. Loading the
same file again refreshes the records (matched by symbol); records not in the file are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

from django.db import transaction

from complaints.decisions.models import GROUNDS, NUMBER, SYMBOL, Decision
from complaints.decisions.selectors import forget_decisions
from complaints.models import TreatyStatus

REQUIRED: Final = (
    "symbol",
    "number",
    "name",
    "state",
    "adopted_on",
    "outcome",
    "articles_invoked",
    "articles_violated",
    "grounds",
    "summary",
    "source",
)
LANGUAGES: Final = ("en", "ru", "kk")
# The Convention has 54 articles; the Optional Protocols' own articles are not listed here.
CRC_ARTICLES: Final = range(1, 55)
# The decisions the portal ships (migration 0019 loads them once; seed_demo refreshes them).
SHIPPED: Final = Path(__file__).resolve().parent.parent / "data" / "decisions.json"


class DecisionFileError(ValueError):
    """The file cannot be loaded; ``problems`` lists each one as "record N (symbol): field: what"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Checked:
    symbol: str
    values: dict[str, Any]


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parsed = urlparse(value)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)


def _articles(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(n, int) and not isinstance(n, bool) and n in CRC_ARTICLES for n in value
    )


def _identity(record: Mapping[str, Any], states: set[str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    symbol, number = record.get("symbol"), record.get("number")
    symbol_ok = isinstance(symbol, str) and bool(SYMBOL.match(symbol))
    if "symbol" in record and not symbol_ok:
        found.append(("symbol", f"{symbol!r} is not of the form CRC/C/<session>/D/<number>/<year>"))
    if "number" in record and not (isinstance(number, str) and NUMBER.match(number)):
        found.append(("number", f"{number!r} is not of the form <number>/<year>"))
    elif symbol_ok and isinstance(number, str) and not str(symbol).endswith("/D/" + number):
        found.append(("number", f"{number!r} does not match the symbol {symbol}"))
    if "name" in record and not (isinstance(record["name"], str) and record["name"].strip()):
        found.append(("name", "empty"))
    if "state" in record and record["state"] not in states:
        found.append(("state", f"{record['state']!r} is not a State the portal knows (ISO 3166 alpha-3)"))
    if "adopted_on" in record:
        try:
            date.fromisoformat(str(record["adopted_on"]))
        except ValueError:
            found.append(("adopted_on", f"{record['adopted_on']!r} is not a date (YYYY-MM-DD)"))
    return found


def _findings(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    outcome = record.get("outcome")
    if "outcome" in record and outcome not in Decision.Outcome.values:
        found.append(("outcome", f"{outcome!r} is not one of {', '.join(Decision.Outcome.values)}"))
    for field in ("articles_invoked", "articles_violated"):
        if field in record and not _articles(record[field]):
            found.append((field, "must be a list of article numbers of the Convention (1-54)"))
    if outcome == Decision.Outcome.VIOLATION and not record.get("articles_violated"):
        found.append(("articles_violated", "a violation was found, so name at least one article"))
    if outcome != Decision.Outcome.VIOLATION and record.get("articles_violated"):
        found.append(("articles_violated", "only Views finding a violation name violated articles"))
    grounds = record.get("grounds")
    if "grounds" in record and not (isinstance(grounds, list) and all(g in GROUNDS for g in grounds)):
        found.append(("grounds", f"must be a list of criterion ids: {', '.join(GROUNDS)}"))
    return found


def _texts(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    summary = record.get("summary")
    if "summary" in record and not isinstance(summary, dict):
        found.append(("summary", "must give the summary in en, ru and kk"))
    elif isinstance(summary, dict):
        for language in LANGUAGES:
            text = summary.get(language)
            if not (isinstance(text, str) and text.strip()):
                found.append((f"summary.{language}", "missing or empty"))
    if "source" in record and not _is_url(record["source"]):
        found.append(("source", f"{record['source']!r} is not an http(s) address"))
    others = record.get("other_sources", [])
    if not (isinstance(others, list) and all(_is_url(u) for u in others)):
        found.append(("other_sources", "must be a list of http(s) addresses"))
    return found


def _problems_of(record: Mapping[str, Any], states: set[str]) -> list[tuple[str, str]]:
    """Return (field, what is wrong) for one record."""
    missing = [(field, "missing") for field in REQUIRED if field not in record]
    return missing + _identity(record, states) + _findings(record) + _texts(record)


def check(records: object, states: Iterable[str]) -> list[Checked]:
    """Check every record; raise DecisionFileError naming each problem, or return them ready to load."""
    if not isinstance(records, list):
        raise DecisionFileError(["the file must hold a JSON list of records"])
    known = set(states)
    problems: list[str] = []
    checked: list[Checked] = []
    seen: set[str] = set()
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            problems.append(f"record {index}: not an object")
            continue
        label = f"record {index} ({record.get('symbol', 'no symbol')})"
        found = _problems_of(record, known)
        symbol = record.get("symbol")
        if isinstance(symbol, str):
            if symbol in seen:
                found.append(("symbol", "appears twice in the file"))
            seen.add(symbol)
        problems.extend(f"{label}: {field}: {what}" for field, what in found)
        if not found:
            checked.append(Checked(symbol=str(symbol), values=_values(record)))
    if problems:
        raise DecisionFileError(problems)
    return checked


def _values(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "number": record["number"],
        "name": record["name"].strip(),
        "state": record["state"],
        "adopted_on": date.fromisoformat(str(record["adopted_on"])),
        "outcome": record["outcome"],
        "articles_invoked": sorted(set(record["articles_invoked"])),
        "articles_violated": sorted(set(record["articles_violated"])),
        "grounds": [g for g in GROUNDS if g in record["grounds"]],
        "summary_en": record["summary"]["en"].strip(),
        "summary_ru": record["summary"]["ru"].strip(),
        "summary_kk": record["summary"]["kk"].strip(),
        "source": record["source"],
        "other_sources": list(record.get("other_sources", [])),
    }


def read(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise DecisionFileError([f"{path}: no such file"]) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DecisionFileError([f"{path}: not a JSON file in UTF-8 ({error})"]) from error


@transaction.atomic
def import_decisions(path: Path) -> tuple[int, int]:
    """Load ``path`` and return (created, updated).

    Raises DecisionFileError, having written nothing, if any record is bad.
    """
    checked = check(read(path), TreatyStatus.objects.values_list("iso3", flat=True))
    created = updated = 0
    for item in checked:
        _obj, was_created = Decision.objects.update_or_create(symbol=item.symbol, defaults=item.values)
        created += was_created
        updated += not was_created
    transaction.on_commit(forget_decisions)
    return created, updated
