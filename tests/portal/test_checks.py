"""System checks: `check --deploy` refuses a guessable secret key; a missing Pango is named."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cffi
import pytest
import yaml
from django.core.checks import ERROR, WARNING, CheckMessage, Tags, run_checks
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


COMPOSE_SECRETS = ["MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]


def required(value: str, name: str) -> bool:
    """``${NAME:?message}``: compose refuses to start while NAME is unset or empty, and has no default."""
    return re.fullmatch(rf"\$\{{{name}:\?[^}}]+\}}", value) is not None


def test_docker_compose_runs_minio_privately_with_a_health_check_a_volume_and_no_default_credentials() -> (
    None
):
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    minio = services["minio"]
    assert minio["healthcheck"]["test"]
    assert any(volume.endswith(":/data") for volume in minio["volumes"])
    assert "ports" not in minio  # reached by the portal's containers only, never from outside
    for name in ("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"):
        assert required(minio["environment"][name], name), minio["environment"][name]
    setup = services["minio-setup"]
    assert setup["restart"] == "no"
    assert setup["depends_on"]["minio"]["condition"] == "service_healthy"
    script = "\n".join(setup["command"])
    assert 'mc mb --ignore-existing "store/$$S3_BUCKET"' in script
    assert 'mc anonymous set none "store/$$S3_BUCKET"' in script
    for name in COMPOSE_SECRETS:
        assert required(setup["environment"][name], name), setup["environment"][name]


def test_web_worker_and_beat_keep_their_files_in_minio_once_its_bucket_is_made() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    environment = compose["x-app"]["environment"]
    assert environment["S3_ENDPOINT_URL"] == "http://minio:9000"
    assert environment["S3_BUCKET"]
    assert "MEDIA_ROOT" not in environment
    for name in ("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
        assert required(environment[name], name), environment[name]
    assert compose["x-app"]["depends_on"]["minio-setup"]["condition"] == "service_completed_successfully"
    services = compose["services"]
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["minio-setup"]["condition"] == "service_completed_successfully"


# ---- System libraries ----


def _import_weasyprint_without(fragment: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Import WeasyPrint afresh on a host where every library whose name has ``fragment`` fails to load."""
    real_dlopen = cffi.FFI.dlopen

    def dlopen(self: cffi.FFI, name: Any, flags: int = 0) -> Any:
        if fragment in str(name):
            raise OSError(f"cannot load library '{name}': No such file or directory")
        return real_dlopen(self, name, flags)

    def weasyprint_modules() -> dict[str, Any]:
        return {n: m for n, m in sys.modules.items() if n == "weasyprint" or n.startswith("weasyprint.")}

    loaded = weasyprint_modules()
    for name in loaded:
        del sys.modules[name]
    monkeypatch.setattr(cffi.FFI, "dlopen", dlopen)
    yield
    for name in weasyprint_modules():
        del sys.modules[name]
    sys.modules.update(loaded)


@pytest.fixture
def pango_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _import_weasyprint_without("pango", monkeypatch)


@pytest.fixture
def harfbuzz_subset_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # WeasyPrint's own, at import
        yield from _import_weasyprint_without("harfbuzz-subset", monkeypatch)


def system_library_errors() -> list[CheckMessage]:
    return [message for message in run_checks() if message.id == "portal.E002"]


def test_a_missing_pango_is_an_error_that_names_the_debian_packages(pango_missing: None) -> None:
    [error] = system_library_errors()
    assert error.level == ERROR
    assert "pango" in error.msg
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in (error.hint or "")


def test_with_the_libraries_present_there_is_no_error() -> None:
    assert system_library_errors() == []


def test_a_missing_harfbuzz_subset_is_a_warning_that_names_the_debian_package(
    harfbuzz_subset_missing: None,
) -> None:
    [warning] = [message for message in run_checks() if message.id == "portal.W002"]
    assert warning.level == WARNING
    assert "apt-get install libharfbuzz-subset0" in (warning.hint or "")
    assert system_library_errors() == []  # the dossiers still render


def test_with_harfbuzz_subset_present_there_is_no_warning() -> None:
    assert [message for message in run_checks() if message.id == "portal.W002"] == []
