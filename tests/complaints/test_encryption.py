"""Encryption at rest: what a dump of the database and a copy of the file store show without the key,
rotation to a new key, and what a wrong key does."""

from __future__ import annotations

import importlib
import io
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.apps import apps as django_apps
from django.core.exceptions import FieldError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from complaints.casework.services import case_colleagues
from complaints.crypto.blind_index import digests
from complaints.crypto.keys import DecryptionError, key_ring, parse_keys
from complaints.crypto.search_index import name_search_ids
from complaints.dossiers.services import dossier_render_bytes, dossier_request
from complaints.filing.documents import document_add
from complaints.models import (
    Communication,
    Document,
    Dossier,
    Membership,
    Organisation,
    Person,
    SearchDigest,
    User,
)
from portal.checks import encryption_keys_check
from tests.conftest import login
from tests.factories import CommunicationFactory, PersonFactory, UserFactory

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
OTHER_KEY = Fernet.generate_key().decode()

# What identifies the demo child and the demo victim (complaints/management/commands/seed_demo.py).
DEMO_SECRETS = [
    "Айгерім",
    "Серікқызы",
    "Әлия",
    "Нұрсұлтан",
    "Органы опеки забрали",
    "2012-03-14",
    "2018-04-09",
]
FILE_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff")


def raw_rows() -> str:
    """Every cell of every table of the portal, read with a raw SQL cursor (what a dump holds)."""
    cells: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            cells.extend(str(cell) for row in cursor.fetchall() for cell in row)
    return "\n".join(cells)


