"""The audit trail: each read and change of a case is recorded, append-only; the filer sees who read it."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from complaints.audit.chain import GENESIS, SALT, entry_message
from complaints.audit.models import AuditEntry
from complaints.models import Communication, Dossier, User
from tests.conftest import World, login
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def entries(**filters: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(**filters).order_by("id"))


def as_text(entry: AuditEntry) -> str:
    """Everything an entry holds, as one text, to look for what must never be in it."""
    return json.dumps({field.attname: str(getattr(entry, field.attname)) for field in entry._meta.fields})


def ready_dossier(communication: Communication, variant: str = Dossier.Variant.FILING) -> Dossier:
    dossier = Dossier(
        communication=communication,
        variant=variant,
        status=Dossier.Status.READY,
        requested_version=communication.version,
        communication_version=communication.version,
        requested_at=timezone.now(),
    )
    dossier.file.save("filing.pdf", ContentFile(b"%PDF-1.7 dossier"), save=False)
    dossier.save()
    return dossier


def test_a_caseworker_reading_a_case_is_shown_to_the_filer_by_role_and_organisation(world: World) -> None:
    assert login(world.caseworker).get(world.mine.get_absolute_url()).status_code == 200

    [entry] = entries(action="read", actor=world.caseworker)
    assert entry.communication_reference == world.mine.reference
    assert (entry.actor_role, entry.actor_organisation) == ("caseworker", world.ngo.name)
    page = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert "Who read this case" in page
    assert f"A caseworker of {world.ngo.name}" in page
    assert world.caseworker.get_full_name() not in page
    assert world.caseworker.email not in page


def test_the_filer_does_not_see_their_own_reads_and_staff_do_not_see_the_list(world: World) -> None:
    filer = login(world.filer)
    filer.get(world.mine.get_absolute_url())
    assert "Nobody else has read it yet." in filer.get(world.mine.get_absolute_url()).content.decode()
    assert (
        "Who read this case"
        not in login(world.caseworker).get(world.mine.get_absolute_url()).content.decode()
    )


def test_a_reviewer_is_shown_as_a_reviewer_of_their_office(world: World) -> None:
    login(world.reviewer).get(world.mine.get_absolute_url())
    page = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert f"A reviewer of {world.office.name}" in page


def test_an_entry_records_when_and_from_where_behind_the_trusted_proxy(world: World) -> None:
    client = login(world.caseworker)
    long_agent = "Mozilla/5.0 " + "x" * 500
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1):
        client.get(
            world.mine.get_absolute_url(),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
            HTTP_USER_AGENT=long_agent,
        )
    [entry] = entries(actor=world.caseworker)
    assert entry.ip == "198.51.100.7"
    assert entry.user_agent == long_agent[:200]
    assert (entry.method, entry.status_code, entry.route) == ("GET", 200, "complaints:communication_detail")
    assert abs((timezone.now() - entry.at).total_seconds()) < 60


def test_without_a_trusted_proxy_a_forged_forwarded_for_is_ignored(world: World) -> None:
    login(world.caseworker).get(
        world.mine.get_absolute_url(), REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR="203.0.113.66"
    )
    assert entries(actor=world.caseworker)[0].ip == "192.0.2.5"


def test_the_wizard_of_someone_elses_draft_is_logged_as_a_read(world: World) -> None:
    response = login(world.caseworker).get(
        reverse("complaints:wizard_step", args=[world.mine.reference, "who"])
    )
    assert response.status_code == 200
    [entry] = entries(actor=world.caseworker)
    assert (entry.action, entry.route) == ("read", "complaints:wizard_step")
    assert entry.communication_reference == world.mine.reference


def test_reading_and_changing_an_inquiry_is_logged_as_an_inquiry_not_as_a_case(world: World) -> None:
    from complaints.deadlines.geneva import geneva_today
    from complaints.inquiries.services import inquiry_create
    from complaints.models import TreatyStatus

    inquiry = inquiry_create(
        user=world.caseworker,
        state=TreatyStatus.objects.get(iso3="KAZ"),
        organisation=world.ngo,
        title="Children in closed institutions",
        summary="",
        submitted_on=geneva_today(),
    )
    client = login(world.caseworker)
    assert client.get(reverse("complaints:inquiry", args=[inquiry.reference])).status_code == 200
    client.post(reverse("complaints:inquiry_step", args=[inquiry.reference]), {"step": "", "on": ""})
    read, change = entries(actor=world.caseworker)[-2:]
    assert (read.action, read.object_kind, read.object_id) == ("read", "inquiry", str(inquiry.reference))
    assert change.object_kind == "inquiry"
    assert change.action in ("change", "rejected")
    assert read.communication_reference is None
    assert change.communication_reference is None


def test_a_change_records_the_names_of_the_fields_never_their_values(world: World) -> None:
    secret = "Aigerim-note-never-in-the-log"
    response = login(world.caseworker).post(
        reverse("complaints:case_note", args=[world.mine.reference]), {"text": secret}
    )
    assert response.status_code == 302
    [entry] = entries(actor=world.caseworker)
    assert (entry.action, entry.fields) == ("change", ["text"])
    assert secret not in as_text(entry)


def test_a_wizard_page_saved_records_the_names_of_its_fields_never_the_childs_answers(world: World) -> None:
    client = login(world.filer)
    client.post(reverse("complaints:communication_start"))
    draft = Communication.objects.filter(filer=world.filer).latest("pk")
    step = reverse("complaints:wizard_step", args=[draft.reference, "author"])
    answers = {"author-given_name": "Мария-secret", "author-family_name": "Иванова-secret"}
    response = client.post(step, {"version": draft.version, **answers})
    assert response.status_code == 302
    entry = entries(actor=world.filer, route="complaints:wizard_step", method="POST")[-1]
    assert entry.action == "change"
    assert entry.fields == ["author-family_name", "author-given_name"]
    assert "secret" not in as_text(entry)


def test_an_api_write_records_the_names_of_the_fields_it_sent(world: World) -> None:
    secret = "Zhumabekova-secret-surname"
    response = login(world.filer).post(
        "/api/v1/people/",
        {"communication": str(world.mine.reference), "role": "victim", "family_name": secret},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    [entry] = entries(actor=world.filer, method="POST")
    assert entry.action == "change"
    assert (entry.communication_reference, entry.object_kind) == (world.mine.reference, "person")
    assert entry.object_id == str(response.json()["id"])
    assert entry.fields == ["communication", "family_name", "role"]
    assert secret not in as_text(entry)


def test_api_reads_of_a_case_and_its_parts_are_logged(world: World) -> None:
    client = login(world.caseworker)
    assert client.get(f"/api/v1/communications/{world.mine.reference}/").status_code == 200
    people = client.get(f"/api/v1/people/?communication={world.mine.reference}").json()["results"]
    assert people

    case_read, *part_reads = entries(actor=world.caseworker)
    assert (case_read.action, case_read.object_kind) == ("read", "communication")
    assert case_read.communication_reference == world.mine.reference
    assert [(e.action, e.object_kind, e.object_id) for e in part_reads] == [
        ("read", "person", str(person["id"])) for person in people
    ]
    assert {e.communication_reference for e in part_reads} == {world.mine.reference}
    page = login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    assert f"A caseworker of {world.ngo.name}" in page


def test_an_api_list_of_cases_logs_each_case_it_returned_in_one_request(world: World) -> None:
    login(world.caseworker).get("/api/v1/communications/")
    assert [e.communication_reference for e in entries(actor=world.caseworker)] == [world.mine.reference]


def test_an_api_page_of_many_cases_writes_an_entry_for_each_and_the_chain_still_verifies(
    world: World,
) -> None:
    """A request's several entries go in one INSERT, each chained to the one before it."""
    from complaints.audit.services import audit_verify
    from tests.factories import CommunicationFactory

    others = CommunicationFactory.create_batch(4, organisation=world.ngo)
    assert login(world.caseworker).get("/api/v1/communications/").status_code == 200
    logged = entries(actor=world.caseworker)
    assert {e.communication_reference for e in logged} == {
        world.mine.reference,
        *(c.reference for c in others),
    }
    assert {(e.action, e.route, e.status_code, e.ip) for e in logged} == {
        ("read", "communication-list", 200, "127.0.0.1")
    }
    assert all(e.fields == [] and e.at is not None for e in logged)
    report = audit_verify()
    assert report.broken_at is None, report.reason


