"""The family's rights over its data: download everything, erase a draft at once, erase a submitted
case down to the record of its filing, and purge that record after the retention period."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints import tasks
from complaints.deadlines.services import deadlines_recompute
from complaints.models import (
    Claim,
    Communication,
    Deadline,
    Document,
    DomesticRemedy,
    Dossier,
    ErasureRecord,
    Event,
    Invitation,
    OtherProcedure,
    Person,
    Submission,
    Triage,
    User,
)
from complaints.privacy.erasure import communication_erase, erasures_purge
from complaints.services import snapshot_of
from tests.conftest import World, login
from tests.factories import (
    ClaimFactory,
    CommunicationFactory,
    DomesticRemedyFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHILD = "Айгерім"
FAMILY_NAME = "Privacy-Secretname"
STORY = "Privacy-story: the school sent the child home."
PRIVATE_NOTE = "Privacy-private-caseworker-note"
OFFICE_NOTE = "Privacy-office-internal-note"
DOCUMENT_BYTES = b"%PDF-1.7 privacy-annex \x00\x01\x02 bytes"
PHOTO_BYTES = b"\x89PNG\r\n\x1a\n privacy-photo"


@dataclass
class Case:
    communication: Communication
    documents: dict[str, bytes]  # stored name -> bytes uploaded
    dossiers: dict[str, tuple[str, bytes]]  # variant -> (stored name, bytes)

    @property
    def reference(self) -> str:
        return str(self.communication.reference)

    def fresh(self) -> Communication:
        return Communication.objects.get(pk=self.communication.pk)


def stored(name: str) -> bytes:
    """A stored file's content as the portal reads it (decrypted by the files' own storage)."""
    with Dossier.file.field.storage.open(name, "rb") as handle:
        return bytes(handle.read())


def build_case(world: World, status: str = Communication.Status.DRAFT) -> Case:
    """The filer's case with every kind of part a family's data can sit in, and files in storage."""
    today = timezone.localdate()
    dates: dict[str, Any] = {}
    if status != Communication.Status.DRAFT:
        dates = {
            "submitted_on": today - timedelta(days=40),
            "signed_on": today - timedelta(days=40),
            "signed_name": f"{CHILD} {FAMILY_NAME}",
            "registered_on": today - timedelta(days=20),
            "committee_reference": "CRC/C/99/D/7/2026",
        }
    communication = CommunicationFactory.create(
        filer=world.filer,
        organisation=world.ngo,
        routed_to=world.office,
        status=status,
        title=f"{CHILD}'s school",
        facts_summary=STORY,
        protection_details="Privacy-fears",
        translations={"facts_summary": "Privacy-translation"},
        **dates,
    )
    victim = PersonFactory.create(communication=communication, given_name=CHILD, family_name=FAMILY_NAME)
    PersonFactory.create(communication=communication, role=Person.Role.AUTHOR, given_name="Privacy-mother")
    ClaimFactory.create(communication=communication, explanation="Privacy-claim")
    DomesticRemedyFactory.create(communication=communication, outcome="Privacy-remedy")
    OtherProcedure.objects.create(communication=communication, body="Privacy-procedure")
    Event.objects.create(communication=communication, kind=Event.Kind.NOTE, occurred_on=today, note="Public")
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.NOTE,
        occurred_on=today,
        note=PRIVATE_NOTE,
        is_private=True,
    )
    Triage.objects.create(
        communication=communication,
        decision=Triage.Decision.SUPPORT,
        reason_for_filer="Privacy-reason-for-filer",
        note=OFFICE_NOTE,
        decided_by=world.reviewer,
    )
    Invitation.objects.create(
        communication=communication,
        person=victim,
        role=Invitation.Role.CHILD,
        email="privacy-child@example.org",
        language="kk",
        token_sha256=f"{communication.pk:064d}",
        created_by=world.caseworker,
        expires_at=timezone.now() + timedelta(days=14),
        answer=Invitation.Answer.AGREED,
        answer_comment="Privacy-child-answer",
    )
    documents: dict[str, bytes] = {}
    for title, data in (("Court decision", DOCUMENT_BYTES), ("Photo", PHOTO_BYTES)):
        document = Document(
            communication=communication,
            title=title,
            original_name="upload",
            content_type="application/pdf",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            uploaded_by=world.filer,
        )
        document.file.save("upload", ContentFile(data), save=False)
        document.save()
        documents[str(document.file.name)] = data
    dossiers: dict[str, tuple[str, bytes]] = {}
    for variant in Dossier.Variant.values:
        data = f"%PDF-1.7 privacy-dossier {variant}".encode()
        dossier = Dossier(
            communication=communication,
            variant=variant,
            status=Dossier.Status.READY,
            requested_version=communication.version,
            communication_version=communication.version,
            requested_at=timezone.now(),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        dossier.file.save(f"{variant}.pdf", ContentFile(data))
        dossiers[variant] = (str(dossier.file.name), data)
    deadlines_recompute(communication=communication)
    if status != Communication.Status.DRAFT:
        Submission.objects.create(
            communication=communication,
            version=communication.version,
            snapshot=snapshot_of(communication),
            signed_name=f"{CHILD} {FAMILY_NAME}",
            signed_on=today - timedelta(days=40),
            submitted_by=world.filer,
        )
    return Case(Communication.objects.get(pk=communication.pk), documents, dossiers)


def read_archive(response: Any) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


# ---- Export ----


def test_the_filer_downloads_one_archive_with_the_case_as_json_and_every_file_byte_for_byte(
    world: World,
) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    response = login(world.filer).get(reverse("complaints:communication_export", args=[case.reference]))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert (
        response["Content-Disposition"] == f'attachment; filename="case-{case.fresh().short_reference}.zip"'
    )
    archive = read_archive(response)
    data = json.loads(archive.read("case.json"))
    assert set(data) == {
        "format",
        "exported_at",
        "communication",
        "people",
        "claims",
        "remedies",
        "other_procedures",
        "invitations",
        "events",
        "deadlines",
        "review_decisions",
        "submissions",
        "dispatches",
        "clarification_requests",
        "procedure_requests",
        "documents",
        "dossiers",
        "not_included",
    }
    assert data["communication"]["reference"] == case.reference
    assert data["communication"]["facts_summary"] == STORY
    assert {person["given_name"] for person in data["people"]} == {CHILD, "Privacy-mother"}
    assert data["claims"][0]["explanation"] == "Privacy-claim"
    assert data["remedies"][0]["outcome"] == "Privacy-remedy"
    assert data["other_procedures"][0]["body"] == "Privacy-procedure"
    assert data["invitations"][0]["answer_comment"] == "Privacy-child-answer"
    assert "token_sha256" not in data["invitations"][0]
    assert data["review_decisions"][0]["reason_for_filer"] == "Privacy-reason-for-filer"
    assert data["submissions"][0]["snapshot"]["facts_summary"] == STORY
    assert data["deadlines"], "the case's time limits are part of it"
    # Every uploaded document and the filing and redacted dossiers, as stored, byte for byte.
    uploaded = {hashlib.sha256(data).hexdigest(): data for data in case.documents.values()}
    assert len(data["documents"]) == len(uploaded) == 2
    for entry in data["documents"]:
        assert archive.read(entry["file_in_archive"]) == uploaded[entry["sha256"]]
    assert sorted(entry["variant"] for entry in data["dossiers"]) == ["filing", "redacted"]
    for entry in data["dossiers"]:
        assert archive.read(entry["file_in_archive"]) == case.dossiers[entry["variant"]][1]
    assert len(archive.namelist()) == 1 + 2 + 2
    # The handlers' working notes stay out, and the archive says so.
    whole = b"".join(archive.read(name) for name in archive.namelist())
    for secret in (PRIVATE_NOTE.encode(), OFFICE_NOTE.encode(), b"privacy-dossier internal"):
        assert secret not in whole
    assert len(data["not_included"]) == 4


def test_an_administrator_may_download_a_case_for_the_family(world: World) -> None:
    case = build_case(world)
    response = login(world.admin).get(reverse("complaints:communication_export", args=[case.reference]))
    assert response.status_code == 200
    assert "case.json" in read_archive(response).namelist()


@pytest.mark.parametrize("url_name", ["communication_export", "communication_erase"])
def test_another_filer_gets_404_and_the_handling_caseworker_403_for_the_download_and_the_erasure(
    world: World, url_name: str
) -> None:
    case = build_case(world)
    url = reverse(f"complaints:{url_name}", args=[case.reference])
    stranger = UserFactory.create(role=User.Role.FILER)
    method = "get" if url_name == "communication_export" else "post"
    assert getattr(login(stranger), method)(url).status_code == 404
    assert getattr(login(world.caseworker), method)(url).status_code == 403
    assert Communication.objects.filter(pk=case.communication.pk, erased_on=None).exists()


def test_the_case_page_offers_the_download_and_the_erasure_to_the_filer_only(world: World) -> None:
    case = build_case(world)
    page = login(world.filer).get(case.communication.get_absolute_url()).content.decode()
    assert reverse("complaints:communication_export", args=[case.reference]) in page
    assert reverse("complaints:communication_erase", args=[case.reference]) in page
    handler_page = login(world.caseworker).get(case.communication.get_absolute_url()).content.decode()
    assert reverse("complaints:communication_erase", args=[case.reference]) not in handler_page


# ---- Erasure of a draft ----


def test_the_confirmation_page_says_plainly_what_erasing_a_draft_and_a_submitted_case_do(
    world: World,
) -> None:
    draft = build_case(world)
    page = login(world.filer).get(reverse("complaints:communication_erase", args=[draft.reference]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "nobody can bring it back" in text
    assert "Yes, delete this draft" in text
    assert Communication.objects.filter(pk=draft.communication.pk).exists(), "a GET erases nothing"
    sent = build_case(world, Communication.Status.SUBMITTED)
    text = (
        login(world.filer)
        .get(reverse("complaints:communication_erase", args=[sent.reference]))
        .content.decode()
    )
    assert "The Committee keeps its own copy" in text
    assert "It is kept for 5 years" in text


def test_erasing_a_draft_removes_every_row_and_deletes_every_file_from_storage(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = build_case(world)
    pk = case.communication.pk
    deadlines = Deadline.objects.filter(communication_id=pk).count()
    assert deadlines, "the draft's filing limit"
    names = [*case.documents, *(name for name, _ in case.dossiers.values())]
    assert all(default_storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.filer).post(reverse("complaints:communication_erase", args=[case.reference]))

    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:dashboard")
    assert not Communication.objects.filter(pk=pk).exists()
    for model in (
        Person,
        Claim,
        DomesticRemedy,
        OtherProcedure,
        Document,
        Dossier,
        Event,
        Invitation,
        Triage,
    ):
        assert not model.objects.filter(communication_id=pk).exists(), model.__name__
    for name in names:
        assert not default_storage.exists(name), name
    record = ErasureRecord.objects.get(reference=case.communication.reference)
    assert record.kind == ErasureRecord.Kind.DRAFT
    assert record.asked_by == ErasureRecord.Asker.FILER
    assert record.requested_by == world.filer
    assert record.performed_by == world.filer
    assert record.removed == {
        "people": 2,
        "claims": 1,
        "remedies": 1,
        "other_procedures": 1,
        "documents": 2,
        "invitations": 1,
        "review_decisions": 1,
        "events": 2,
        "dossiers": 3,
        "deadlines": deadlines,
        "case": 1,
    }
    assert_record_holds_no_erased_data(record)


def assert_record_holds_no_erased_data(record: ErasureRecord) -> None:
    fields = {field.name: getattr(record, field.attname) for field in ErasureRecord._meta.concrete_fields}
    text = json.dumps(fields, cls=DjangoJSONEncoder)
    for erased in (CHILD, FAMILY_NAME, STORY, "Privacy", "school"):
        assert erased not in text, erased


# ---- Erasure of a submitted case ----

# The record of a filing (README, Your data): what a submitted case keeps after erasure.
KEPT = {
    "reference",
    "filer_id",
    "organisation_id",
    "routed_to_id",
    "state",
    "status",
    "closure",
    "dossier_language",
    "signed_on",
    "submitted_on",
    "registered_on",
    "committee_reference",
    "interim_measures_granted_on",
    "transmitted_on",
    "observations_received_on",
    "comments_due_months",
    "comments_sent_on",
    "admissibility_decided_on",
    "views_adopted_on",
    "follow_up_received_on",
    "closed_on",
    "next_deadline_on",
    "created_at",
}


def test_erasing_a_submitted_case_keeps_exactly_the_record_of_its_filing(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    before = case.fresh()
    submission = Submission.objects.get(communication=before)
    signed_sha256 = hashlib.sha256(
        json.dumps(submission.snapshot, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder).encode()
    ).hexdigest()
    today = date(2026, 11, 30)

    with django_capture_on_commit_callbacks(execute=True):
        record = communication_erase(user=world.filer, reference=case.reference, today=today)

    after = case.fresh()
    for field in Communication._meta.concrete_fields:
        if field.name == "id" or field.attname in {"version", "updated_at", "erased_on", "purge_after"}:
            continue
        if field.attname in KEPT:
            assert getattr(after, field.attname) == getattr(before, field.attname), field.name
        else:
            assert getattr(after, field.attname) == field.get_default(), field.name
    assert after.erased_on == today
    assert after.purge_after == today + timedelta(days=1826)
    assert after.version == before.version + 1
    assert after.committee_reference == "CRC/C/99/D/7/2026"
    assert after.title == ""
    assert after.facts_summary == ""
    assert after.translations == {}
    # The parts that hold what the family said are gone; one event says that they were erased.
    for model in (Person, Claim, DomesticRemedy, OtherProcedure, Document, Invitation, Triage):
        assert not model.objects.filter(communication=after).exists(), model.__name__
    assert list(Event.objects.filter(communication=after).values_list("kind", "note")) == [("erased", "")]
    # The submission keeps its date, version and the checksum of what was signed; not its content.
    submission.refresh_from_db()
    assert submission.snapshot == {}
    assert submission.signed_name == ""
    assert submission.snapshot_sha256 == signed_sha256
    assert submission.version == before.version
    # The filing dossier, as sent, stays; the others and every upload are deleted from storage.
    filing_name, filing_bytes = case.dossiers["filing"]
    assert stored(filing_name) == filing_bytes
    assert list(Dossier.objects.filter(communication=after).values_list("variant", flat=True)) == ["filing"]
    for variant in ("redacted", "internal"):
        assert not default_storage.exists(case.dossiers[variant][0])
    for name in case.documents:
        assert not default_storage.exists(name)
    assert after.deadlines.exists(), "the time limits are dates of the filing, kept with it"
    assert record.kind == ErasureRecord.Kind.SUBMITTED
    assert record.purge_after == after.purge_after
    assert record.removed["people"] == 2
    assert record.removed["submission_snapshots"] == 1
    assert record.removed["dossiers"] == 2
    assert_record_holds_no_erased_data(record)


def test_the_filer_sees_what_is_left_and_cannot_erase_twice(world: World) -> None:
    case = build_case(world, Communication.Status.REGISTERED)
    client = login(world.filer)
    url = reverse("complaints:communication_erase", args=[case.reference])
    response = client.post(url, follow=True)
    page = response.content.decode()
    assert "Only the record that it was sent is kept." in page
    assert STORY not in page
    assert FAMILY_NAME not in page
    assert url not in page, "nothing left to erase: the button is gone"
    version = case.fresh().version
    again = client.post(url, follow=True)
    assert "This case was already erased." in again.content.decode()
    assert case.fresh().version == version
    assert ErasureRecord.objects.filter(reference=case.communication.reference).count() == 1


def test_an_administrator_erases_at_the_familys_request_and_the_record_says_who_asked_and_who_did_it(
    world: World,
) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    url = reverse("complaints:communication_erase", args=[case.reference])
    admin = login(world.admin)
    assert "Who asked for this?" in admin.get(url).content.decode()
    response = admin.post(url, {"asked_by": ErasureRecord.Asker.FAMILY})
    assert response.status_code == 302
    record = ErasureRecord.objects.get(reference=case.communication.reference)
    assert record.asked_by == ErasureRecord.Asker.FAMILY
    assert record.requested_by == world.filer
    assert record.performed_by == world.admin
    assert Event.objects.get(communication=case.communication, kind=Event.Kind.ERASED).actor == world.admin


def test_an_administrator_must_say_who_asked(world: World) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    url = reverse("complaints:communication_erase", args=[case.reference])
    response = login(world.admin).post(url, {"asked_by": "nobody"})
    assert response.status_code == 200
    assert case.fresh().erased_on is None


# ---- The purge after the retention period ----


def test_the_purge_removes_the_kept_record_after_the_retention_period_and_not_before(
    world: World, settings: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    settings.ERASURE_RETENTION_DAYS = 30
    case = build_case(world, Communication.Status.SUBMITTED)
    erased_on = date(2026, 1, 10)
    with django_capture_on_commit_callbacks(execute=True):
        communication_erase(user=world.filer, reference=case.reference, today=erased_on)
    purge_after = case.fresh().purge_after
    assert purge_after == date(2026, 2, 9)
    filing_name = case.dossiers["filing"][0]

    assert erasures_purge(today=purge_after) == 0
    assert Communication.objects.filter(pk=case.communication.pk).exists()
    assert default_storage.exists(filing_name)

    with django_capture_on_commit_callbacks(execute=True):
        assert erasures_purge(today=purge_after + timedelta(days=1)) == 1
    assert not Communication.objects.filter(pk=case.communication.pk).exists()
    assert not Submission.objects.filter(communication_id=case.communication.pk).exists()
    assert not default_storage.exists(filing_name)
    kinds = set(
        ErasureRecord.objects.filter(reference=case.communication.reference).values_list("kind", flat=True)
    )
    assert kinds == {ErasureRecord.Kind.SUBMITTED, ErasureRecord.Kind.PURGED}
    purged = ErasureRecord.objects.get(reference=case.communication.reference, kind=ErasureRecord.Kind.PURGED)
    assert purged.asked_by == ErasureRecord.Asker.RETENTION
    assert purged.removed["case"] == 1
    assert erasures_purge(today=purge_after + timedelta(days=2)) == 0


def test_the_daily_task_purges_what_is_due_today_and_leaves_the_rest(world: World) -> None:
    due = build_case(world, Communication.Status.SUBMITTED)
    later = build_case(world, Communication.Status.SUBMITTED)
    today = timezone.localdate()
    Communication.objects.filter(pk=due.communication.pk).update(
        erased_on=today, purge_after=today - timedelta(1)
    )
    Communication.objects.filter(pk=later.communication.pk).update(erased_on=today, purge_after=today)
    assert tasks.purge_erased_cases() == 1
    assert not Communication.objects.filter(pk=due.communication.pk).exists()
    assert Communication.objects.filter(pk=later.communication.pk).exists()


def test_beat_runs_the_purge_daily_and_a_request_runs_it_without_a_broker(
    world: World, settings: Any, client: Client
) -> None:
    assert settings.CELERY_BEAT_SCHEDULE["purge-erased-cases"] == {
        "task": "complaints.tasks.purge_erased_cases",
        "schedule": 24 * 60 * 60.0,
    }
    case = build_case(world, Communication.Status.SUBMITTED)
    yesterday = timezone.localdate() - timedelta(days=1)
    Communication.objects.filter(pk=case.communication.pk).update(erased_on=yesterday, purge_after=yesterday)
    settings.DEADLINE_SWEEP_ON_REQUESTS = True
    client.get("/healthz")
    assert not Communication.objects.filter(pk=case.communication.pk).exists()


def test_administrators_read_the_log_of_erasures_in_the_admin_and_nobody_can_change_it(world: World) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    record = communication_erase(user=world.filer, reference=case.reference)
    admin = login(world.admin)
    listing = admin.get(reverse("admin:complaints_erasurerecord_changelist"))
    assert listing.status_code == 200
    assert str(case.communication.reference) in listing.content.decode()
    change = reverse("admin:complaints_erasurerecord_change", args=[record.pk])
    assert admin.post(change, {"kind": "draft"}).status_code == 403
    assert admin.post(reverse("admin:complaints_erasurerecord_delete", args=[record.pk])).status_code == 403
    assert ErasureRecord.objects.get(pk=record.pk).kind == ErasureRecord.Kind.SUBMITTED
    assert (
        login(world.caseworker).get(reverse("admin:complaints_erasurerecord_changelist")).status_code != 200
    )


def test_no_new_dossier_can_be_made_of_an_erased_case_so_the_filed_one_stays_as_it_was(world: World) -> None:
    case = build_case(world, Communication.Status.SUBMITTED)
    communication_erase(user=world.filer, reference=case.reference)
    filing = Dossier.objects.get(communication=case.communication, variant=Dossier.Variant.FILING)
    url = reverse("complaints:dossier_request", args=[case.reference, "filing"])
    caseworker = login(world.caseworker)
    answer = caseworker.post(url, HTTP_ACCEPT="application/json")
    assert answer.status_code == 409
    assert "erased" in answer.json()["detail"]
    page = caseworker.post(url, follow=True).content.decode()
    assert "no new dossier can be made" in page
    after = Dossier.objects.get(pk=filing.pk)
    assert (after.status, after.file.name, after.sha256) == (filing.status, filing.file.name, filing.sha256)
    assert stored(str(after.file.name)) == case.dossiers["filing"][1]
    download = caseworker.get(reverse("complaints:dossier_download", args=[filing.pk]))
    assert b"".join(download.streaming_content) == case.dossiers["filing"][1]  # type: ignore[attr-defined]
