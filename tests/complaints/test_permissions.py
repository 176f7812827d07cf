from __future__ import annotations

from typing import Any

import pytest

from complaints.models import Communication, User
from complaints.permissions import communications_visible_to
from tests.conftest import World
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def visible(user: Any) -> set[int]:
    return set(communications_visible_to(user).values_list("pk", flat=True))


def test_a_filer_sees_only_what_they_filed(world: World) -> None:
    assert visible(world.filer) == {world.mine.pk}


def test_a_caseworker_sees_the_cases_of_their_organisation_and_those_shared_with_it(world: World) -> None:
    shared = CommunicationFactory.create()
    shared.shared_with.add(world.ngo)
    assert visible(world.caseworker) == {world.mine.pk, shared.pk}


def test_an_ombudsman_reviewer_sees_only_the_cases_routed_to_their_office(world: World) -> None:
    assert visible(world.reviewer) == {world.mine.pk}


def test_a_reviewer_does_not_see_cases_of_an_ngo_they_happen_to_belong_to(world: World) -> None:
    MembershipFactory.create(user=world.reviewer, organisation=world.ngo)
    unrouted = CommunicationFactory.create(organisation=world.ngo)
    assert unrouted.pk not in visible(world.reviewer)


def test_an_administrator_sees_everything(world: World) -> None:
    assert visible(world.admin) == set(Communication.objects.values_list("pk", flat=True))


def test_an_inactive_or_anonymous_user_sees_nothing(world: World) -> None:
    from django.contrib.auth.models import AnonymousUser

    world.filer.is_active = False
    world.filer.save()
    assert visible(world.filer) == set()
    assert visible(AnonymousUser()) == set()


def test_object_permissions_agree_with_the_visibility_rule_for_every_role_and_case(world: World) -> None:
    outsider = MembershipFactory.create(
        organisation=OrganisationFactory.create(), user__role=User.Role.CASEWORKER
    ).user
    users = [world.filer, world.caseworker, world.reviewer, world.admin, outsider, UserFactory.create()]
    for user in users:
        for communication in Communication.objects.all():
            expected = communication.pk in visible(user)
            assert user.has_perm("complaints.view_communication", communication) is expected


def test_the_filer_and_the_handling_caseworker_may_change_a_draft_and_nobody_a_submitted_case(
    world: World,
) -> None:
    assert world.filer.has_perm("complaints.change_communication", world.mine)
    assert world.caseworker.has_perm("complaints.change_communication", world.mine)
    assert not world.reviewer.has_perm("complaints.change_communication", world.mine)
    world.mine.status = Communication.Status.SUBMITTED
    # (An administrator who is a Django superuser passes every has_perm; the services refuse too.)
    for user in (world.filer, world.caseworker):
        assert not user.has_perm("complaints.change_communication", world.mine)
        for part in ("person", "claim", "domesticremedy", "otherprocedure", "document"):
            assert not user.has_perm(f"complaints.delete_{part}", world.mine)
    assert world.caseworker.has_perm("complaints.transition_communication", world.mine)


def test_communication_access_is_one_door_404_for_the_unseen_403_for_the_refused(world: World) -> None:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from complaints.permissions import communication_access

    assert communication_access(world.filer, world.mine.reference) == world.mine
    for reference in (world.theirs.reference, "not-a-reference", "\x00"):
        with pytest.raises(Http404):
            communication_access(world.filer, reference)
    with pytest.raises(PermissionDenied):
        communication_access(world.reviewer, world.mine.reference, "change")
    Communication.objects.filter(pk=world.mine.pk).update(status=Communication.Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        communication_access(world.caseworker, world.mine.reference, "change")
    assert communication_access(world.caseworker, world.mine.reference, "transition") == world.mine


def test_only_the_handling_caseworker_may_record_transitions(world: World) -> None:
    assert world.caseworker.has_perm("complaints.transition_communication", world.mine)
    assert not world.caseworker.has_perm("complaints.transition_communication", world.theirs)
    assert not world.filer.has_perm("complaints.transition_communication", world.mine)
    # The office reviews sent, open cases only: not a draft, not a closed case.
    assert not world.reviewer.has_perm("complaints.triage_communication", world.mine)
    for status, reviewed in (("submitted", True), ("transmitted", True), ("closed", False)):
        world.mine.status = status
        assert world.reviewer.has_perm("complaints.triage_communication", world.mine) is reviewed
    world.theirs.status = "submitted"
    assert not world.reviewer.has_perm("complaints.triage_communication", world.theirs)
