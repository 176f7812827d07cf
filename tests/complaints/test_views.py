from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from complaints.filing.forms import state_choices
from complaints.models import Communication, Event
from tests.conftest import World, login
from tests.factories import CommunicationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "you can tell the United Nations"),
        ("ru", "Организацию Объединённых Наций"),
        ("kk", "Біріккен Ұлттар Ұйымына"),
    ],
)
def test_the_home_page_explains_the_portal_in_each_language(language: str, phrase: str) -> None:
    response = Client(headers={"accept-language": language}).get("/")
    assert response.status_code == 200
    assert f'lang="{language}"'.encode() in response.content
    assert phrase in response.content.decode()


def test_the_language_switcher_remembers_the_choice() -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "kk", "next": "/"})
    assert 'lang="kk"' in client.get("/").content.decode()


def test_signed_in_pages_are_never_cached(world: World) -> None:
    response = login(world.filer).get(reverse("complaints:dashboard"))
    assert "no-store" in response["Cache-Control"]


def test_the_dashboard_lists_only_the_users_own_cases(world: World) -> None:
    body = login(world.filer).get(reverse("complaints:dashboard")).content.decode()
    assert world.mine.title in body
    assert world.theirs.title not in body


def test_starting_a_draft_needs_a_post_and_lands_on_the_first_step(world: World) -> None:
    client = login(world.filer)
    assert client.get(reverse("complaints:communication_start")).status_code == 200
    assert Communication.objects.filter(filer=world.filer).count() == 1
    response = client.post(reverse("complaints:communication_start"))
    communication = Communication.objects.filter(filer=world.filer).latest("pk")
    assert response["Location"] == reverse("complaints:wizard_step", args=[communication.reference, "who"])


def test_choosing_a_state_outside_the_protocol_is_a_clear_error(world: World) -> None:
    client = login(world.filer)
    page = client.get(reverse("complaints:wizard_step", args=[world.mine.reference, "state"]))
    assert b'value="KAZ"' in page.content
    response = client.post(
        reverse("complaints:wizard_step", args=[world.mine.reference, "state"]),
        {"state": "USA", "version": world.mine.version},
    )
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content
    world.mine.refresh_from_db()
    assert world.mine.state == "KAZ"


def test_the_case_page_shows_the_admissibility_findings_with_citations(world: World) -> None:
    body = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert "OPIC art. 7(h)" in body
    assert "OPIC art. 1(3)" in body


def test_a_caseworker_records_a_transmittal_and_it_appears_in_the_timeline(world: World) -> None:
    world.mine.status = Communication.Status.REGISTERED
    world.mine.submitted_on = date(2025, 3, 1)
    world.mine.save()
    day = timezone.localdate() - timedelta(days=3)
    response = login(world.caseworker).post(
        reverse("complaints:communication_transition", args=[world.mine.reference]),
        {"to": "transmitted", "on": day.isoformat()},
    )
    assert response.status_code == 302
    world.mine.refresh_from_db()
    assert world.mine.status == "transmitted"
    assert world.mine.transmitted_on == day
    assert Event.objects.filter(
        communication=world.mine, to_status="transmitted", actor=world.caseworker
    ).exists()


def test_a_filer_cannot_record_what_the_committee_did(world: World) -> None:
    world.mine.status = Communication.Status.REGISTERED
    world.mine.save()
    response = login(world.filer).post(
        reverse("complaints:communication_transition", args=[world.mine.reference]),
        {"to": "transmitted", "on": "2025-05-01"},
    )
    assert response.status_code == 403
    world.mine.refresh_from_db()
    assert world.mine.status == "registered"


def test_a_disallowed_transition_shows_a_message_and_changes_nothing(world: World) -> None:
    world.mine.status = Communication.Status.SUBMITTED
    world.mine.save()
    response = login(world.caseworker).post(
        reverse("complaints:communication_transition", args=[world.mine.reference]),
        {"to": "views_adopted", "on": "2025-05-01"},
        follow=True,
    )
    assert "correct the form" in response.content.decode()
    world.mine.refresh_from_db()
    assert world.mine.status == "submitted"


@override_settings(REDIS_URL="", CELERY_TASK_ALWAYS_EAGER=True)
def test_the_health_check_reports_each_service_of_the_embedded_default() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "redis": "not configured",
        "worker": "eager",
        "storage": "ok",
    }


def test_a_case_of_someone_else_is_not_found_rather_than_forbidden(world: World) -> None:
    other = CommunicationFactory.create()
    assert login(world.filer).get(other.get_absolute_url()).status_code == 404


