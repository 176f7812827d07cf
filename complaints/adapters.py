"""The only bridge between the Django models and the pure admissibility engine."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.cache import cache

from admissibility import CommunicationFacts, StateStatus, parse_facts

from .models import Communication, Person, TreatyStatus

TREATY_CACHE_KEY = "treaty-status-v1"


def _answer(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def treaty_table() -> Mapping[str, StateStatus]:
    """Return every State's OPIC status keyed by ISO3, cached until the table changes."""
    table: dict[str, StateStatus] | None = cache.get(TREATY_CACHE_KEY)
    if table is None:
        table = {
            row.iso3: StateStatus(
                iso3=row.iso3,
                opic_party=row.opic_status == TreatyStatus.OpicStatus.PARTY,
                opic_in_force_on=row.entry_into_force_date,
                opsc_party=_answer(row.opsc_party),
                opac_party=_answer(row.opac_party),
            )
            for row in TreatyStatus.objects.all()
        }
        cache.set(TREATY_CACHE_KEY, table, timeout=3600)
    return table


def forget_treaty_table() -> None:
    cache.delete(TREATY_CACHE_KEY)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def facts_from_communication(communication: Communication, *, assessed_on: date) -> CommunicationFacts:
    """Build the engine's input from a communication and everything attached to it."""
    people = list(communication.people.all())
    author = next((p for p in people if p.role == Person.Role.AUTHOR), None)
    victims = [p for p in people if p.role == Person.Role.VICTIM]
    final = communication.final_domestic_decision_on
    data: dict[str, object] = {
        "assessed_on": assessed_on.isoformat(),
        "state": communication.state or None,
        "in_writing": communication.in_writing,
        "author": {
            "identified": author.identified if author else False,
            "is_victim": communication.author_is_victim,
        },
        "victims": [
            {
                "identified": victim.identified,
                "date_of_birth": _iso(victim.date_of_birth),
                "consent": victim.consent or None,
            }
            for victim in victims
        ],
        "claims": [
            {"instrument": claim.instrument, "article": claim.article, "explanation": claim.explanation}
            for claim in communication.claims.all()
        ],
        "facts": {
            "summary": communication.facts_summary,
            "start": _iso(communication.facts_start),
            "end": _iso(communication.facts_end),
            "continuing": communication.facts_continuing,
        },
        "domestic_remedies": {
            "exhausted": communication.remedies_exhausted,
            "final_decision_on": _iso(final),
            "exception": communication.remedies_exception or None,
            "exception_reason": communication.remedies_exception_reason or None,
        },
        "late_submission_reason": communication.late_submission_reason or None,
        "previously_examined_by_committee": communication.previously_examined_by_committee,
        "other_procedures": [
            {"body": p.body, "status": p.status or None, "same_matter": p.same_matter}
            for p in communication.other_procedures.all()
        ],
        "documents_count": communication.documents.count(),
    }
    if communication.author_is_victim and author is not None and not victims:
        # A child filing for themself is the victim: the engine needs their date of birth.
        data["victims"] = [
            {"identified": author.identified, "date_of_birth": _iso(author.date_of_birth), "consent": "given"}
        ]
    return parse_facts(data)
