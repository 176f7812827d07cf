"""The API and the admin show what was sent and what the Committee asked, and inquiries, through
the same rules as the pages: read only, and nothing the caller may not see."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from complaints.inquiries.services import inquiry_create, inquiry_record_step
from complaints.models import (
    ClarificationRequest,
    Communication,
    Dispatch,
    ProcedureRequest,
    TreatyStatus,
    User,
)
from tests.conftest import World, login
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def api(user: User) -> APIClient:
    token, _created = Token.objects.get_or_create(user=user)
    return APIClient(headers={"authorization": f"Token {token.key}"})


def sent_and_asked(case: Communication) -> None:
    Communication.objects.filter(pk=case.pk).update(status="transmitted", submitted_on=date(2025, 1, 5))
    Dispatch.objects.create(
        communication=case,
        channel=Dispatch.Channel.EMAIL,
        sent_at=datetime(2025, 1, 6, 9, tzinfo=UTC),
        sent_on=date(2025, 1, 6),
        recipient="petitions@ohchr.org",
        message_id="<m1@opic-portal>",
    )
    ClarificationRequest.objects.create(
        communication=case, requested_on=date(2025, 1, 9), due_on=date(2025, 2, 9)
    )
    ProcedureRequest.objects.create(
        communication=case,
        kind="separate_admissibility",
        requested_on=date(2025, 4, 30),
        due_on=date(2025, 6, 30),
    )


@pytest.mark.parametrize("path", ["dispatches", "clarification-requests", "committee-requests"])
def test_the_api_lists_what_was_sent_and_asked_only_for_cases_the_caller_sees(
    world: World, path: str
) -> None:
    sent_and_asked(world.mine)
    sent_and_asked(world.theirs)
    rows = api(world.caseworker).get(f"/api/v1/{path}/").json()["results"]
    assert [row["communication"] for row in rows] == [str(world.mine.reference)]
    assert api(world.caseworker).post(f"/api/v1/{path}/", {}).status_code in (403, 405)
    models: dict[str, type[Dispatch | ClarificationRequest | ProcedureRequest]] = {
        "dispatches": Dispatch,
        "clarification-requests": ClarificationRequest,
        "committee-requests": ProcedureRequest,
    }
    theirs_id = models[path]._default_manager.get(communication=world.theirs).pk
    assert api(world.caseworker).get(f"/api/v1/{path}/{theirs_id}/").status_code == 404


def test_the_api_shows_an_inquiry_with_its_deadlines_to_its_organisation_only(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 1, 11, tzinfo=UTC))
    inquiry = inquiry_create(
        user=world.caseworker,
        state=TreatyStatus.objects.get(iso3="KAZ"),
        organisation=world.ngo,
        title="Children in closed institutions",
        summary="",
        submitted_on=date(2026, 1, 12),
    )
    inquiry_record_step(
        user=world.caseworker,
        reference=inquiry.reference,
        step="cooperation_invited",
        on=date(2026, 2, 2),
        due_on=date(2026, 4, 2),
    )
    inquiry_record_step(
        user=world.caseworker, reference=inquiry.reference, step="findings_transmitted", on=date(2026, 8, 31)
    )
    body = api(world.caseworker).get(f"/api/v1/inquiries/{inquiry.reference}/").json()
    assert body["state"] == "KAZ"
    assert [(d["kind"], d["due_on"], d["state"]) for d in body["deadlines"]] == [
        ("inquiry_cooperation", "2026-04-02", "open"),
        ("inquiry_findings", "2027-02-28", "open"),
    ]
    stranger = MembershipFactory.create().user
    assert api(stranger).get(f"/api/v1/inquiries/{inquiry.reference}/").status_code == 404
    assert api(stranger).get("/api/v1/inquiries/").json()["results"] == []


def test_the_admin_reads_dispatches_and_requests_and_changes_none(world: World) -> None:
    sent_and_asked(world.mine)
    admin = login(world.admin)
    for model in ("dispatch", "clarificationrequest", "procedurerequest"):
        assert admin.get(reverse(f"admin:complaints_{model}_changelist")).status_code == 200
        assert admin.get(reverse(f"admin:complaints_{model}_add")).status_code == 403
    sent = Dispatch.objects.get(communication=world.mine)
    response = admin.post(
        reverse("admin:complaints_dispatch_change", args=[sent.pk]), {"recipient": "x@example.org"}
    )
    assert response.status_code == 403
    sent.refresh_from_db()
    assert sent.recipient == "petitions@ohchr.org"
