"""What a wizard step costs the database: shown in at most 8 queries, saved in at most 10, none repeated.

The budget counts the statements of the request itself. Two kinds are left out and checked on
their own: transaction control (savepoints, which only the test's wrapping transaction adds) and
the audit trail's record of the request (complaints.audit: on PostgreSQL the chain's lock, the last
hash and one INSERT), which every request that reads a case pays the same; and the upkeep of the
blind index of names (complaints.crypto.search_index: the title and the names read, the digests
read, changed ones deleted and inserted), which only a step that changes the title or a person pays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from complaints.crypto.search_index import name_search_ids
from complaints.filing.wizard import applicable_steps
from complaints.models import Communication, Person
from tests.complaints.test_wizard import fill_parent_case, pdf_bytes, url
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GET_BUDGET = 8
POST_BUDGET = 10
AUDIT_STATEMENTS = 3  # on PostgreSQL the chain's lock, the last hash and the INSERT
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
WRITES = ("INSERT", "UPDATE", "DELETE")


def is_audit(sql: str) -> bool:
    return '"complaints_auditentry"' in sql or sql.startswith("SELECT pg_advisory_xact_lock")


INDEX_STATEMENTS = 5
INDEX_READS = (
    'SELECT "complaints_communication"."title" AS "title" FROM',
    'SELECT "complaints_person"."given_name" AS "given_name", "complaints_person"."family_name"',
)


def is_index(sql: str) -> bool:
    return '"complaints_searchdigest"' in sql or sql.startswith(INDEX_READS)


def problems_of(label: str, statements: list[str], budget: int) -> list[str]:
    """Return what is wrong with a request's statements: over budget, or a read repeated, no write between."""
    own = [
        s for s in statements if not s.startswith(TRANSACTION_CONTROL) and not is_audit(s) and not is_index(s)
    ]
    found = []
    if len(own) > budget:
        found.append(
            f"{label}: {len(own)} queries (budget {budget}):\n  "
            + "\n  ".join(s[:160] + " … " + s[-200:] for s in own)
        )
    audit = [s for s in statements if is_audit(s)]
    if len(audit) > AUDIT_STATEMENTS:
        found.append(f"{label}: the audit trail took {len(audit)} statements")
    index = [s for s in statements if is_index(s)]
    if len(index) > INDEX_STATEMENTS:
        found.append(f"{label}: the blind index took {len(index)} statements")
    seen: set[str] = set()
    for sql in own:
        if sql.startswith(WRITES):
            seen.clear()  # a read after a write may read again what the write changed
        elif sql in seen:
            found.append(f"{label}: repeated without a write in between: {sql[:200]}")
        seen.add(sql)
    return found