def test_a_caseworker_searches_filters_and_sorts_the_case_list(world: World) -> None:
    urgent = CommunicationFactory.create(organisation=world.ngo, title="Urgent one", is_urgent=True)
    calm = CommunicationFactory.create(organisation=world.ngo, title="Calm one")
    client = login(world.caseworker)
    body = client.get(reverse("complaints:dashboard"), {"is_urgent": "true"}).content.decode()
    assert urgent.short_reference in body
    assert calm.short_reference not in body
    by_name = client.get(
        reverse("complaints:dashboard"), {"q": world.mine.people.get().family_name}
    ).content.decode()
    assert world.mine.short_reference in by_name
    assert calm.short_reference not in by_name
    by_article = client.get(reverse("complaints:dashboard"), {"q": "28"}).content.decode()
    assert world.mine.short_reference in by_article
    sorted_page = client.get(reverse("complaints:dashboard"), {"sort": "deadline"})
    assert sorted_page.status_code == 200


def test_the_case_list_costs_the_same_number_of_queries_whatever_the_page_size(
    world: World, django_assert_max_num_queries: Any
) -> None:
    client = login(world.caseworker)
    CommunicationFactory.create_batch(30, organisation=world.ngo)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_the_dashboard_counts_the_cases_with_a_deadline_in_the_next_30_days_and_those_overdue(
    world: World,
) -> None:
    from complaints.models import Deadline

    today = timezone.localdate()
    Deadline.objects.all().delete()
    soon = CommunicationFactory.create(organisation=world.ngo)
    for communication, kind, due, status in (
        (soon, "filing", today + timedelta(days=10), "open"),
        (world.mine, "state_explanations", today - timedelta(days=3), "overdue"),
        (world.mine, "follow_up", today + timedelta(days=90), "open"),
        (world.theirs, "filing", today, "open"),
    ):
        Deadline.objects.create(
            communication=communication, kind=kind, anchor_on=today, due_on=due, source="x", status=status
        )
    Communication.objects.filter(pk=soon.pk).update(next_deadline_on=today + timedelta(days=10))
    Communication.objects.filter(pk=world.mine.pk).update(next_deadline_on=today - timedelta(days=3))
    Communication.objects.filter(pk=world.theirs.pk).update(next_deadline_on=today)
    body = login(world.caseworker).get(reverse("complaints:dashboard")).content.decode()
    assert "2 cases with a deadline in the next 30 days" in body
    assert "1 overdue" in body


def test_a_caseworker_cannot_mark_a_draft_submitted_from_the_case_page(world: World) -> None:
    world.mine.status = Communication.Status.DRAFT
    world.mine.signed_name = ""
    world.mine.save()
    events_before = world.mine.events.count()
    login(world.caseworker).post(
        reverse("complaints:communication_transition", args=[world.mine.reference]),
        {"to": "submitted", "on": timezone.localdate().isoformat()},
        follow=True,
    )
    world.mine.refresh_from_db()
    assert world.mine.status == Communication.Status.DRAFT
    assert world.mine.submitted_on is None
    assert world.mine.events.count() == events_before


def test_a_caseworker_cannot_mark_a_draft_submitted_through_the_api(world: World) -> None:
    world.mine.status = Communication.Status.DRAFT
    world.mine.save()
    response = login(world.caseworker).post(
        f"/api/v1/communications/{world.mine.reference}/transitions/",
        {"to": "submitted", "on": timezone.localdate().isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 400
    world.mine.refresh_from_db()
    assert world.mine.status == Communication.Status.DRAFT


@pytest.mark.parametrize(
    ("language", "name"), [("kk", "Қазақстан"), ("ru", "Казахстан"), ("en", "Kazakhstan")]
)
def test_the_case_page_and_the_case_list_name_the_state_in_the_readers_language(
    world: World, language: str, name: str
) -> None:
    client = login(world.filer)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert world.mine.state == "KAZ"
    for url in (world.mine.get_absolute_url(), reverse("complaints:dashboard")):
        page = client.get(url).content.decode()
        assert name in page, url
        assert "KAZ" not in page, url
        assert "Kazakhstan (KAZ)" not in page, url


@pytest.mark.parametrize(("language", "name"), [("kk", "Қазақстан"), ("ru", "Казахстан")])
def test_the_wizard_lists_the_states_parties_by_their_names_in_the_readers_language(
    language: str, name: str
) -> None:
    with translation.override(language):
        choices = state_choices()
    assert dict(choices)["KAZ"] == name
    names = [label for code, label in choices if code]
    assert len(names) > 40
    assert names == sorted(names, key=str.casefold)
    assert not any("(" in label for label in names)
