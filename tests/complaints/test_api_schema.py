"""schemathesis generates requests from the OpenAPI schema: no server error and no schema violation."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error, response_schema_conformance

from ..conftest import World

# Django is set up by pytest-django before collection; the schema view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())


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