def test_a_dossier_download_is_logged_and_shown_to_the_filer(world: World) -> None:
    dossier = ready_dossier(world.mine)
    response = login(world.reviewer).get(reverse("complaints:dossier_download", args=[dossier.pk]))
    assert response.status_code == 200
    [entry] = entries(actor=world.reviewer)
    assert (entry.action, entry.object_kind, entry.object_id) == ("download", "dossier", str(dossier.pk))
    assert entry.communication_reference == world.mine.reference
    assert (
        f"A reviewer of {world.office.name}"
        in login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    )


def test_polling_a_dossiers_status_writes_nothing(world: World) -> None:
    dossier = ready_dossier(world.mine)
    login(world.filer).get(reverse("complaints:dossier_status", args=[dossier.pk]))
    assert not AuditEntry.objects.exists()


def test_an_anonymous_attempt_is_logged_as_refused_with_no_one_named(world: World) -> None:
    response = Client().get(world.mine.get_absolute_url())
    assert response.status_code == 302
    [entry] = entries()
    assert (entry.action, entry.actor, entry.actor_role) == ("refused", None, "")
    assert entry.communication_reference == world.mine.reference


def test_a_caseworker_without_a_second_factor_sent_to_set_one_up_is_logged_as_refused(world: World) -> None:
    newcomer = MembershipFactory.create(
        organisation=world.ngo, user__role=User.Role.CASEWORKER, user__second_factor=False
    ).user
    response = login(newcomer).get(world.mine.get_absolute_url())
    assert response.status_code == 302
    [entry] = entries(actor=newcomer)
    assert (entry.action, entry.status_code) == ("refused", 302)
    assert (
        "Nobody else has read it yet."
        in login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    )


