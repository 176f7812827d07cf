"""The admin opens for administrators only, and changes no case: cases change through the services."""

from __future__ import annotations

import pytest
from django.urls import reverse

from complaints.models import Communication, Invitation
from complaints.permissions import communications_visible_to
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_caseworker_marked_as_staff_cannot_open_the_admin(world: World) -> None:
    world.caseworker.is_staff = True
    world.caseworker.save()
    response = login(world.caseworker).get(reverse("admin:complaints_communication_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_staff_caseworker_cannot_give_another_parent_the_childs_case(world: World) -> None:
    world.caseworker.is_staff = True
    world.caseworker.save()
    other_parent = UserFactory.create()
    change = reverse("admin:complaints_communication_change", args=[world.mine.pk])
    login(world.caseworker).post(change, {"filer": other_parent.pk, "status": "submitted"})
    world.mine.refresh_from_db()
    assert world.mine.filer == world.filer
    assert not communications_visible_to(other_parent).filter(pk=world.mine.pk).exists()


def test_an_administrator_reads_a_case_in_the_admin_but_cannot_change_its_owner_or_status(
    world: World,
) -> None:
    admin = login(world.admin)
    change = reverse("admin:complaints_communication_change", args=[world.mine.pk])
    page = admin.get(change)
    assert page.status_code == 200
    assert 'name="filer"' not in page.content.decode()
    assert 'name="status"' not in page.content.decode()

    other_parent = UserFactory.create()
    response = admin.post(change, {"filer": other_parent.pk, "status": "closed"})
    assert response.status_code == 403
    world.mine.refresh_from_db()
    assert world.mine.filer == world.filer
    assert world.mine.status != Communication.Status.CLOSED


def test_nobody_adds_or_deletes_a_case_or_its_parts_in_the_admin(world: World) -> None:
    admin = login(world.admin)
    assert admin.get(reverse("admin:complaints_communication_add")).status_code == 403
    assert admin.get(reverse("admin:complaints_person_add")).status_code == 403
    delete = reverse("admin:complaints_communication_delete", args=[world.mine.pk])
    assert admin.post(delete, {"post": "yes"}).status_code == 403
    assert Communication.objects.filter(pk=world.mine.pk).exists()


def test_an_administrator_withdraws_an_invitation_through_the_service(world: World) -> None:
    invitation = Invitation.objects.get(communication=world.theirs)
    events_before = world.theirs.events.count()
    response = login(world.admin).post(
        reverse("admin:complaints_invitation_changelist"),
        {"action": "withdraw", "_selected_action": [invitation.pk]},
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert world.theirs.events.count() == events_before + 1
