"""Architecture: the admissibility engine is pure Python, with no Django, no I/O and no clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "admissibility"

FORBIDDEN_MODULES = {
    # frameworks
    "django", "rest_framework", "celery", "rules", "allauth",
    # I/O, processes and the network
    "io", "os", "pathlib", "shutil", "socket", "subprocess", "sqlite3", "tempfile", "urllib", "http",
    "requests", "json", "csv", "pickle", "logging",
    # the clock and chance
    "time", "random", "secrets", "zoneinfo",
}  # fmt: skip
FORBIDDEN_CALLS = {"open", "input", "print", "exec", "eval", "__import__", "breakpoint"}
# date.today(), datetime.now(), datetime.utcnow(), time.time(), datetime.fromtimestamp(...), …
FORBIDDEN_ATTRIBUTES = {
    "today",
    "now",
    "utcnow",
    "time",
    "time_ns",
    "monotonic",
    "perf_counter",
    "fromtimestamp",
}


def violations(source: str) -> list[str]:
    """Return what in ``source`` breaks the purity rules."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        found += [f"import {name}" for name in names if name.split(".")[0] in FORBIDDEN_MODULES]
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in FORBIDDEN_CALLS:
                found.append(f"{function.id}(")
            if isinstance(function, ast.Attribute) and function.attr in FORBIDDEN_ATTRIBUTES:
                found.append(f".{function.attr}(")
    return found


def engine_files() -> list[Path]:
    files = sorted(ENGINE.rglob("*.py"))
    assert files, ENGINE
    return files


@pytest.mark.parametrize("path", engine_files(), ids=lambda path: path.name)
def test_the_engine_imports_no_framework_and_does_no_io_and_reads_no_clock(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == [], path


@pytest.mark.parametrize(
    "source",
    [
        "import django",
        "from django.db import models",
        "from rest_framework import serializers",
        "import celery.app",
        "open('facts.json')",
        "from datetime import date\ndate.today()",
        "import datetime\ndatetime.datetime.now()",
        "from datetime import datetime\ndatetime.utcnow()",
        "import time\ntime.time()",
        "from pathlib import Path",
    ],
)
def test_the_purity_check_catches_what_it_forbids(source: str) -> None:
    assert violations(source)


def test_the_purity_check_allows_plain_date_arithmetic() -> None:
    assert violations("from datetime import date\ndate(2024, 5, 7).replace(year=2025)") == []
