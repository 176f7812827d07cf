from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from complaints.adapters import forget_treaty_table
from complaints.api.serializers import CommunicationSerializer
from complaints.models import TreatyStatus
from tests.conftest import World

pytestmark = pytest.mark.django_db

FACTS = {
    "assessed_on": "2025-03-01",
    "state": "KAZ",
    "in_writing": True,
    "author": {"identified": True, "is_victim": False},
    "victims": [{"identified": True, "date_of_birth": "2012-04-01", "consent": "given"}],
    "claims": [{"instrument": "CRC", "article": 19, "explanation": "Beaten at school."}],
    "facts": {
        "summary": "A teacher hit the child.",
        "start": "2024-06-01",
        "end": "2024-10-01",
        "continuing": False,
    },
    "domestic_remedies": {"exhausted": True, "final_decision_on": "2024-11-20"},
    "previously_examined_by_committee": False,
    "other_procedures": [],
    "documents_count": 3,
}


def test_the_assessment_endpoint_returns_the_verdict_file_by_date_and_all_findings() -> None:
    response = APIClient().post("/api/v1/admissibility/assess", FACTS, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["verdict"] == "admissible_prima_facie"
    assert body["file_by"] == "2025-11-20"
    assert [f["criterion"] for f in body["findings"]] == [
        "OPIC-1-3", "OPIC-1-2", "OPIC-5-1", "OPIC-5-2", "OPIC-7-a", "OPIC-7-b",
        "OPIC-7-c", "OPIC-7-d", "OPIC-7-e", "OPIC-7-f", "OPIC-7-g", "OPIC-7-h",
    ]  # fmt: skip


def test_facts_before_kazakhstan_joined_make_the_communication_inadmissible() -> None:
    facts = {
        **FACTS,
        "facts": {"summary": "x", "start": "2023-01-01", "end": "2024-05-06", "continuing": False},
        "domestic_remedies": {"exhausted": True, "final_decision_on": "2024-05-01"},
    }
    body = APIClient().post("/api/v1/admissibility/assess", facts, format="json").json()
    assert body["verdict"] == "inadmissible"
    finding = next(f for f in body["findings"] if f["criterion"] == "OPIC-7-g")
    assert finding["outcome"] == "not_met"


def test_facts_before_kazakhstan_joined_with_a_final_decision_after_are_for_the_committee() -> None:
    """The final decision (20 November 2024) came after entry into force (7 May 2024): needs review."""
    facts = {
        **FACTS,
        "facts": {"summary": "x", "start": "2023-01-01", "end": "2024-05-06", "continuing": False},
    }
    body = APIClient().post("/api/v1/admissibility/assess", facts, format="json").json()
    assert body["verdict"] == "needs_review"
    finding = next(f for f in body["findings"] if f["criterion"] == "OPIC-7-g")
    assert finding["outcome"] == "needs_review"


def test_a_protocol_claim_against_a_state_not_party_to_it_is_left_out_and_the_rest_goes_on() -> None:
    """OPIC art. 1(2): only the claims under the instrument the State has not accepted are removed."""
    facts = {
        **FACTS,
        "claims": [
            {"instrument": "CRC", "article": 19, "explanation": "Beaten at school."},
            {"instrument": "OPAC", "article": 4, "explanation": "Recruited."},
        ],
    }
    TreatyStatus.objects.filter(iso3="KAZ").update(opac_party="no")
    forget_treaty_table()
    body = APIClient().post("/api/v1/admissibility/assess", facts, format="json").json()
    forget_treaty_table()
    assert body["verdict"] == "admissible_prima_facie"
    assert body["exclusions"] == [
        {
            "scope": "claims",
            "number": 2,
            "criterion": "OPIC-1-2",
            "reason": body["exclusions"][0]["reason"],
            "child_reason": body["exclusions"][0]["child_reason"],
            "citation": "OPIC art. 1(2), 5(1)",
        }
    ]
    assert "2" in body["exclusions"][0]["reason"]


def test_the_reasons_follow_the_accept_language_header() -> None:
    english = APIClient().post("/api/v1/admissibility/assess", FACTS, format="json").json()
    kazakh = (
        APIClient(headers={"accept-language": "kk"})
        .post("/api/v1/admissibility/assess", FACTS, format="json")
        .json()
    )
    assert english["verdict"] == kazakh["verdict"]
    assert english["findings"][0]["reason"] != kazakh["findings"][0]["reason"]


def test_bad_input_is_a_400_naming_the_field() -> None:
    facts = {**FACTS, "victims": [{"identified": True, "date_of_birth": "31-02-2012"}]}
    response = APIClient().post("/api/v1/admissibility/assess", facts, format="json")
    assert response.status_code == 400
    assert "victims[0].date_of_birth" in response.json()["errors"]


def test_the_communications_api_lists_only_what_the_user_may_see(world: World) -> None:
    client = APIClient()
    client.force_authenticate(world.filer)
    body = client.get("/api/v1/communications/").json()
    assert [row["reference"] for row in body["results"]] == [str(world.mine.reference)]
    assert client.get(f"/api/v1/communications/{world.theirs.reference}/").status_code == 404


def test_the_communications_api_refuses_anonymous_callers(world: World) -> None:
    assert APIClient().get("/api/v1/communications/").status_code in {401, 403}


def test_the_openapi_schema_is_served() -> None:
    response = APIClient().get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/admissibility/assess" in response.content


PART_ENDPOINTS = [
    "people",
    "claims",
    "remedies",
    "procedures",
    "documents",
    "events",
    "deadlines",
    "dossiers",
]


@pytest.mark.parametrize("endpoint", ["communications", *PART_ENDPOINTS])
@pytest.mark.parametrize("role", ["filer", "caseworker", "reviewer"])
def test_no_role_gets_data_of_another_organisations_case_from_any_endpoint(
    world: World, endpoint: str, role: str
) -> None:
    client = APIClient()
    client.force_authenticate(getattr(world, role))
    listing = client.get(f"/api/v1/{endpoint}/")
    assert listing.status_code == 200
    assert world.secret not in listing.content.decode()
    assert str(world.theirs.reference) not in listing.content.decode()
    filtered = client.get(f"/api/v1/{endpoint}/", {"communication": str(world.theirs.reference)})
    assert filtered.status_code in {200, 404}
    assert world.secret not in filtered.content.decode()


@pytest.mark.parametrize("endpoint", PART_ENDPOINTS)
def test_the_parts_of_a_visible_case_are_listed(world: World, endpoint: str) -> None:
    client = APIClient()
    client.force_authenticate(world.filer)
    body = client.get(f"/api/v1/{endpoint}/", {"communication": str(world.mine.reference)}).json()
    assert all(row["communication"] == str(world.mine.reference) for row in body["results"])


def test_a_caseworker_records_a_transmittal_through_the_api(world: World) -> None:
    world.mine.status = "registered"
    world.mine.save()
    client = APIClient()
    client.force_authenticate(world.caseworker)
    response = client.post(
        f"/api/v1/communications/{world.mine.reference}/transitions/",
        {"to": "transmitted", "on": "2025-06-02"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["transmitted_on"] == "2025-06-02"


def test_a_disallowed_transition_through_the_api_is_a_400_and_changes_nothing(world: World) -> None:
    client = APIClient()
    client.force_authenticate(world.caseworker)
    response = client.post(
        f"/api/v1/communications/{world.mine.reference}/transitions/",
        {"to": "views_adopted", "on": "2025-06-02"},
    )
    assert response.status_code == 400
    assert "to" in response.json()
    world.mine.refresh_from_db()
    assert world.mine.status == "draft"


def test_a_filer_cannot_record_transitions_through_the_api(world: World) -> None:
    client = APIClient()
    client.force_authenticate(world.filer)
    response = client.post(
        f"/api/v1/communications/{world.mine.reference}/transitions/", {"to": "submitted", "on": "2025-06-02"}
    )
    assert response.status_code == 403


def test_token_authentication_works(world: World) -> None:
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=world.filer)
    client = APIClient(headers={"authorization": f"Token {token.key}"})
    assert client.get("/api/v1/communications/").json()["count"] == 1


def test_the_api_lists_a_cases_filing_dossier_with_its_download_link_but_never_the_internal_one(
    world: World,
) -> None:
    from django.utils import timezone

    from complaints.models import Dossier

    for variant in ("filing", "internal"):
        Dossier.objects.create(
            communication=world.mine,
            variant=variant,
            status="ready",
            requested_version=1,
            communication_version=1,
            requested_at=timezone.now(),
        )
    client = APIClient()
    client.force_authenticate(world.caseworker)
    rows = client.get("/api/v1/dossiers/", {"communication": str(world.mine.reference)}).json()["results"]
    assert [row["variant"] for row in rows] == ["filing"]
    assert rows[0]["download_url"].endswith("/download/")


def test_every_serializer_of_a_case_gets_its_own_fields_though_they_are_worked_out_once() -> None:
    first, second = CommunicationSerializer(), CommunicationSerializer()
    assert list(first.fields) == list(second.fields) == CommunicationSerializer.Meta.fields
    assert all(field is not second.fields[name] for name, field in first.fields.items())
    assert first.fields["title"].parent is first
    assert second.fields["title"].parent is second
