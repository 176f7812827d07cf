"""Shared fixtures: one persona per role, each in their own organisation."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import socket
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.test import Client

from complaints.models import Communication, Organisation, User
from tests.factories import (
    ClaimFactory,
    CommunicationFactory,
    DomesticRemedyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a page read in Kazakh through the test client leaves
    Kazakh active in the thread (LocaleMiddleware activates it and nothing switches it back)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests create many users: hash their passwords cheaply (production keeps Django's default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_deadline_sweep_on_requests(settings: Any) -> None:
    """Requests of a test sweep no deadlines (tests/complaints/test_request_sweep.py switches it on)."""
    settings.DEADLINE_SWEEP_ON_REQUESTS = False


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: the log-in limits counted there start from nothing."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_treaty_table() -> None:
    """Each test reads the treaty table from its own database, not from an earlier test's memo."""
    from complaints.adapters import forget_treaty_table

    forget_treaty_table()


@pytest.fixture(autouse=True)
def _fresh_storage_health() -> None:
    """Each test's /healthz asks its own storage, not an earlier test's remembered answer."""
    from complaints.health import forget_storage_health

    forget_storage_health()


@pytest.fixture(autouse=True)
def _fresh_annex_cache() -> None:
    """Each test's dossiers read their annexes from its own storage, not from an earlier test's cache."""
    from complaints.dossiers.services import _annex_cache

    _annex_cache.clear()


@dataclass
class World:
    """Two of everything: ``mine`` objects belong to the personas, ``theirs`` to strangers."""

    filer: User
    caseworker: User
    reviewer: User
    admin: User
    ngo: Organisation
    office: Organisation
    mine: Communication
    theirs: Communication
    secret: str
    feed_token: str = ""
    invite_token: str = ""


@pytest.fixture
def world(db: None) -> World:
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    office = OrganisationFactory.create(kind=Organisation.Kind.OMBUDSMAN)
    filer = UserFactory.create(role=User.Role.FILER)
    caseworker = MembershipFactory.create(organisation=ngo, user__role=User.Role.CASEWORKER).user
    reviewer = MembershipFactory.create(organisation=office, user__role=User.Role.OMBUDSMAN_REVIEWER).user
    admin = UserFactory.create(role=User.Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    mine = CommunicationFactory.create(filer=filer, organisation=ngo, routed_to=office)
    PersonFactory.create(communication=mine)
    ClaimFactory.create(communication=mine)
    DomesticRemedyFactory.create(communication=mine)

    # A case of a stranger, handled by another NGO and routed to another office.
    other_ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    other_office = OrganisationFactory.create(kind=Organisation.Kind.OMBUDSMAN)
    theirs = CommunicationFactory.create(
        organisation=other_ngo, routed_to=other_office, title="Zhanna-private-title"
    )
    secret = "Qwertysecretvictim"
    PersonFactory.create(communication=theirs, family_name=secret)
    ClaimFactory.create(communication=theirs, explanation="Hidden-explanation-text")
    DomesticRemedyFactory.create(communication=theirs)
    feed_token = _their_dossier_notice_and_feed(theirs, secret)
    _their_document(theirs, secret)
    invite_token = _their_invitation(theirs)
    # Made by factories, not through the services: compute their deadlines as a save would.
    from complaints.deadlines.services import deadlines_recompute

    for communication in (mine, theirs):
        deadlines_recompute(communication=communication)
    return World(
        filer, caseworker, reviewer, admin, ngo, office, mine, theirs, secret, feed_token, invite_token
    )


def _their_invitation(theirs: Communication) -> str:
    """Invite the stranger's child, by e-mail, to review the stranger's draft; return the link's token."""
    from complaints.invitations.services import invitation_create

    child = theirs.people.filter(role="victim").first()
    return invitation_create(
        communication=theirs,
        invited_by=theirs.filer,
        role="child",
        person=child,
        email="their-child@example.org",
    )[1]


def _their_document(theirs: Communication, secret: str) -> None:
    """Give the stranger an annex whose file holds the secret, so a download that leaked would show it."""
    from django.core.files.base import ContentFile

    from complaints.models import Document

    content = f"%PDF-1.7 {secret} {theirs.title}".encode()
    document = Document(
        communication=theirs,
        title="Court decision",
        original_name="decision.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    document.file.save("decision.pdf", ContentFile(content), save=False)
    document.save()


def _their_dossier_notice_and_feed(theirs: Communication, secret: str) -> str:
    """Give the stranger an internal dossier, a notification and a calendar feed; return the feed's token.

    The dossier's file holds the secret in plain text, so a download that leaked would show it.
    """
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from complaints.deadlines.calendar import calendar_feed_create
    from complaints.models import Dossier, Notification

    dossier = Dossier(
        communication=theirs,
        variant=Dossier.Variant.INTERNAL,
        status=Dossier.Status.READY,
        requested_version=theirs.version,
        communication_version=theirs.version,
        requested_at=timezone.now(),
    )
    dossier.file.save("internal.pdf", ContentFile(f"%PDF-1.7 {secret} {theirs.title}".encode()), save=False)
    dossier.save()
    deadline = theirs.deadlines.first()
    if deadline is not None:
        Notification.objects.create(
            user=theirs.filer,
            communication=theirs,
            deadline=deadline,
            kind="reminder",
            due_on=deadline.due_on,
        )
    return calendar_feed_create(user=theirs.filer)[1]


def login(user: User) -> Client:
    user.refresh_from_db(fields=["password", "session_salt"])  # what signs the session, as stored now
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def totp_code(secret: str, at: float | None = None) -> str:
    """The authenticator app's six-digit code for ``secret`` (RFC 6238: HMAC-SHA1, 30-second steps)."""
    key = base64.b32decode(secret, casefold=True)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2
        ):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def services_up() -> None:
    """Integration tests need PostgreSQL and Redis: under CI a missing service fails the test."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    missing = []
    if not database_url.startswith("postgres") or not _reachable(database_url, 5432):
        missing.append(f"PostgreSQL (DATABASE_URL={database_url or 'unset'})")
    if not redis_url or not _reachable(redis_url, 6379):
        missing.append(f"Redis (REDIS_URL={redis_url or 'unset'})")
    if missing:
        message = "integration services unavailable: " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def s3_endpoint() -> str:
    """The S3-compatible test server (moto's server mode, started by .ci/run): under CI, missing fails."""
    endpoint = os.environ.get("S3_TEST_ENDPOINT_URL", "")
    if not endpoint or not _reachable(endpoint, 80):
        message = f"S3-compatible test server unavailable (S3_TEST_ENDPOINT_URL={endpoint or 'unset'})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return endpoint
