"""Secrets that travel in links (invitations, calendar feeds, reset keys) never reach a log."""

from __future__ import annotations

import io
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import TestCase, override_settings

from complaints.invitations import invitation_create
from complaints.models import Person
from portal.logsafety import RedactSecretsFilter, redact
from tests.conftest import World

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Zq8sEcReTtOkEn4f9"


@pytest.mark.parametrize(
    "line",
    [
        f'"GET /invite/{SECRET}/ HTTP/1.1" 200 5120',
        f'"GET /calendar/{SECRET}.ics HTTP/1.1" 200 812',
        f"Not Found: /accounts/password/reset/key/1-{SECRET}/",
        f"https://portal.example.org/accounts/confirm-email/{SECRET}/",
        f"Open it here: https://portal.example.org/invite/{SECRET}/?next=/cases/",
    ],
)
def test_a_secret_in_a_link_is_cut_out_and_the_page_still_named(line: str) -> None:
    cleaned = redact(line)
    assert SECRET not in cleaned
    assert "[redacted]" in cleaned


def test_the_log_filter_cleans_a_formatted_record() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecretsFilter())
    logger = logging.getLogger("tests.logsafety")
    logger.addHandler(handler)
    try:
        logger.warning("Not Found: %s", f"/invite/{SECRET}/")
    finally:
        logger.removeHandler(handler)
    assert SECRET not in stream.getvalue()
    assert "/invite/[redacted]/" in stream.getvalue()


@pytest.mark.django_db
@override_settings(DEBUG=False, EMAIL_BACKEND="portal.logsafety.ConsoleEmailBackend")
def test_the_console_e_mail_backend_prints_invitations_without_their_link(world: World, capsys: Any) -> None:
    child = world.theirs.people.filter(role=Person.Role.VICTIM).first()
    with TestCase.captureOnCommitCallbacks(execute=True):
        _, token = invitation_create(
            communication=world.theirs,
            invited_by=world.theirs.filer,
            role="child",
            person=child,
            email="child@example.org",
        )
    printed = capsys.readouterr().out
    assert "/invite/[redacted]/" in printed
    assert token not in printed
    assert mail.outbox == [] or all(token not in str(m.body) for m in mail.outbox)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_gunicorns_access_log_keeps_no_secret(tmp_path: Path) -> None:
    port, log = _free_port(), tmp_path / "access.log"
    env = {**os.environ, "DJANGO_DEBUG": "True", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            str(log),
            "--logger-class",
            "portal.logsafety.GunicornLogger",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for path in (f"/invite/{SECRET}/", f"/calendar/{SECRET}.ics"):
            deadline = time.monotonic() + 20
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
                    break
                except urllib.error.HTTPError:
                    break  # any answer will do: the request was logged
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        deadline = time.monotonic() + 10
        while log.read_text().count("\n") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=10)
    written = log.read_text()
    assert "/invite/[redacted]/" in written
    assert "/calendar/[redacted].ics" in written
    assert SECRET not in written
