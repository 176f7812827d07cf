"""schemathesis generates requests from the OpenAPI schema: no server error and no schema violation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error, response_schema_conformance

from tests.conftest import World

# Django is set up by pytest-django before collection; the schema view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Keep the test's database connection open across requests, as Django's own test client does.

    The raw WSGI handler would close it at the end of each request (a connection inside the
    test's transaction counts as unusable), which PostgreSQL, unlike SQLite, then reports.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
@pytest.mark.django_db
def test_every_api_operation_answers_generated_requests_without_error_or_schema_violation(
    case: Any, world: World
) -> None:
    token, _ = Token.objects.get_or_create(user=world.caseworker)
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"},
        checks=[not_a_server_error, response_schema_conformance],
    )


@pytest.mark.django_db
def test_the_schema_marks_the_version_a_draft_change_needs_as_required() -> None:
    document = APIClient().get("/api/schema/?format=json").json()
    operation = document["paths"]["/api/v1/communications/{reference}/"]["patch"]
    assert operation["requestBody"]["required"] is True
    for content in operation["requestBody"]["content"].values():
        name = content["schema"]["$ref"].rsplit("/", 1)[-1]
        component = document["components"]["schemas"][name]
        assert component["required"] == ["version"]
        assert "title" in component["properties"]
    assert "409" in operation["responses"]


@pytest.mark.django_db
def test_the_schema_keeps_every_field_of_a_part_optional_when_it_is_changed() -> None:
    document = APIClient().get("/api/schema/?format=json").json()
    operation = document["paths"]["/api/v1/people/{id}/"]["patch"]
    name = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "required" not in document["components"]["schemas"][name]
