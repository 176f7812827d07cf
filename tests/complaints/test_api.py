from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ..conftest import World

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
        "OPIC-1-3", "OPIC-1-2", "OPIC-5-2", "OPIC-7-a", "OPIC-7-b", "OPIC-7-c",
        "OPIC-7-d", "OPIC-7-e", "OPIC-7-f", "OPIC-7-g", "OPIC-7-h",
    ]  # fmt: skip


def test_facts_before_kazakhstan_joined_make_the_communication_inadmissible() -> None:
    facts = {
        **FACTS,
        "facts": {"summary": "x", "start": "2023-01-01", "end": "2024-05-06", "continuing": False},
    }
    body = APIClient().post("/api/v1/admissibility/assess", facts, format="json").json()
    assert body["verdict"] == "inadmissible"
    finding = next(f for f in body["findings"] if f["criterion"] == "OPIC-7-g")
    assert finding["outcome"] == "not_met"


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
