"""The case list counts only as far as it needs to, pages correctly, and finds cases by part of a name."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from complaints.models import Communication, User
from tests.conftest import World, login
from tests.factories import CommunicationFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def case_list(client: Client, **params: Any) -> str:
    response = client.get(reverse("complaints:dashboard"), params)
    assert response.status_code == 200
    return response.content.decode()


def listed_titles(body: str) -> set[str]:
    """The names the list gives its cases (for staff the reference: the title is the filer's alone)."""
    return set(re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body))


def listed_count(body: str) -> str:
    """The line above the list that says how many cases it holds."""
    found = re.search(r'<p class="small" role="status">([^<]*)</p>', body)
    assert found is not None
    return found.group(1).strip()


def handled_cases(world: World, count: int) -> list[Communication]:
    """``count`` more cases handled by the caseworker's NGO (the caseworker sees them and ``mine``)."""
    return CommunicationFactory.create_batch(count, organisation=world.ngo)


@pytest.fixture
def count_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """Count at most 5 cases, so a list longer than the cap takes a few cases, not a thousand."""
    monkeypatch.setattr("complaints.casework.views.CASE_LIST_COUNT_CAP", 5)
    return 5


def test_the_case_list_shows_the_exact_number_of_cases_under_the_cap(world: World) -> None:
    handled_cases(world, 2)
    assert listed_count(case_list(login(world.caseworker))) == "3 cases"


def test_the_case_list_says_more_than_the_cap_when_it_holds_more_cases(world: World, count_cap: int) -> None:
    handled_cases(world, 5)
    body = case_list(login(world.caseworker))
    assert listed_count(body) == "More than 5 cases"
    assert len(listed_titles(body)) == 6


def test_a_list_at_the_cap_is_still_counted_exactly(world: World, count_cap: int) -> None:
    handled_cases(world, 4)
    assert listed_count(case_list(login(world.caseworker))) == "5 cases"


def test_the_page_navigation_walks_a_list_under_the_cap(world: World) -> None:
    handled_cases(world, 30)
    client = login(world.caseworker)
    first = case_list(client)
    assert listed_count(first) == "31 cases"
    assert "1 / 2" in first
    assert "page=2" in first
    assert "Previous" not in first
    second = case_list(client, page=2)
    assert "2 / 2" in second
    assert "page=1" in second
    assert "Next" not in second
    assert len(listed_titles(first)) == 25
    assert len(listed_titles(second)) == 6
    everything = {str(c) for c in Communication.objects.filter(organisation=world.ngo)}
    assert listed_titles(first) | listed_titles(second) == everything


def test_the_page_navigation_walks_a_list_beyond_the_cap(world: World, count_cap: int) -> None:
    handled_cases(world, 30)
    client = login(world.caseworker)
    first = case_list(client)
    assert listed_count(first) == "More than 5 cases"
    assert "Page 1" in first
    assert "page=2" in first
    second = case_list(client, page=2)
    assert "Page 2" in second
    assert "page=1" in second
    assert "Next" not in second
    assert listed_titles(first).isdisjoint(listed_titles(second))
    assert len(listed_titles(first) | listed_titles(second)) == 31


def test_the_page_navigation_keeps_the_search_and_filters(world: World) -> None:
    handled_cases(world, 30)
    body = case_list(login(world.caseworker), status="draft", q="KAZ")
    assert listed_count(body) == "31 cases"
    assert "status=draft&amp;q=KAZ&amp;page=2" in body


@pytest.mark.parametrize("capped", [False, True], ids=["under the cap", "beyond the cap"])
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("abc", 1),
        ("", 1),
        ("1.5", 1),
        ("0", 1),
        ("-3", 1),
        ("999", 2),
        ("99999999999999999999999999", 2),
    ],
)
def test_a_page_number_out_of_range_or_unreadable_shows_the_first_or_last_page(
    world: World, monkeypatch: pytest.MonkeyPatch, capped: bool, page: str, expected: int
) -> None:
    if capped:
        monkeypatch.setattr("complaints.casework.views.CASE_LIST_COUNT_CAP", 5)
    handled_cases(world, 30)
    body = case_list(login(world.caseworker), page=page)
    assert (f"Page {expected}" if capped else f"{expected} / 2") in body
    assert len(listed_titles(body)) == (25 if expected == 1 else 6)


def test_an_empty_case_list_says_so(world: World) -> None:
    body = case_list(login(world.reviewer), q="nothing-matches-this")
    assert listed_count(body) == "0 cases"
    assert "No cases here." in body