def test_a_refused_attempt_is_logged_without_telling_anything(world: World) -> None:
    client = login(world.filer)
    made_up = "00000000-0000-4000-8000-000000000000"
    theirs = client.get(world.theirs.get_absolute_url())
    unknown = client.get(reverse("complaints:communication_detail", args=[made_up]))
    assert theirs.status_code == unknown.status_code == 404
    assert theirs.content.replace(str(world.theirs.reference).encode(), b"") == unknown.content.replace(
        made_up.encode(), b""
    )
    assert world.secret not in theirs.content.decode()
    refused = entries(action="refused", actor=world.filer)
    assert [str(e.communication_reference) for e in refused] == [str(world.theirs.reference), made_up]
    assert all(e.fields == [] and e.status_code == 404 for e in refused)
    # The refusal is not a read: the stranger's case page does not list it.
    stranger = login(world.theirs.filer).get(world.theirs.get_absolute_url()).content.decode()
    assert "Nobody else has read it yet." in stranger


def test_refused_api_reads_and_downloads_are_logged_as_refused(world: World) -> None:
    client = login(world.filer)
    their_person = world.theirs.people.first()
    assert their_person is not None
    their_dossier = world.theirs.dossiers.first()
    assert their_dossier is not None
    assert client.get(f"/api/v1/communications/{world.theirs.reference}/").status_code == 404
    assert client.get(f"/api/v1/people/{their_person.pk}/").status_code == 404
    assert client.get(reverse("complaints:dossier_download", args=[their_dossier.pk])).status_code == 404
    assert Client().get(f"/api/v1/people/{their_person.pk}/").status_code in (401, 403)
    refused = entries(action="refused")
    assert [(e.object_kind, e.object_id) for e in refused] == [
        ("communication", ""),
        ("person", str(their_person.pk)),
        ("dossier", str(their_dossier.pk)),
        ("person", str(their_person.pk)),
    ]
    # What was asked for, never what was found: a refused dossier names no case.
    assert [e.communication_reference for e in refused] == [world.theirs.reference, None, None, None]
    assert refused[-1].actor is None


def test_an_administrator_reading_a_case_in_the_admin_is_logged(world: World) -> None:
    response = login(world.admin).get(reverse("admin:complaints_communication_change", args=[world.mine.pk]))
    assert response.status_code == 200
    [entry] = entries(actor=world.admin)
    assert (entry.action, entry.object_kind, entry.communication_reference) == (
        "read",
        "communication",
        world.mine.reference,
    )
    person = world.mine.people.first()
    assert person is not None
    login(world.admin).get(reverse("admin:complaints_person_change", args=[person.pk]))
    assert entries(actor=world.admin)[-1].communication_reference == world.mine.reference
    assert (
        "An administrator of the portal"
        in login(world.filer).get(world.mine.get_absolute_url()).content.decode()
    )


