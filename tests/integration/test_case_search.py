"""The case list's search on PostgreSQL: the trigram indexes of migration 0009 that are left (the
Committee's reference, the State) and the blind index of names (migration 0012) answer it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from complaints.casework.filters import CaseFilter, search_matches
from complaints.selectors import communication_list_for_user
from tests.conftest import World, login
from tests.factories import CommunicationFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SEARCH_INDEXES = {
    "communication_committee_ref_trgm",
    "communication_state_upper",
    "one_search_digest_per_case",  # the blind index: (digest, communication)
}
# Trigram indexes of encrypted columns would index tokens: migration 0012 drops them.
DROPPED = {"communication_title_trgm", "person_family_name_trgm", "person_given_name_trgm"}


def test_the_migration_creates_the_trigram_extension_and_the_search_indexes() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() is not None
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(SEARCH_INDEXES)])
        assert {row[0] for row in cursor.fetchall()} == SEARCH_INDEXES
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(DROPPED)])
        assert cursor.fetchall() == []


def test_the_trigram_indexes_keep_no_pending_list_a_search_would_have_to_read() -> None:
    trigram = sorted(name for name in SEARCH_INDEXES if name.endswith("_trgm"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [trigram])
        options = dict(cursor.fetchall())
    assert options == {name: ["fastupdate=off"] for name in trigram}


def test_the_search_for_part_of_a_name_can_be_answered_from_the_indexes() -> None:
    """The indexes are on the very expressions Django writes for icontains and iexact (UPPER(...))."""
    with connection.cursor() as cursor:
        # A test database is tiny, so the planner would rather read the tables: forbid that here.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search_matches("nurlanov").explain()
    assert "Seq Scan" not in plan
    assert SEARCH_INDEXES.issubset(plan.replace("(", " ").split()), plan


@pytest.mark.parametrize("by_id_limit", [2000, 0], ids=["by id", "case by case"])
def test_the_case_list_finds_a_child_by_the_start_of_the_family_name_on_postgresql(
    world: World, monkeypatch: pytest.MonkeyPatch, by_id_limit: int
) -> None:
    monkeypatch.setattr("complaints.casework.filters.SEARCH_BY_ID_LIMIT", by_id_limit)
    child = CommunicationFactory.create(organisation=world.ngo, title="School exclusion")
    PersonFactory.create(communication=child, given_name="Dana", family_name="Nurlanovna")
    another = CommunicationFactory.create(organisation=world.ngo, title="Another case")
    client = login(world.caseworker)
    body = client.get(reverse("complaints:dashboard"), {"q": "NURLANOV"}).content.decode()
    # Staff know a case by its reference: the filer's private title is for the filer alone.
    assert child.short_reference in body
    assert another.short_reference not in body
    assert "School exclusion" not in body
    assert "1 case<" in body
    hidden = client.get(reverse("complaints:dashboard"), {"q": world.secret[2:9]}).content.decode()
    assert world.theirs.title not in hidden


def test_the_case_list_counts_up_to_its_cap_on_postgresql(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("complaints.casework.views.CASE_LIST_COUNT_CAP", 3)
    CommunicationFactory.create_batch(3, organisation=world.ngo)
    client = login(world.caseworker)
    assert "More than 3 cases" in client.get(reverse("complaints:dashboard")).content.decode()
    monkeypatch.setattr("complaints.casework.views.CASE_LIST_COUNT_CAP", 4)
    assert "4 cases" in client.get(reverse("complaints:dashboard")).content.decode()


def test_a_search_matching_a_great_many_cases_tests_each_case_instead_of_hashing_every_digest(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first name every case shares: PostgreSQL must not read all its digests before the first row."""
    monkeypatch.setattr("complaints.casework.filters.SEARCH_BY_ID_LIMIT", 0)
    for _ in range(3):
        child = CommunicationFactory.create(organisation=world.ngo)
        PersonFactory.create(communication=child, given_name="Dana", family_name="Nurlanovna")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    cases = communication_list_for_user(user=world.caseworker)
    found = CaseFilter({"q": "Dana"}, queryset=cases, request=None).qs
    plan = found[:26].explain()
    assert "hashed SubPlan" not in plan, plan
    assert found.count() == 3