@pytest.fixture(params=["by id", "case by case"])
def search_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The search lists few matches by id and filters case by case when there are many: test both."""
    if request.param == "case by case":
        monkeypatch.setattr("complaints.casework.filters.SEARCH_BY_ID_LIMIT", 0)
    return str(request.param)


def test_the_search_finds_a_child_by_the_start_of_the_family_name(world: World, search_path: str) -> None:
    child = CommunicationFactory.create(organisation=world.ngo, title="School exclusion")
    PersonFactory.create(communication=child, given_name="Dana", family_name="Nurlanovna")
    CommunicationFactory.create(organisation=world.ngo, title="Another case")
    body = case_list(login(world.caseworker), q="Nurlan")
    assert listed_titles(body) == {str(child)}
    assert listed_count(body) == "1 case"


def test_the_search_no_longer_finds_a_part_from_the_middle_of_an_encrypted_name(
    world: World, search_path: str
) -> None:
    child = CommunicationFactory.create(organisation=world.ngo, title="School exclusion")
    PersonFactory.create(communication=child, given_name="Dana", family_name="Nurlanovna")
    assert listed_count(case_list(login(world.caseworker), q="urlan")) == "0 cases"


def test_the_search_finds_a_name_written_in_the_other_script_or_spaced_out(
    world: World, search_path: str
) -> None:
    child = CommunicationFactory.create(organisation=world.ngo, title="School exclusion")
    PersonFactory.create(communication=child, given_name="Aigerim", family_name="Sәрсенова")
    client = login(world.caseworker)
    for typed in ("Айгерим", "AIGERIM", "aig", "Sarsenova", "Сәрсенова", "Aigerim Sarsenova"):
        assert listed_titles(case_list(client, q=typed)) == {str(child)}, typed
    assert listed_count(case_list(client, q="Aigerim Ivanova")) == "0 cases"


def test_a_soft_sign_in_a_name_does_not_split_it(world: World, search_path: str) -> None:
    child = CommunicationFactory.create(organisation=world.ngo, title="Bullying at school")
    PersonFactory.create(communication=child, given_name="Ольга", family_name="Кузьмина")
    client = login(world.caseworker)
    for typed in ("Olga", "Ольга", "Kuzmina", "Кузьмина", "Olga Kuzmina"):
        assert listed_titles(case_list(client, q=typed)) == {str(child)}, typed
    assert listed_count(case_list(client, q="ga")) == "0 cases"


def test_the_search_ignores_case_and_finds_first_names_and_states(world: World, search_path: str) -> None:
    child = CommunicationFactory.create(organisation=world.ngo, title="Deportation of a family", state="UZB")
    PersonFactory.create(communication=child, given_name="Timur", family_name="Aliev")
    client = login(world.caseworker)
    assert str(child) in case_list(client, q="TIMU")
    assert listed_titles(case_list(client, q="uzb")) == {str(child)}


def test_a_caseworker_cannot_find_a_case_by_a_word_only_in_its_private_title(
    world: World, search_path: str
) -> None:
    case = CommunicationFactory.create(
        filer=world.filer, organisation=world.ngo, title="Deportation of Zarina"
    )
    PersonFactory.create(communication=case, given_name="Timur", family_name="Aliev")
    client = login(world.caseworker)
    for typed in ("Deportation", "deport", "Zarina", "Zar", "Timur Zarina", "deportationofzarina"):
        assert listed_count(case_list(client, q=typed)) == "0 cases", typed
    assert listed_titles(case_list(client, q="Aliev")) == {str(case)}


def test_the_filer_finds_their_own_case_by_a_word_of_its_title_and_by_a_name(
    world: World, search_path: str
) -> None:
    case = CommunicationFactory.create(
        filer=world.filer, organisation=world.ngo, title="Deportation of Zarina"
    )
    PersonFactory.create(communication=case, given_name="Timur", family_name="Aliev")
    client = login(world.filer)
    for typed in ("Deportation", "zar", "Timur Zarina", "Aliev"):
        assert listed_titles(case_list(client, q=typed)) == {"Deportation of Zarina"}, typed


def test_a_title_the_caseworker_filed_is_not_found_by_a_colleague_of_the_same_organisation(
    world: World, search_path: str
) -> None:
    colleague = MembershipFactory.create(organisation=world.ngo, user__role=User.Role.CASEWORKER).user
    case = CommunicationFactory.create(
        filer=world.caseworker, organisation=world.ngo, title="Zarina at school"
    )
    PersonFactory.create(communication=case, given_name="Timur", family_name="Aliev")
    assert listed_titles(case_list(login(world.caseworker), q="Zarina")) == {"Zarina at school"}
    assert listed_count(case_list(login(colleague), q="Zarina")) == "0 cases"
    assert listed_titles(case_list(login(colleague), q="Aliev")) == {str(case)}


def test_the_search_never_shows_a_case_the_user_may_not_see(world: World, search_path: str) -> None:
    body = case_list(login(world.caseworker), q=world.secret[2:8])
    assert world.theirs.short_reference not in body
    assert listed_count(body) == "0 cases"


def test_the_search_finds_a_case_by_an_article_of_its_claims(world: World, search_path: str) -> None:
    assert world.mine.short_reference in case_list(login(world.caseworker), q="28")


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "0" * 30 + "28", "%", "_"])
def test_a_search_for_an_odd_number_or_a_wildcard_is_answered_not_an_error(world: World, value: str) -> None:
    body = case_list(login(world.caseworker), q=value)
    assert listed_count(body) == ("1 case" if value.endswith("28") else "0 cases")
