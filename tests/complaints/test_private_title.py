"""The title a filer gives a case ("only for you") never leaves the portal for anyone else.

Not in any dossier variant, not in an e-mail, not in what the API answers to anyone but the filer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from complaints.deadlines.services import deadlines_recompute, deadlines_sweep, reminder_emails_send
from complaints.dossiers.services import dossier_build
from complaints.invitations.services import invitation_create
from complaints.models import Communication, Dossier, Organisation, User
from tests.conftest import World, login
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TITLE = "Aigerim and the school"


@pytest.fixture
def titled(world: World) -> Communication:
    world.mine.title = TITLE
    world.mine.save(update_fields=["title"])
    return world.mine


@pytest.mark.parametrize("variant", Dossier.Variant.values)
def test_no_dossier_variant_prints_the_private_title(titled: Communication, variant: str) -> None:
    html = dossier_build(communication=titled, variant=variant).html
    assert TITLE not in html
    assert "Aigerim" not in html  # nor its redacted or partial form


def test_the_invitation_email_does_not_carry_the_private_title(
    titled: Communication, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(
            communication=titled,
            invited_by=titled.filer,
            role="child",
            person=titled.people.first(),
            email="child@example.org",
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    bodies = [message.body, *(str(content) for content, _ in getattr(message, "alternatives", []))]
    assert all(TITLE not in text for text in [message.subject, *bodies])


def test_a_deadline_reminder_email_does_not_carry_the_private_title() -> None:
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    MembershipFactory.create(organisation=ngo, is_coordinator=True, user__email="coordinator@example.org")
    communication = CommunicationFactory.create(
        organisation=ngo,
        status="transmitted",
        submitted_on=date(2025, 6, 1),
        transmitted_on=date(2025, 9, 1),
        filer=UserFactory.create(),
        title=TITLE,
    )
    deadlines_recompute(communication=communication)
    result = deadlines_sweep(today=date(2026, 1, 30))
    assert reminder_emails_send(result.reminder_ids) >= 1
    for message in mail.outbox:
        bodies = [message.body, *(str(content) for content, _ in getattr(message, "alternatives", []))]
        assert all(TITLE not in text for text in [message.subject, *bodies])


def api_titles(user: User) -> list[str]:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/v1/communications/")
    assert response.status_code == 200
    body = response.json()
    return [row["title"] for row in body.get("results", body)]


def test_the_api_gives_the_title_to_the_filer_and_to_no_one_else(world: World, titled: Communication) -> None:
    assert TITLE in api_titles(world.filer)
    for other in (world.caseworker, world.reviewer, world.admin):
        assert TITLE not in api_titles(other)


def page_of(user: User, path: str) -> str:
    response = login(user).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_filer_sees_the_title_on_their_case_list_and_case_page(
    world: World, titled: Communication
) -> None:
    assert TITLE in page_of(world.filer, reverse("complaints:dashboard"))
    assert TITLE in page_of(world.filer, titled.get_absolute_url())


def test_staff_see_the_case_by_its_reference_never_by_its_title(world: World, titled: Communication) -> None:
    reference = titled.short_reference
    for user in (world.caseworker, world.admin):
        case_list = page_of(user, reverse("complaints:dashboard"))
        assert reference in case_list
        assert TITLE not in case_list
        assert TITLE not in page_of(user, titled.get_absolute_url())


def test_the_review_queue_does_not_show_the_title(world: World, titled: Communication) -> None:
    Communication.objects.filter(pk=titled.pk).update(status="submitted", routed_to=world.office)
    queue = page_of(world.reviewer, reverse("complaints:review_queue"))
    assert titled.short_reference in queue
    assert TITLE not in queue


def test_the_admin_neither_lists_nor_shows_the_title(world: World, titled: Communication) -> None:
    changelist = page_of(world.admin, reverse("admin:complaints_communication_changelist"))
    assert titled.short_reference in changelist
    assert TITLE not in changelist
    change = reverse("admin:complaints_communication_change", args=[titled.pk])
    assert TITLE not in page_of(world.admin, change)
    assert TITLE not in page_of(world.admin, reverse("admin:complaints_person_changelist"))


def api_search(user: User, text: str) -> list[str]:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/v1/communications/", {"search": text})
    assert response.status_code == 200
    body = response.json()
    return [row["reference"] for row in body.get("results", body)]


def test_the_api_search_finds_a_case_by_its_title_for_the_filer_alone(
    world: World, titled: Communication
) -> None:
    family_name = titled.people.get().family_name
    assert api_search(world.filer, "Aigerim school") == [str(titled.reference)]
    assert api_search(world.caseworker, "Aigerim") == []
    assert api_search(world.caseworker, "school") == []
    assert api_search(world.caseworker, family_name) == [str(titled.reference)]


def test_the_admin_search_does_not_find_a_case_by_its_title(world: World, titled: Communication) -> None:
    changelist = reverse("admin:complaints_communication_changelist")
    assert titled.short_reference not in login(world.admin).get(changelist, {"q": "Aigerim"}).content.decode()
    family_name = titled.people.get().family_name
    assert titled.short_reference in login(world.admin).get(changelist, {"q": family_name}).content.decode()
