"""System checks: `check --deploy` refuses a guessable secret key."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.checks import Tags, run_checks
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"


def deploy_check_ids() -> list[str]:
    return [message.id or "" for message in run_checks(tags=[Tags.security], include_deployment_checks=True)]


def keys_written_in_the_repository() -> list[str]:
    """Every DJANGO_SECRET_KEY value written in .env.example, the Dockerfile and the settings' default."""
    env_example = re.findall(r"^DJANGO_SECRET_KEY=(.*)$", (ROOT / ".env.example").read_text(), re.MULTILINE)
    dockerfile = re.findall(r"DJANGO_SECRET_KEY=(\S+)", (ROOT / "Dockerfile").read_text())
    settings = re.findall(
        r'^_DEV_SECRET_KEY = "(.*)"$', (ROOT / "portal/settings.py").read_text(), re.MULTILINE
    )
    keys = env_example + dockerfile + settings
    assert len(keys) == 3, keys
    return keys


@pytest.mark.parametrize("key", [*keys_written_in_the_repository(), "short-but-random-Zx81", "a" * 60])
def test_in_production_a_key_that_is_empty_short_or_a_placeholder_fails_the_deploy_check(key: str) -> None:
    with override_settings(DEBUG=False, SECRET_KEY=key):
        assert "portal.E001" in deploy_check_ids()


def test_in_production_a_long_random_key_passes() -> None:
    with override_settings(DEBUG=False, SECRET_KEY=GOOD_KEY):
        assert "portal.E001" not in deploy_check_ids()


def test_in_development_the_development_key_is_fine() -> None:
    with override_settings(DEBUG=True, SECRET_KEY="dev-only-insecure-key-never-use-in-production"):
        assert "portal.E001" not in deploy_check_ids()


def test_manage_py_check_deploy_exits_with_an_error_for_the_old_compose_placeholder() -> None:
    env = os.environ | {
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": "replace-this-with-a-long-random-secret-before-going-live",
        "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    }
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "portal.E001" in completed.stderr


def test_docker_compose_has_no_default_secret_key_and_refuses_to_start_without_one() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    value = compose["x-app"]["environment"]["DJANGO_SECRET_KEY"]
    assert re.fullmatch(r"\$\{DJANGO_SECRET_KEY:\?[^}]+\}", value), value
