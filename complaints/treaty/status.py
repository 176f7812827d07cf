"""The table of OPIC States parties: loading it from the shipped CSV or a UN Treaty Collection export."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from admissibility import add_years
from complaints.adapters import forget_treaty_table
from complaints.models import TreatyStatus

SHIPPED_CSV = Path(__file__).resolve().parents[1] / "data" / "opic_states.csv"
DATE_FIELDS = (
    "signature_date",
    "deposit_date",
    "entry_into_force_date",
    "opsc_in_force_on",
    "opac_in_force_on",
    "denunciation_received_on",
    "denunciation_effective_on",
)
TEXT_FIELDS = (
    "name",
    "opic_status",
    "deposit_kind",
    "art12_declaration",
    "art13_7_declaration",
    "opsc_party",
    "opac_party",
    "source",
    "reservations",
    "reservations_source",
)


@dataclass
class TreatyChanges:
    added: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0

    def report(self) -> str:
        lines = [f"added {len(self.added)}, changed {len(self.changed)}, unchanged {self.unchanged}"]
        lines += [f"+ {iso3}" for iso3 in self.added]
        lines += [f"~ {iso3}: {'; '.join(diffs)}" for iso3, diffs in sorted(self.changed.items())]
        return "\n".join(lines)


def read_shipped_rows(path: Path = SHIPPED_CSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _clean(row: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {"iso3": row["iso3"].strip().upper()}
    for name in DATE_FIELDS:
        raw = (row.get(name) or "").strip()
        values[name] = date.fromisoformat(raw) if raw else None
    for name in TEXT_FIELDS:
        raw = (row.get(name) or "").strip()
        if raw or name in ("name", "opic_status", "source", "deposit_kind"):
            values[name] = raw
    received = values.get("denunciation_received_on")
    if received is not None and values.get("denunciation_effective_on") is None:
        # OPIC art. 22(1): a denunciation takes effect one year after the Secretary-General receives it.
        values["denunciation_effective_on"] = add_years(received, 1)
    return values


@transaction.atomic
def treaty_status_load(rows: Iterable[Mapping[str, str]], *, keep_known: bool = False) -> TreatyChanges:
    """Insert or update every row; report what changed.

    With ``keep_known``, empty or 'unknown' cells of the incoming rows (a UN Treaty Collection
    export carries no OPSC/OPAC status, for instance) never overwrite what the table already knows.
    """
    changes = TreatyChanges()
    existing = {row.iso3: row for row in TreatyStatus.objects.all()}
    for raw in rows:
        values = _clean(raw)
        current = existing.get(values["iso3"])
        if current is None:
            TreatyStatus.objects.create(**values)
            changes.added.append(values["iso3"])
            continue
        diffs = []
        for name, new in values.items():
            if keep_known and new in ("", None, "unknown"):
                continue
            old = getattr(current, name)
            if old != new:
                diffs.append(f"{name}: {old or '—'} → {new or '—'}")
                setattr(current, name, new)
        if diffs:
            current.save()
            changes.changed[current.iso3] = diffs
        else:
            changes.unchanged += 1
    forget_treaty_table()
    return changes
