"""Drafts and their parts written through the API: the same rules and services as the wizard."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from complaints.models import Communication, Invitation, Person, User
from tests.conftest import World
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def api(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_caseworker_starts_a_draft_for_their_organisation_through_the_api(world: World) -> None:
    response = api(world.caseworker).post(
        "/api/v1/communications/", {"title": "School exclusion", "state": "KAZ"}, format="json"
    )
    assert response.status_code == 201, response.json()
    communication = Communication.objects.get(reference=response.json()["reference"])
    assert communication.organisation == world.ngo
    assert communication.assignee == world.caseworker
    assert communication.audience == Communication.Audience.ADULT
    assert communication.author_is_victim is False
    assert communication.title == "School exclusion"


def test_a_caseworker_of_two_organisations_must_name_one(world: World) -> None:
    MembershipFactory.create(user=world.caseworker, organisation=OrganisationFactory.create())
    client = api(world.caseworker)
    refused = client.post("/api/v1/communications/", {}, format="json")
    assert refused.status_code == 400
    assert "organisation" in refused.json()
    chosen = client.post("/api/v1/communications/", {"organisation": world.ngo.pk}, format="json")
    assert chosen.status_code == 201
    assert Communication.objects.get(reference=chosen.json()["reference"]).organisation == world.ngo


def test_a_caseworkers_draft_keeps_adult_mode(world: World) -> None:
    response = api(world.caseworker).post("/api/v1/communications/", {"audience": "under_12"}, format="json")
    assert response.status_code == 400
    assert "audience" in response.json()
    assert not Communication.objects.filter(filer=world.caseworker).exists()


def test_a_filer_starts_their_own_draft_and_cannot_name_an_organisation(world: World) -> None:
    client = api(world.filer)
    assert (
        client.post("/api/v1/communications/", {"organisation": world.ngo.pk}, format="json").status_code
        == 400
    )
    response = client.post("/api/v1/communications/", {"audience": "12_17"}, format="json")
    assert response.status_code == 201
    communication = Communication.objects.get(reference=response.json()["reference"])
    assert communication.organisation is None
    assert communication.audience == "12_17"


def test_changing_a_draft_needs_the_version_read_and_a_stale_one_changes_nothing(world: World) -> None:
    client = api(world.caseworker)
    url = f"/api/v1/communications/{world.mine.reference}/"
    version = client.get(url).json()["version"]
    assert client.patch(url, {"facts_summary": "No version"}, format="json").status_code == 400

    saved = client.patch(url, {"version": version, "facts_summary": "The school refused her."}, format="json")
    assert saved.status_code == 200
    assert saved.json()["version"] == version + 1

    stale = client.patch(url, {"version": version, "facts_summary": "Overwritten?"}, format="json")
    assert stale.status_code == 409
    assert stale.json()["version"] == version + 1
    world.mine.refresh_from_db()
    assert world.mine.facts_summary == "The school refused her."


def test_a_submitted_communication_cannot_be_changed_through_the_api(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(status=Communication.Status.SUBMITTED)
    response = api(world.caseworker).patch(
        f"/api/v1/communications/{world.mine.reference}/", {"version": 1, "title": "x"}, format="json"
    )
    assert response.status_code == 409


def test_nobody_changes_a_case_they_only_read(world: World) -> None:
    url = f"/api/v1/communications/{world.mine.reference}/"
    assert api(world.reviewer).patch(url, {"version": 1, "title": "x"}, format="json").status_code == 403
    child = UserFactory.create(role=User.Role.FILER)
    Invitation.objects.create(
        communication=world.mine,
        role="child",
        language="en",
        token_sha256="x" * 64,
        expires_at="2100-01-01T00:00Z",
        accepted_by=child,
    )
    assert api(child).get(url).status_code == 200
    assert api(child).patch(url, {"version": 1, "title": "x"}, format="json").status_code == 403
    people = api(child).post(
        "/api/v1/people/", {"communication": str(world.mine.reference), "role": "victim"}, format="json"
    )
    assert people.status_code == 403


def test_another_organisations_caseworker_cannot_change_or_add_to_a_case(world: World) -> None:
    outsider = MembershipFactory.create().user
    url = f"/api/v1/communications/{world.theirs.reference}/"
    assert api(world.caseworker).patch(url, {"version": 1, "title": "x"}, format="json").status_code == 404
    response = api(outsider).post(
        "/api/v1/claims/",
        {"communication": str(world.mine.reference), "instrument": "CRC", "article": 28},
        format="json",
    )
    # The same answer as for a made-up reference: it does not tell that the case exists.
    assert response.status_code == 400
    assert list(response.json()) == ["communication"]
    assert world.mine.claims.count() == 1


def test_a_caseworker_adds_changes_and_removes_a_child_on_a_draft(world: World) -> None:
    client = api(world.caseworker)
    version = Communication.objects.get(pk=world.mine.pk).version
    added = client.post(
        "/api/v1/people/",
        {
            "communication": str(world.mine.reference),
            "role": "victim",
            "given_name": "Dana",
            "family_name": "Sarsenbayeva",
            "date_of_birth": "2013-05-02",
            "consent": "given",
            "consent_on": "2026-11-01",
        },
        format="json",
    )
    assert added.status_code == 201, added.json()
    person_id = added.json()["id"]
    assert added.json()["communication"] == str(world.mine.reference)
    assert Communication.objects.get(pk=world.mine.pk).version == version + 1

    changed = client.patch(f"/api/v1/people/{person_id}/", {"given_name": "Dana-Aru"}, format="json")
    assert changed.status_code == 200
    assert Person.objects.get(pk=person_id).given_name == "Dana-Aru"

    moved = client.patch(
        f"/api/v1/people/{person_id}/", {"communication": str(world.theirs.reference)}, format="json"
    )
    assert moved.status_code == 400
    assert Person.objects.get(pk=person_id).communication_id == world.mine.pk

    assert client.delete(f"/api/v1/people/{person_id}/").status_code == 204
    assert not Person.objects.filter(pk=person_id).exists()
    assert Communication.objects.get(pk=world.mine.pk).version == version + 3


def test_a_claim_outside_the_convention_is_refused_with_the_field_named(world: World) -> None:
    response = api(world.caseworker).post(
        "/api/v1/claims/",
        {"communication": str(world.mine.reference), "instrument": "CRC", "article": 99},
        format="json",
    )
    assert response.status_code == 400
    assert "article" in response.json()


def test_parts_of_a_submitted_case_are_not_changed_through_the_api(world: World) -> None:
    submitted = CommunicationFactory.create(organisation=world.ngo, status=Communication.Status.SUBMITTED)
    response = api(world.caseworker).post(
        "/api/v1/remedies/",
        {"communication": str(submitted.reference), "authority": "Supreme Court"},
        format="json",
    )
    assert response.status_code == 409
    assert not submitted.remedies.exists()


def test_a_court_step_decided_before_it_started_is_refused_through_the_api(world: World) -> None:
    response = api(world.caseworker).post(
        "/api/v1/remedies/",
        {
            "communication": str(world.mine.reference),
            "authority": "District court",
            "started_on": "2025-05-01",
            "decided_on": "2025-04-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "decided_on" in response.json()


def test_a_final_decision_without_a_date_is_refused_through_the_api(world: World) -> None:
    response = api(world.caseworker).post(
        "/api/v1/remedies/",
        {"communication": str(world.mine.reference), "authority": "Supreme court", "is_final": True},
        format="json",
    )
    assert response.status_code == 400
    assert "decided_on" in response.json()


def test_a_change_that_breaks_a_steps_dates_is_refused_through_the_api(world: World) -> None:
    remedy = world.mine.remedies.get()
    response = api(world.caseworker).patch(
        f"/api/v1/remedies/{remedy.pk}/", {"is_final": True, "decided_on": None}, format="json"
    )
    assert response.status_code == 400
    remedy.refresh_from_db()


def test_steps_added_through_the_api_are_numbered_in_order_without_ties(world: World) -> None:
    client = api(world.caseworker)
    for authority in ("Appeal court", "Supreme court"):
        response = client.post(
            "/api/v1/remedies/",
            {"communication": str(world.mine.reference), "authority": authority},
            format="json",
        )
        assert response.status_code == 201, response.json()
    steps = list(world.mine.remedies.order_by("position").values_list("position", "authority"))
    assert [position for position, _ in steps] == list(range(len(steps)))
    assert [authority for _, authority in steps][-2:] == ["Appeal court", "Supreme court"]
    first = world.mine.remedies.order_by("position").first()
    assert first is not None
    client.delete(f"/api/v1/remedies/{first.pk}/")
    positions = list(world.mine.remedies.order_by("position").values_list("position", flat=True))
    assert positions == list(range(len(positions)))


def test_the_api_writes_exactly_the_fields_the_wizard_steps_declare(world: World) -> None:
    from complaints.api.serializers import DraftUpdateSerializer
    from complaints.wizard_pages import COMMUNICATION_FIELDS

    assert set(DraftUpdateSerializer.Meta.fields) == {"version", *COMMUNICATION_FIELDS}
    world.mine.refresh_from_db()
    response = api(world.filer).patch(
        f"/api/v1/communications/{world.mine.reference}/",
        {"version": world.mine.version, "previously_examined_by_committee": False},
        format="json",
    )
    assert response.status_code == 200, response.json()
    world.mine.refresh_from_db()
    assert world.mine.previously_examined_by_committee is False
