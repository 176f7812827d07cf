"""Later letters of the Committee whose time limit it sets case by case: a State's request to
examine admissibility separately (rule 18(5)) and further follow-up (OPIC art. 11(2)), recorded
on the dispatch page; their deadlines appear and close; erasure drops their notes."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from complaints.dispatch.services import DispatchRefused, procedure_request_record
from complaints.models import Communication, Deadline, ProcedureRequest
from complaints.privacy.erasure import communication_erase
from complaints.privacy.export import communication_export
from tests.conftest import World, login

pytestmark = pytest.mark.django_db


def at(world: World, status: str, **dates: date) -> Communication:
    Communication.objects.filter(pk=world.mine.pk).update(
        status=status, submitted_on=date(2025, 1, 5), registered_on=date(2025, 1, 20), **dates
    )
    world.mine.refresh_from_db()
    return world.mine


def deadline(case: Communication, kind: str) -> Deadline:
    return Deadline.objects.get(communication=case, kind=kind)


def test_a_separate_admissibility_request_opens_the_authors_comments_and_the_answer_closes_them(
    world: World,
) -> None:
    case = at(world, "transmitted", transmitted_on=date(2025, 2, 28))
    client = login(world.caseworker)
    page = reverse("complaints:dispatch", args=[case.reference])
    response = client.post(
        reverse("complaints:dispatch_procedure_request", args=[case.reference]),
        {
            "later-kind": "separate_admissibility",
            "later-requested_on": "2025-04-30",
            "later-due_on": "2025-06-30",
            "later-note": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == page
    found = deadline(case, "admissibility_comments")
    assert (found.anchor_on, found.due_on, found.status) == (date(2025, 4, 30), date(2025, 6, 30), "open")
    assert "rule 18(5)" in found.source
    # The State's six months keep running: the request does not stop them.
    assert deadline(case, "state_explanations").due_on == date(2025, 8, 28)
    request = ProcedureRequest.objects.get()
    client.post(
        reverse("complaints:dispatch_procedure_request_answered", args=[case.reference, request.pk]),
        {"later-answered_on": "2025-06-27"},
    )
    found.refresh_from_db()
    assert (found.status, found.met_on) == ("met", date(2025, 6, 27))
    assert "Answered on" in client.get(page).content.decode()


def test_further_follow_up_is_recorded_after_the_views_and_refused_before_them(world: World) -> None:
    case = at(world, "transmitted", transmitted_on=date(2025, 2, 28))
    with pytest.raises(DispatchRefused, match="cannot get this request"):
        procedure_request_record(
            user=world.caseworker,
            reference=case.reference,
            kind="further_follow_up",
            requested_on=date(2025, 4, 1),
            due_on=date(2025, 6, 1),
        )
    case = at(world, "follow_up", views_adopted_on=date(2025, 8, 31), follow_up_received_on=date(2026, 2, 1))
    procedure_request_record(
        user=world.caseworker,
        reference=case.reference,
        kind="further_follow_up",
        requested_on=date(2026, 5, 29),
        due_on=date(2026, 8, 31),
    )
    found = deadline(case, "further_follow_up")
    assert (found.due_on, found.status) == (date(2026, 8, 31), "open")
    assert "art. 11(2)" in found.source


def test_a_bad_request_is_refused_with_its_reason_and_nothing_is_recorded(world: World) -> None:
    case = at(world, "transmitted", transmitted_on=date(2025, 2, 28))
    with pytest.raises(DispatchRefused, match="due before"):
        procedure_request_record(
            user=world.caseworker,
            reference=case.reference,
            kind="separate_admissibility",
            requested_on=date(2025, 4, 30),
            due_on=date(2025, 4, 29),
        )
    response = login(world.filer).post(
        reverse("complaints:dispatch_procedure_request", args=[case.reference]),
        {
            "later-kind": "separate_admissibility",
            "later-requested_on": "2025-04-30",
            "later-due_on": "2025-06-30",
        },
    )
    assert response.status_code == 403  # the filer does not record the lifecycle
    assert not ProcedureRequest.objects.exists()
    assert not Deadline.objects.filter(communication=case, kind="admissibility_comments").exists()


def test_export_carries_the_requests_and_erasure_drops_their_notes(world: World) -> None:
    case = at(world, "transmitted", transmitted_on=date(2025, 2, 28))
    procedure_request_record(
        user=world.caseworker,
        reference=case.reference,
        kind="separate_admissibility",
        requested_on=date(2025, 4, 30),
        due_on=date(2025, 6, 30),
        note="About Aliya's school",
    )
    export = communication_export(user=world.filer, reference=case.reference)
    assert [row["note"] for row in export.data["procedure_requests"]] == ["About Aliya's school"]
    communication_erase(user=world.filer, reference=case.reference)
    assert ProcedureRequest.objects.get().note == ""
