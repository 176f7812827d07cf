"""Hostile input to the API: a 400 (or a 404 for a path) with a clear error, never a server error."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest
from rest_framework.test import APIClient

from complaints.models import Claim, DomesticRemedy, OtherProcedure, Person, User
from tests.complaints.test_api import FACTS
from tests.conftest import World

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


# ---- Finding 2: malformed references and NULs in query parameters and paths. ----

PARTS = ["people", "claims", "remedies", "procedures", "documents", "events", "deadlines", "dossiers"]
DRAFT_PARTS = ["people", "claims", "remedies", "procedures"]


def part_routes() -> list[tuple[str, str]]:
    """Every route that reads ?communication=: each part's list, and each method on one part."""
    routes = [("GET", f"/api/v1/{part}/") for part in PARTS]
    routes += [("GET", f"/api/v1/{part}/{{part_id}}/") for part in PARTS]
    routes += [
        (method, f"/api/v1/{part}/{{part_id}}/") for part in DRAFT_PARTS for method in ("PATCH", "DELETE")
    ]
    return routes


def single_object_routes() -> list[tuple[str, str]]:
    """Every route whose path names one object, with {key} where the path names it."""
    routes = [
        ("GET", "/api/v1/communications/{key}/"),
        ("PATCH", "/api/v1/communications/{key}/"),
        ("POST", "/api/v1/communications/{key}/transitions/"),
    ]
    routes += [("GET", f"/api/v1/{part}/{{key}}/") for part in PARTS]
    routes += [(method, f"/api/v1/{part}/{{key}}/") for part in DRAFT_PARTS for method in ("PATCH", "DELETE")]
    return routes


BAD_REFERENCES = ["notauuid", "%00", "a%00b", "%ff%fe", "x" * 300, "00000000-0000-0000-0000-00000000000%00"]
BAD_PATH_KEYS = ["notauuid", "%00", "a%00b", "%ff%fe", "9" * 30, "-1", "0" * 36, "-" * 36, "%2e%2e"]


def part_id(world: World, url: str) -> int:
    """The id of a part of ``world.mine`` of the kind the url names (0 when the case has none)."""
    model = {"people": Person, "claims": Claim, "remedies": DomesticRemedy, "procedures": OtherProcedure}
    kind = url.split("/")[3]
    part = model[kind]._default_manager.filter(communication=world.mine).first() if kind in model else None
    return part.pk if part is not None else 0


@pytest.mark.parametrize(("method", "url"), part_routes())
def test_a_malformed_case_reference_in_the_query_is_a_400_on_every_route_that_reads_one(
    world: World, method: str, url: str
) -> None:
    client = api(world.caseworker)
    url = url.format(part_id=part_id(world, url))
    answers = {value: send(client, method, f"{url}?communication={value}", "{}") for value in BAD_REFERENCES}
    assert {value: r.status_code for value, r in answers.items()} == dict.fromkeys(BAD_REFERENCES, 400)
    assert all("communication" in r.json() for r in answers.values())


LIST_QUERIES = [
    "page=%00",
    "page=notanumber",
    "page=" + "9" * 5_000,
    "status=%00",
    "state=%00",
    "verdict=%00",
    "dossier_language=%00",
    "search=%00",
]


@pytest.mark.parametrize("url", ["/api/v1/communications/", *[f"/api/v1/{part}/" for part in PARTS]])
def test_a_malformed_value_in_any_query_parameter_of_a_list_is_a_400(world: World, url: str) -> None:
    client = api(world.caseworker)
    statuses = {query: client.get(f"{url}?{query}").status_code for query in LIST_QUERIES}
    # The lists of parts filter by case only: they ignore the case's own filters.
    expected = {
        query: 400 if query.startswith("page=") or url.endswith("/communications/") else 200
        for query in LIST_QUERIES
    }
    assert statuses == expected


def test_a_nul_in_a_query_parameter_a_list_ignores_is_never_a_server_error(world: World) -> None:
    client = api(world.caseworker)
    queries = ["ordering=%00", "is_urgent=%00", "ordering=-%00", "unknown=%00"]
    statuses = {query: client.get(f"/api/v1/communications/?{query}").status_code for query in queries}
    assert statuses == dict.fromkeys(queries, 200)


@pytest.mark.parametrize(("method", "url"), single_object_routes())
def test_a_malformed_key_in_the_path_of_any_single_object_route_is_a_404(
    world: World, method: str, url: str
) -> None:
    client = api(world.caseworker)
    statuses = {key: send(client, method, url.format(key=key), "{}").status_code for key in BAD_PATH_KEYS}
    assert statuses == dict.fromkeys(BAD_PATH_KEYS, 404)


# ---- Finding 3: another's case and a made-up one get the same answer, on every route. ----

MADE_UP = "00000000-0000-4000-8000-000000000000"


def reference_routes() -> list[tuple[str, str, str]]:
    """(method, url, body) of every route taking a case reference, with {ref} where it goes."""
    routes = [
        ("GET", "/api/v1/communications/{ref}/", "{}"),
        ("PATCH", "/api/v1/communications/{ref}/", '{"version": 1, "title": "x"}'),
        ("POST", "/api/v1/communications/{ref}/transitions/", '{"to": "transmitted", "on": "2025-06-02"}'),
    ]
    routes += [("GET", f"/api/v1/{part}/?communication={{ref}}", "{}") for part in PARTS]
    routes += [("GET", f"/api/v1/{part}/{{part_id}}/?communication={{ref}}", "{}") for part in PARTS]
    for part in DRAFT_PARTS:
        routes += [
            ("PATCH", f"/api/v1/{part}/{{part_id}}/?communication={{ref}}", "{}"),
            ("DELETE", f"/api/v1/{part}/{{part_id}}/?communication={{ref}}", "{}"),
            ("POST", f"/api/v1/{part}/", '{"communication": "{ref}"}'),
            ("PATCH", f"/api/v1/{part}/{{part_id}}/", '{"communication": "{ref}"}'),
        ]
    return routes


@pytest.mark.parametrize(("method", "url", "body"), reference_routes())
def test_another_users_case_and_a_made_up_reference_get_the_same_answer(
    world: World, method: str, url: str, body: str
) -> None:
    for role in ("filer", "caseworker", "reviewer"):
        client = api(getattr(world, role))
        answers = []
        for reference in (str(world.theirs.reference), MADE_UP):
            filled = url.replace("{part_id}", str(part_id(world, url))).replace("{ref}", reference)
            response = send(client, method, filled, body.replace("{ref}", reference))
            answers.append((response.status_code, response.content.replace(reference.encode(), b"<ref>")))
        assert answers[0] == answers[1], role
        # 403: a reviewer may not change the part of their own case they would move.
        assert answers[0][0] in {400, 403, 404}, (role, answers[0])
