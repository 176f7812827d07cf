"""A handling caseworker's notes, assignments and sharing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from complaints.models import Event, Organisation, User
from tests.conftest import World, login
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_private_note_is_seen_by_the_caseworkers_but_not_by_the_filer(world: World) -> None:
    client = login(world.caseworker)
    client.post(
        reverse("complaints:case_note", args=[world.mine.reference]), {"text": "Call the school on Monday"}
    )
    assert Event.objects.get(communication=world.mine, kind="note").is_private
    assert "Call the school on Monday" in client.get(world.mine.get_absolute_url()).content.decode()
    assert (
        "Call the school on Monday"
        not in login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    )


def test_a_case_is_assigned_only_to_a_caseworker_of_the_handling_organisation(world: World) -> None:
    colleague = MembershipFactory.create(organisation=world.ngo, user__role=User.Role.CASEWORKER).user
    client = login(world.caseworker)
    url = reverse("complaints:case_assign", args=[world.mine.reference])
    client.post(url, {"assignee": colleague.pk})
    world.mine.refresh_from_db()
    assert world.mine.assignee == colleague
    client.post(url, {"assignee": world.reviewer.pk})
    world.mine.refresh_from_db()
    assert world.mine.assignee == colleague


def test_sharing_with_an_ombudsman_office_routes_the_case_to_its_queue(world: World) -> None:
    office = OrganisationFactory.create(kind=Organisation.Kind.OMBUDSMAN)
    reviewer = MembershipFactory.create(organisation=office, user__role=User.Role.OMBUDSMAN_REVIEWER).user
    login(world.caseworker).post(
        reverse("complaints:case_share", args=[world.mine.reference]), {"organisation": office.pk}
    )
    world.mine.refresh_from_db()
    assert world.mine.routed_to == office
    assert reviewer.has_perm("complaints.view_communication", world.mine)


def test_sharing_with_another_ngo_lets_its_caseworkers_see_the_case(world: World) -> None:
    other = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    their_caseworker = MembershipFactory.create(organisation=other, user__role=User.Role.CASEWORKER).user
    assert not their_caseworker.has_perm("complaints.view_communication", world.mine)
    login(world.caseworker).post(
        reverse("complaints:case_share", args=[world.mine.reference]), {"organisation": other.pk}
    )
    assert their_caseworker.has_perm("complaints.view_communication", world.mine)


@pytest.mark.parametrize("action", ["case_note", "case_assign", "case_share"])
def test_only_the_handling_caseworker_can_manage_a_case(world: World, action: str) -> None:
    for user in (world.filer, world.reviewer):
        response = login(user).post(
            reverse(f"complaints:{action}", args=[world.mine.reference]), {"text": "x"}
        )
        assert response.status_code == 403
    assert not Event.objects.filter(
        communication=world.mine, kind__in=["note", "assigned", "shared"]
    ).exists()
