import pytest


@pytest.fixture(autouse=True)
def _require_services(services_up: None) -> None:
    """Every integration test needs PostgreSQL and Redis (see tests/conftest.py)."""