def test_the_admin_shows_the_log_read_only_to_administrators(world: World) -> None:
    login(world.caseworker).get(world.mine.get_absolute_url())
    entry = AuditEntry.objects.get()
    admin = login(world.admin)
    assert admin.get(reverse("admin:complaints_auditentry_changelist")).status_code == 200
    change = reverse("admin:complaints_auditentry_change", args=[entry.pk])
    assert admin.get(change).status_code == 200
    admin.post(change, {"action": "change", "status_code": 500})
    delete = admin.post(reverse("admin:complaints_auditentry_delete", args=[entry.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == "read"
    world.caseworker.is_staff = True
    world.caseworker.save()
    assert login(world.caseworker).get(reverse("admin:complaints_auditentry_changelist")).status_code == 302


def test_an_administrator_exports_a_cases_log_from_the_admin(world: World) -> None:
    login(world.caseworker).get(world.mine.get_absolute_url())
    login(world.caseworker).get(world.theirs.get_absolute_url())
    admin = login(world.admin)
    changelist = reverse("admin:complaints_auditentry_changelist")
    listed = admin.get(changelist, {"q": str(world.mine.reference)}).content.decode()
    assert "complaints:communication_detail" in listed
    ids = list(
        AuditEntry.objects.filter(communication_reference=world.mine.reference).values_list("pk", flat=True)
    )
    response = admin.post(changelist, {"action": "export_csv", "_selected_action": ids})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["communication_reference"] for row in rows] == [str(world.mine.reference)]
    assert rows[0]["actor_username"] == world.caseworker.username


def test_the_export_command_writes_a_cases_log_as_csv_or_json(world: World) -> None:
    login(world.caseworker).get(world.mine.get_absolute_url())
    login(world.reviewer).get(world.mine.get_absolute_url())
    login(world.caseworker).get(world.theirs.get_absolute_url())
    out = io.StringIO()
    call_command("audit_export", str(world.mine.reference), "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert [row["actor_role"] for row in rows] == ["caseworker", "ombudsman_reviewer"]
    out = io.StringIO()
    call_command("audit_export", str(world.mine.reference), stdout=out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 2
    with pytest.raises(CommandError, match="Not a case reference"):
        call_command("audit_export", "not-a-reference")


def _some_entries(world: World) -> None:
    for user in (world.caseworker, world.reviewer, world.filer):
        login(user).get(world.mine.get_absolute_url())


def test_the_chain_verifies_when_nothing_was_touched(world: World) -> None:
    _some_entries(world)
    out = io.StringIO()
    call_command("audit_verify", stdout=out)
    assert "3 entries" in out.getvalue()


def _tamper(sql: str, params: list[Any]) -> None:
    """Change the table behind the portal's back, as someone with the database's owner rights could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE complaints_auditentry DISABLE TRIGGER complaints_auditentry_append_only"
            )
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE complaints_auditentry ENABLE TRIGGER complaints_auditentry_append_only"
            )


def test_the_chain_check_finds_a_tampered_entry(world: World) -> None:
    _some_entries(world)
    second = entries()[1]
    _tamper("UPDATE complaints_auditentry SET actor_role = %s WHERE id = %s", ["filer", second.pk])
    with pytest.raises(CommandError, match=f"breaks at entry {second.pk}: its fields were changed"):
        call_command("audit_verify")


def test_the_chain_check_finds_a_removed_entry(world: World) -> None:
    _some_entries(world)
    _first, second, third = entries()
    _tamper("DELETE FROM complaints_auditentry WHERE id = %s", [second.pk])
    with pytest.raises(CommandError, match=f"breaks at entry {third.pk}: an entry before it was removed"):
        call_command("audit_verify")


def test_a_chain_rewritten_without_the_key_does_not_verify(world: World, settings: Any) -> None:
    _some_entries(world)
    settings.AUDIT_CHAIN_KEY = "another key than the one the log was written with"
    with pytest.raises(CommandError, match="breaks at entry"):
        call_command("audit_verify")


def test_entries_are_hashed_as_logs_written_before_were_so_an_old_chain_still_verifies(
    world: World, settings: Any
) -> None:
    settings.AUDIT_CHAIN_KEY = "the key of an older log"
    _some_entries(world)
    previous = GENESIS
    for entry in entries():
        # How every entry was hashed before the key was derived once per run of entries.
        message = previous + "\n" + entry_message(entry)
        expected = salted_hmac(SALT, message, secret=settings.AUDIT_CHAIN_KEY, algorithm="sha256").hexdigest()
        assert (entry.previous_hash, entry.hash) == (previous, expected)
        previous = entry.hash


def test_on_postgresql_no_one_can_update_or_delete_an_entry(world: World) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL only")
    _some_entries(world)
    entry = entries()[0]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor_role="filer")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE complaints_auditentry SET hash = %s", ["0" * 64])
    assert AuditEntry.objects.get(pk=entry.pk).actor_role == entry.actor_role
    call_command("audit_verify", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_writers_at_the_same_time_keep_one_unbroken_chain() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the chain's lock is PostgreSQL's; SQLite writes one at a time")
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    from complaints.audit.services import audit_write

    def write(number: int) -> None:
        try:
            for _ in range(20):
                audit_write(
                    [AuditEntry(action="read", route=f"writer-{number}", method="GET", status_code=200)],
                    durable=number % 2 == 0,
                )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, range(4)))
    assert AuditEntry.objects.count() == 80
    call_command("audit_verify", stdout=io.StringIO())


def test_control_characters_in_what_was_asked_are_kept_out_of_the_entry(world: World) -> None:
    response = login(world.filer).get("/api/v1/people/a%00b/", HTTP_USER_AGENT="agent\x00\x1b[31m")
    assert response.status_code == 404
    [entry] = entries(actor=world.filer)
    assert (entry.action, entry.object_id, entry.user_agent) == ("refused", "ab", "agent[31m")