def stored_files(media_root: Path) -> list[bytes]:
    return [path.read_bytes() for path in media_root.rglob("*") if path.is_file()]


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def demo(db: None, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the dossiers render after commit
        call_command("seed_demo", stdout=io.StringIO())


def test_a_raw_read_of_every_table_shows_no_name_birth_date_or_story_of_the_demo_children(
    demo: None, settings: Any
) -> None:
    dump = raw_rows()
    assert [secret for secret in DEMO_SECRETS if secret in dump] == []
    # The portal itself still reads them.
    victim = Person.objects.filter(role=Person.Role.VICTIM, date_of_birth__isnull=False)
    assert date(2012, 3, 14) in {p.date_of_birth for p in victim}
    assert "Айгерім" in {u.first_name for u in User.objects.all()}


def test_the_stored_files_are_unreadable_bytes_that_the_portal_reads_decrypted(
    demo: None, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    draft = Communication.objects.get(filer__email="child@demo.test", status=Communication.Status.DRAFT)
    document = document_add(
        communication=draft,
        actor=draft.filer,
        upload=SimpleUploadedFile("Айгерім.png", png(), content_type="image/png"),
        title="Айгерім, medical note",
        kind=Document.Kind.EVIDENCE,
    )
    # Rendered by the (eager) task after commit. The redacted one: the child's Kazakh draft has no
    # translation yet, so its filing dossier waits for one.
    with django_capture_on_commit_callbacks(execute=True):
        dossier_request(communication=draft, variant="redacted", requested_by=draft.filer)
    files = stored_files(Path(settings.MEDIA_ROOT))
    assert Dossier.objects.filter(communication=draft, status=Dossier.Status.READY).count() == 1
    assert len(files) >= 2
    assert [f[:8] for f in files if f.startswith(FILE_MAGIC)] == []
    assert not any(secret.encode() in f for f in files for secret in DEMO_SECRETS)
    with document.file.open("rb") as handle:
        assert handle.read() == png()
    pdf, _source = dossier_render_bytes(communication=draft)  # the annex merges, decrypted
    assert pdf.startswith(b"%PDF")
    assert _source.annexes[0].data == png()
    dossier = (
        Dossier.objects.filter(communication=draft, status=Dossier.Status.READY)
        .select_related("communication")
        .first()
    )
    assert dossier is not None
    response = login(dossier.communication.filer).get(
        reverse("complaints:dossier_download", args=[dossier.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def a_case_with_a_child(name: str = "Айгерим") -> tuple[Communication, Person]:
    case = CommunicationFactory.create(title="School exclusion", facts_summary="She was sent home.")
    child = PersonFactory.create(
        communication=case, role=Person.Role.VICTIM, given_name=name, family_name="Seitkali",
        date_of_birth=date(2013, 5, 6),
    )  # fmt: skip
    return case, child


def reencrypt(*args: str) -> str:
    out = io.StringIO()
    call_command("reencrypt", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_rotation_re_encrypts_everything_and_the_old_key_can_then_go(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.PORTAL_ENCRYPTION_KEYS = [OLD_KEY]
    case, child = a_case_with_a_child()
    document = Document.objects.create(
        communication=case, title="Report", original_name="report.png", content_type="image/png",
        size=len(png()), sha256="0" * 64, file=SimpleUploadedFile("report.png", png()),
    )  # fmt: skip
    old_name = document.file.name

    settings.PORTAL_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    with django_capture_on_commit_callbacks(execute=True):  # the old file goes once the row is saved
        output = reencrypt("--batch-size", "1")
    assert "complaints_person: 1 of 1 rewritten" in output
    assert "complaints_document.file (files): 1 of 1 rewritten" in output

    settings.PORTAL_ENCRYPTION_KEYS = [NEW_KEY]
    fresh = Person.objects.get(pk=child.pk)
    assert (fresh.given_name, fresh.date_of_birth) == ("Айгерим", date(2013, 5, 6))
    assert Communication.objects.get(pk=case.pk).facts_summary == "She was sent home."
    document.refresh_from_db()
    assert document.file.name != old_name
    assert old_name
    assert not document.file.storage.exists(old_name)
    with document.file.open("rb") as handle:
        assert handle.read() == png()
    # The blind index was rebuilt with the new key: the name is still found, and the private title
    # still only by its filer.
    assert list(name_search_ids("Aigerim") or []) == [case.pk]
    assert list(name_search_ids("School") or []) == []
    assert list(name_search_ids("School", titles_of=case.filer_id) or []) == [case.pk]


@pytest.mark.django_db
def test_re_encrypting_twice_rewrites_nothing_the_second_time(settings: Any) -> None:
    settings.PORTAL_ENCRYPTION_KEYS = [OLD_KEY]
    a_case_with_a_child()
    settings.PORTAL_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert "complaints_person: 1 of 1 rewritten" in reencrypt()
    assert "complaints_person: 0 of 1 rewritten" in reencrypt()


@pytest.mark.django_db
def test_a_search_made_before_the_rotation_finishes_still_finds_cases_indexed_with_the_old_key(
    settings: Any,
) -> None:
    settings.PORTAL_ENCRYPTION_KEYS = [OLD_KEY]
    case, _child = a_case_with_a_child()
    settings.PORTAL_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert list(name_search_ids("Айгерим") or []) == [case.pk]


@pytest.mark.django_db
def test_a_wrong_key_gives_a_clear_error_naming_the_column_not_garbage(settings: Any) -> None:
    settings.PORTAL_ENCRYPTION_KEYS = [OLD_KEY]
    _case, child = a_case_with_a_child()
    settings.PORTAL_ENCRYPTION_KEYS = [OTHER_KEY]
    with pytest.raises(
        DecryptionError, match=r"complaints_person\.\w+ with any key of PORTAL_ENCRYPTION_KEYS"
    ):
        Person.objects.get(pk=child.pk)
    with pytest.raises(CommandError, match=r"complaints_\w+\.\w+, row \d+: .*not configured"):
        reencrypt()
    settings.PORTAL_ENCRYPTION_KEYS = [OLD_KEY]  # nothing was overwritten: the right key still reads it
    assert Person.objects.get(pk=child.pk).given_name == "Айгерим"


@pytest.mark.django_db
def test_an_encrypted_field_refuses_a_database_lookup_that_would_silently_find_nothing() -> None:
    with pytest.raises(FieldError, match="encrypted"):
        Person.objects.filter(given_name="Айгерим").exists()
    with pytest.raises(FieldError, match="encrypted"):
        Person.objects.filter(**{"family_name__icontains": "Seit"}).exists()
    assert not Person.objects.filter(given_name="").exists()


def test_the_command_prints_a_new_key_that_the_settings_accept() -> None:
    key = reencrypt("--generate-key").strip()
    assert parse_keys(key) == (key,)


def test_production_without_a_key_is_refused_and_a_malformed_key_always(settings: Any) -> None:
    settings.DEBUG = False
    settings.PORTAL_ENCRYPTION_KEYS = []
    assert [m.id for m in encryption_keys_check()] == ["portal.E003"]
    settings.PORTAL_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert encryption_keys_check() == []
    settings.DEBUG = True
    settings.PORTAL_ENCRYPTION_KEYS = ["not-a-key"]
    assert [m.id for m in encryption_keys_check()] == ["portal.E004"]
    settings.PORTAL_ENCRYPTION_KEYS = []
    assert encryption_keys_check() == []  # development: the key derived from SECRET_KEY


def test_docker_compose_refuses_to_start_without_a_key() -> None:
    compose = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()
    assert "PORTAL_ENCRYPTION_KEYS: ${PORTAL_ENCRYPTION_KEYS:?" in compose


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_pg_dump_without_the_key_shows_no_name_birth_date_or_story() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump dumps PostgreSQL (the unit tests also run on it: make pytest-pg)")
    a_case_with_a_child()
    db = connection.settings_dict
    command = ["pg_dump", "--data-only", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    command += ["-U", db["USER"] or "postgres", db["NAME"]]
    environment = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    dump = subprocess.run(command, capture_output=True, check=True, env=environment, text=True).stdout
    assert "complaints_person" in dump
    assert [s for s in ("Айгерим", "Seitkali", "2013-05-06", "She was sent home") if s in dump] == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_plaintext_rows_and_files_and_reverses_with_the_key(
    settings: Any,
) -> None:
    executor = MigrationExecutor(connection)
    before, after = [("complaints", "0014_audit")], [("complaints", "0015_encryption")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    filer = old.get_model("complaints", "User").objects.create(username="f", first_name="Aigerim")
    case = old.get_model("complaints", "Communication").objects.create(
        filer=filer, title="Aigerim's school", facts_summary="She was sent home.", translations={"x": "y"}
    )
    old.get_model("complaints", "Person").objects.create(
        communication=case, role="victim", given_name="Aigerim", date_of_birth=date(2013, 5, 6)
    )
    old.get_model("complaints", "Document").objects.create(
        communication=case, title="Report", original_name="r.png", content_type="image/png", size=1,
        sha256="0" * 64, file=SimpleUploadedFile("r.png", png()),
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert [s for s in ("Aigerim", "2013-05-06", "She was sent home") if s in raw_rows()] == []
    assert [f for f in stored_files(Path(settings.MEDIA_ROOT)) if f.startswith(FILE_MAGIC)] == []
    new = executor.loader.project_state(after).apps
    person = new.get_model("complaints", "Person").objects.get()
    assert (person.given_name, person.date_of_birth) == ("Aigerim", date(2013, 5, 6))
    assert new.get_model("complaints", "Communication").objects.get().translations == {"x": "y"}
    assert list(name_search_ids("aigerim") or []) == [case.pk]

    executor = MigrationExecutor(connection)
    executor.migrate(before)  # back: plaintext again, with the key
    assert "She was sent home." in raw_rows()
    assert [f for f in stored_files(Path(settings.MEDIA_ROOT)) if f.startswith(b"\x89PNG")] != []
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_deleting_a_case_with_people_deletes_its_search_digests_too() -> None:
    case, _child = a_case_with_a_child()
    assert SearchDigest.objects.filter(communication=case).exists()
    case.delete()
    assert not SearchDigest.objects.exists()
    connection.check_constraints()


@pytest.mark.django_db
def test_removing_a_person_takes_their_name_out_of_the_search() -> None:
    case, child = a_case_with_a_child()
    assert list(name_search_ids("Aigerim") or []) == [case.pk]
    child.delete()
    assert list(name_search_ids("Aigerim") or []) == []
    assert list(name_search_ids("Seitkali") or []) == []
    assert list(name_search_ids("School", titles_of=case.filer_id) or []) == [case.pk]


@pytest.mark.django_db
def test_colleagues_are_listed_by_family_name_although_the_names_are_encrypted() -> None:
    ngo = Organisation.objects.create(name="NGO", kind=Organisation.Kind.NGO, country="KAZ")
    case = CommunicationFactory.create(organisation=ngo)
    for family in ("Zhakupova", "Abenova", "Mukanova", "Baimukhanova", "Ospanova"):
        colleague = UserFactory.create(role=User.Role.CASEWORKER, last_name=family)
        Membership.objects.create(user=colleague, organisation=ngo)
    names = [user.last_name for user in case_colleagues(case) if user.last_name]
    assert names == sorted(names)
    assert len(names) == 5


@pytest.mark.django_db
def test_the_migration_takes_the_private_title_out_of_an_index_made_before_it() -> None:
    case, _child = a_case_with_a_child()
    # As the index held it before: the title's words under the same digests as a name's.
    legacy = digests(key_ring(), [case.title])
    SearchDigest.objects.bulk_create(
        [SearchDigest(communication=case, digest=d) for d in legacy], ignore_conflicts=True
    )
    assert list(name_search_ids("School") or []) == [case.pk]
    migration = importlib.import_module("complaints.migrations.0027_private_title_index")
    migration.index_again(django_apps, None)
    assert list(name_search_ids("School") or []) == []
    assert list(name_search_ids("School", titles_of=case.filer_id) or []) == [case.pk]
    assert list(name_search_ids("Seitkali") or []) == [case.pk]
