"""The only bridge between the Django models and the pure admissibility engine."""

from __future__ import annotations

import gettext
import threading
import time
from collections.abc import Mapping
from datetime import date
from functools import partial

from django.conf import settings

from admissibility import LANGUAGES, CommunicationFacts, Language, StateStatus, install_languages, parse_facts
from complaints import cldr
from complaints.models import Communication, Person, TreatyStatus


def engine_language(code: str) -> Language:
    """Return the engine's words in ``code``: the portal's gettext catalogue, CLDR dates and State names."""
    catalogue = gettext.NullTranslations()
    for path in reversed(settings.LOCALE_PATHS):  # the first path wins, as in Django
        found = gettext.translation("django", localedir=path, languages=[code], fallback=True)
        if not isinstance(found, gettext.GNUTranslations):
            continue
        found.add_fallback(catalogue)
        catalogue = found
    return Language(
        code,
        catalogue,
        date_text=partial(cldr.long_date, language=code),
        state_name=partial(cldr.state_name, language=code),
    )


def engine_languages_install() -> None:
    """Load the engine's catalogues (``locale/<lang>/LC_MESSAGES/django.mo``) and hand them to it."""
    install_languages(engine_language(code) for code in LANGUAGES)


# The treaty table is read from the database and kept in this process for a minute: it changes a
# few times a year, and no page may depend on Redis being up to know which States are parties.
TREATY_TABLE_TTL = 60.0
_treaty_memo: tuple[float, Mapping[str, StateStatus]] | None = None
_treaty_lock = threading.Lock()


def _answer(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def treaty_table() -> Mapping[str, StateStatus]:
    """Return every State's OPIC status keyed by ISO3, from the database, remembered for a minute."""
    global _treaty_memo
    memo = _treaty_memo
    if memo is not None and time.monotonic() - memo[0] < TREATY_TABLE_TTL:
        return memo[1]
    table = {
        row.iso3: StateStatus(
            iso3=row.iso3,
            opic_party=row.opic_status == TreatyStatus.OpicStatus.PARTY,
            opic_in_force_on=row.entry_into_force_date,
            opsc_party=_answer(row.opsc_party),
            opac_party=_answer(row.opac_party),
            denunciation_effective_on=row.denunciation_effective_on,
        )
        for row in TreatyStatus.objects.all()
    }
    with _treaty_lock:
        _treaty_memo = (time.monotonic(), table)
    return table


def forget_treaty_table() -> None:
    """Read the table from the database again on next use (after it was refreshed)."""
    global _treaty_memo
    with _treaty_lock:
        _treaty_memo = None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _named(person: Person | None) -> bool | None:
    """Whether a person is identified: True once any name is recorded, else unknown (never False).

    A draft whose name is not written yet is not anonymous: the author can still add it. Many
    people have a single name, so one name is enough.
    """
    return True if person is not None and person.identified else None


def _procedures(communication: Communication) -> list[dict[str, object]] | None:
    """The other international procedures, or None while the filer has not said whether there are any.

    An explicit "no" is an empty list (no bar under art. 7(d)); no answer stays unknown, never "none".
    """
    if communication.other_procedures_taken is False:
        return []
    rows: list[dict[str, object]] = [
        {"body": p.body, "status": p.status or None, "same_matter": p.same_matter, "kind": p.kind or None}
        for p in communication.other_procedures.all()
    ]
    return rows or None


def facts_from_communication(communication: Communication, *, assessed_on: date) -> CommunicationFacts:
    """Build the engine's input from a communication and everything attached to it."""
    people = list(communication.people.all())
    author = next((p for p in people if p.role == Person.Role.AUTHOR), None)
    victims = [p for p in people if p.role == Person.Role.VICTIM]
    final = communication.final_domestic_decision_on
    victim_rows: list[dict[str, object]] = [
        {
            "identified": _named(victim),
            "date_of_birth": _iso(victim.date_of_birth),
            "consent": victim.consent or None,
        }
        for victim in victims
    ]
    data: dict[str, object] = {
        "assessed_on": assessed_on.isoformat(),
        "state": communication.state or None,
        "in_writing": communication.in_writing,
        "author": {
            "identified": _named(author),
            "is_victim": communication.author_is_victim,
        },
        "victims": victim_rows,
        "claims": [
            {"instrument": claim.instrument, "article": claim.article, "explanation": claim.explanation}
            for claim in communication.claims.all()
        ],
        "facts": {
            "summary": communication.facts_summary if communication.facts_summary.strip() else None,
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
        "previous_committee_outcome": communication.previous_committee_outcome or None,
        "outside_territory": communication.outside_territory,
        "other_procedures": _procedures(communication),
        "documents_count": communication.documents.count(),
    }
    if communication.author_is_victim and author is not None:
        # An author who is a victim is one of the victims (their own consent is given): last, so
        # that the other victims keep the numbers the wizard shows them with.
        own = {"identified": _named(author), "date_of_birth": _iso(author.date_of_birth), "consent": "given"}
        data["victims"] = [*victim_rows, own]
    return parse_facts(data)
