"""The Docker image installs the production lock only; the venv and CI install the development lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text()
    return dict(re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", text, flags=re.MULTILINE))


def normalised(requirement: str) -> str:
    name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
DEV_ONLY = {normalised(r) for r in PROJECT["optional-dependencies"]["dev"]} - {
    normalised(r) for r in PROJECT["dependencies"]
}


def test_the_production_lock_holds_every_dependency_and_no_development_tool() -> None:
    production = {normalised(name) for name in pins("requirements.lock")}
    assert {normalised(r) for r in PROJECT["dependencies"]} <= production
    assert sorted(DEV_ONLY & production) == []


def test_the_development_lock_adds_the_dev_extra_at_the_same_versions() -> None:
    production, development = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {normalised(r) for r in PROJECT["optional-dependencies"]["dev"]} <= {
        normalised(name) for name in development
    }
    assert {name: development.get(name) for name in production} == production


def test_the_dockerfile_installs_the_production_lock_only() -> None:
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    dockerfile = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    assert re.findall(r"requirements[\w.-]*\.lock", dockerfile) == ["requirements.lock"] * 2
    assert "pip install --no-cache-dir --require-hashes -r requirements.lock" in dockerfile


def test_dockerignore_keeps_the_production_lock_and_leaves_out_secrets_and_local_state() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert not any(re.fullmatch(pattern.replace("*", ".*"), "requirements.lock") for pattern in ignored)
    assert {".env", ".venv", "db.sqlite3", "var"} <= set(ignored)


def test_the_makefile_venv_installs_the_development_lock() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert "-r requirements.lock" not in makefile