def measured(request: Callable[[], Any]) -> tuple[Any, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = request()
    return response, [q["sql"] for q in queries.captured_queries]


def answers(c: Communication) -> dict[str, dict[str, Any]]:
    """What a filer sends on each step of a case like fill_parent_case's (its answers again)."""
    victim = c.people.get(role=Person.Role.VICTIM)
    final = timezone.localdate() - timedelta(days=60)
    remedy = c.remedies.get()
    return {
        "who": {"audience": "adult", "author_is_victim": "False", "title": "Алия", "dossier_language": "ru"},
        "author": {
            "author-given_name": "Мария",
            "author-family_name": "Иванова",
            "author-email": "m@example.org",
            "author-relationship_to_victim": "мать",
        },
        "victims": {
            "victims-TOTAL_FORMS": "1",
            "victims-INITIAL_FORMS": "1",
            "victims-0-id": str(victim.pk),
            "victims-0-given_name": "Алия",
            "victims-0-family_name": "Иванова",
            "victims-0-date_of_birth": "2019-04-09",
        },
        "consent": {
            "consent-TOTAL_FORMS": "1",
            "consent-INITIAL_FORMS": "1",
            "consent-0-id": str(victim.pk),
            "consent-0-consent": "without_consent_justified",
            "consent-0-without_consent_reason": "Ребёнку 6 лет.",
        },
        "representative": {"rep-has_representative": "False"},
        "state": {"state": "KAZ"},
        "facts": {
            "facts_summary": "Органы опеки забрали дочь без решения суда.",
            "facts_start": "2024-09-01",
            "facts_continuing": "on",
        },
        "rights": {"articles": "CRC 9, 12", "explanation": "Разлучили с матерью."},
        "remedies": {
            "exhausted": "yes",
            "remedies-TOTAL_FORMS": "1",
            "remedies-INITIAL_FORMS": "1",
            "remedies-0-id": str(remedy.pk),
            "remedies-0-authority": "Верховный суд",
            "remedies-0-decided_on": final.isoformat(),
            "remedies-0-is_final": "on",
        },
        "procedures": {"procedures-TOTAL_FORMS": "0", "procedures-INITIAL_FORMS": "0"},
        "protection": {},
        "requests": {"remedies_sought": "Вернуть ребёнка матери."},
        "confidentiality": {"names_confidential": "on"},
        "review": {},
        "documents": {
            "kind": "evidence",
            "title": "Справка",
            "file": SimpleUploadedFile("справка.pdf", pdf_bytes(1), content_type="application/pdf"),
        },
    }


@pytest.fixture
def parent() -> Client:
    return login(UserFactory.create())


@pytest.fixture
def filled(parent: Client) -> Communication:
    c = fill_parent_case(parent)
    parent.get(url(c, "who"))  # the treaty table, kept by each process for a minute, is read once here
    return c


def test_every_wizard_step_is_shown_in_at_most_8_queries_none_repeated(
    parent: Client, filled: Communication
) -> None:
    problems = []
    for step in applicable_steps(filled):
        response, statements = measured(partial(parent.get, url(filled, step.slug)))
        assert response.status_code == 200, step.slug
        problems += problems_of(f"GET {step.slug}", statements, GET_BUDGET)
    assert problems == [], "\n".join(problems)


def test_every_wizard_step_is_saved_in_at_most_10_queries_none_repeated(
    parent: Client, filled: Communication
) -> None:
    problems = []
    for step in applicable_steps(filled):
        if step.slug == "sign":
            continue  # submitting is not saving a step: see the next test
        filled.refresh_from_db()
        data = {"version": filled.version, **answers(filled)[step.slug]}
        response, statements = measured(partial(parent.post, url(filled, step.slug), data))
        assert response.status_code in (200, 302), (step.slug, response.content.decode()[:2000])
        problems += problems_of(f"POST {step.slug}", statements, POST_BUDGET)
    assert problems == [], "\n".join(problems)


def test_a_signature_refused_for_a_missing_confirmation_costs_no_more_than_a_saved_step(
    parent: Client, filled: Communication
) -> None:
    filled.refresh_from_db()
    response, statements = measured(
        lambda: parent.post(url(filled, "sign"), {"version": filled.version, "signed_name": "Мария Иванова"})
    )
    assert response.status_code == 400
    assert problems_of("POST sign (refused)", statements, POST_BUDGET) == []


def test_a_step_that_keeps_the_title_leaves_the_blind_index_alone_and_one_that_changes_it_updates_it(
    parent: Client, filled: Communication
) -> None:
    for slug in ("who", "facts", "requests"):  # "who" sent with the title it already has
        filled.refresh_from_db()
        data = {"version": filled.version, **answers(filled)[slug]}
        response, statements = measured(partial(parent.post, url(filled, slug), data))
        assert response.status_code == 302, slug
        assert [s for s in statements if is_index(s)] == [], slug
    filled.refresh_from_db()
    renamed = {**answers(filled)["who"], "version": filled.version, "title": "Бота"}
    response, statements = measured(partial(parent.post, url(filled, "who"), renamed))
    assert response.status_code == 302
    assert [s for s in statements if is_index(s)] != []
    names = name_search_ids("Бота", titles_of=filled.filer_id)  # the title: found by its filer
    assert names is not None
    assert filled.pk in set(names)


def test_a_saved_step_shows_the_draft_as_stored_on_the_next_page(
    parent: Client, filled: Communication
) -> None:
    filled.refresh_from_db()
    data = {"version": filled.version, **answers(filled)["requests"], "remedies_sought": "Новое."}
    assert parent.post(url(filled, "requests"), data).status_code == 302
    stored = Communication.objects.get(pk=filled.pk)
    assert stored.version == filled.version + 1
    assert stored.remedies_sought == "Новое."
    page = parent.get(url(filled, "requests")).content.decode()
    assert f'name="version" value="{stored.version}"' in page
    assert "Новое." in page


def test_the_repeat_detector_finds_a_read_repeated_and_forgives_one_after_a_write() -> None:
    read = 'SELECT "x" FROM "complaints_person" WHERE id = 1'
    assert problems_of("t", [read, read], 8) != []
    assert problems_of("t", [read, 'UPDATE "complaints_person" SET x = 1', read], 8) == []
    assert problems_of("t", [read] * 3, 2) != []


def test_a_row_id_of_another_case_posted_in_a_formset_is_refused_and_changes_nothing(
    parent: Client, filled: Communication, world: Any
) -> None:
    theirs = world.theirs.remedies.get()
    data = {**answers(filled)["remedies"], "remedies-0-id": str(theirs.pk), "remedies-0-authority": "Changed"}
    filled.refresh_from_db()
    response = parent.post(url(filled, "remedies"), {"version": filled.version, **data})
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert theirs.authority != "Changed"
    assert filled.remedies.get().authority == "Верховный суд"
