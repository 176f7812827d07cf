"""Hostile input to the API: a 400 (or a 404 for a path) with a clear error, never a server error."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest
from rest_framework.test import APIClient

from complaints.models import User

from ..conftest import World
from .test_api import FACTS

pytestmark = pytest.mark.django_db

ASSESS = "/api/v1/admissibility/assess"


def with_facts(tail: str) -> str:
    """The valid facts as JSON text, with ``tail`` (raw JSON text) added as their last member."""
    return json.dumps(FACTS)[:-1] + ", " + tail + "}"


def send(client: APIClient, method: str, url: str, body: bytes | str) -> Any:
    # The test client sends bytes as they are; its stubs only say str.
    return client.generic(method, url, cast(str, body), content_type="application/json")


def api(user: User | None = None) -> APIClient:
    client = APIClient()
    client.raise_request_exception = False
    if user is not None:
        client.force_authenticate(user)
    return client


# (body, the field the 400 names, or None when the fault is the whole document)
HOSTILE_BODIES = [
    pytest.param("[" * 100_000 + "]" * 100_000, None, id="100,000 nested lists"),
    pytest.param('{"a":' * 100_000 + "1" + "}" * 100_000, None, id="100,000 nested objects"),
    pytest.param(with_facts('"facts": ' + "[" * 5_000 + "]" * 5_000), None, id="nesting inside a field"),
    pytest.param("[" * 100_000, None, id="100,000 unclosed lists"),
    pytest.param("[" * 33 + "]" * 33, None, id="33 levels, one past the limit"),
    pytest.param(with_facts('"documents_count": NaN'), "documents_count", id="NaN"),
    pytest.param(with_facts('"documents_count": -Infinity'), "documents_count", id="-Infinity"),
    pytest.param(with_facts('"documents_count": 1e999'), "documents_count", id="a float out of range"),
    pytest.param(
        with_facts('"documents_count": ' + "9" * 5_000), "documents_count", id="a 5000-digit number"
    ),
    pytest.param(
        with_facts('"claims": [{"instrument": "CRC", "article": ' + "9" * 40 + "}]"),
        "claims[0].article",
        id="a 40-digit article",
    ),
    pytest.param(with_facts('"documents_count": 1.5'), "documents_count", id="a fraction for a count"),
    pytest.param(
        with_facts('"late_submission_reason": "\\ud800"'), "late_submission_reason", id="a lone surrogate"
    ),
    pytest.param(with_facts('"\\udc00": 1'), "\\udc00", id="a lone surrogate in a name"),
    pytest.param(with_facts('"state": "\\u0000AZ"'), "state", id="a NUL in the state"),
    pytest.param(with_facts('"author": []'), "author", id="a list for an object"),
    pytest.param(with_facts('"victims": {}'), "victims", id="an object for a list"),
    pytest.param(with_facts('"claims": [[1]]'), "claims[0]", id="a list for a list item"),
    pytest.param(with_facts('"in_writing": "true"'), "in_writing", id="text for a boolean"),
    pytest.param(with_facts('"assessed_on": "2023-02-30"'), "assessed_on", id="an impossible date"),
    pytest.param(with_facts('"assessed_on": {}'), "assessed_on", id="an object for a date"),
    pytest.param("[]", "$", id="a list at the top"),
    pytest.param('"facts"', "$", id="text at the top"),
    pytest.param("null", "$", id="null at the top"),
    pytest.param("{not json", None, id="not json"),
    pytest.param("   ", None, id="only blanks"),
    pytest.param("\ufeff" + json.dumps(FACTS), None, id="a byte order mark"),
    pytest.param(json.dumps(FACTS).encode() + b"\xff", None, id="bytes that are not UTF-8"),
    pytest.param(json.dumps(FACTS) + " []", None, id="two documents"),
]


@pytest.mark.parametrize(("body", "field"), HOSTILE_BODIES)
def test_a_hostile_assessment_body_is_a_400_naming_the_field_at_fault(
    body: str | bytes, field: str | None
) -> None:
    response = send(api(), "POST", ASSESS, body)
    assert response.status_code == 400, response.content[:300]
    errors = response.json()["errors"]
    assert all(messages and all(isinstance(m, str) and m for m in messages) for messages in errors.values())
    if field is not None:
        assert field in errors


def test_an_assessment_body_nested_32_levels_deep_is_read_and_its_fields_checked() -> None:
    response = send(api(), "POST", ASSESS, with_facts('"facts": ' + "[" * 31 + "]" * 31))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["facts"]


def test_a_body_larger_than_django_allows_is_a_400_in_json(settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = send(api(), "POST", ASSESS, with_facts('"late_submission_reason": "' + "x" * 20_000 + '"'))
    assert response.status_code == 400
    assert "10000 bytes" in json.dumps(response.json())


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", "/api/v1/communications/"),
        ("PATCH", "/api/v1/communications/{mine}/"),
        ("POST", "/api/v1/communications/{mine}/transitions/"),
        ("POST", "/api/v1/people/"),
        ("PATCH", "/api/v1/claims/{claim}/"),
    ],
)
@pytest.mark.parametrize(
    "body",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="100,000 nested lists"),
        pytest.param('{"title": "\\ud800", "version": 1}', id="a lone surrogate"),
        pytest.param('{"dossier_language": "\\ud800", "version": 1}', id="a lone surrogate in a choice"),
        pytest.param('{"\\ud800": 1, "version": 1}', id="a lone surrogate in a name"),
        pytest.param('{"version": NaN}', id="NaN"),
        pytest.param('{"version": ' + "9" * 5_000 + "}", id="a 5000-digit number"),
    ],
)
def test_a_hostile_body_to_any_writing_route_is_a_400(world: World, method: str, url: str, body: str) -> None:
    claim = world.mine.claims.get()
    response = send(
        api(world.caseworker), method, url.format(mine=world.mine.reference, claim=claim.pk), body
    )
    assert response.status_code == 400, response.content[:300]
    assert response.json()
