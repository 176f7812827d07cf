"""Documents and dossiers in an S3-compatible bucket: moto's server mode (started by .ci/run).

The portal's storage is configured from the S3_* variables by portal/settings.py, as in a
deployment; the bucket is read directly with boto3, so the tests see what the store holds.
"""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from complaints.crypto.keys import key_ring
from complaints.dossiers.services import dossier_render_bytes, dossier_request
from complaints.health import forget_storage_health
from complaints.models import Communication, Document, Dossier, Person
from portal.settings import files_storage
from tests.conftest import login
from tests.factories import (
    ClaimFactory,
    CommunicationFactory,
    DomesticRemedyFactory,
    PersonFactory,
    UserFactory,
)
from tests.integration.conftest import Bucket

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def key(stored: Document | Dossier) -> str:
    """The object's key in the bucket: the stored file's name."""
    assert stored.file.name
    return stored.file.name


def a_pdf(text: str) -> bytes:
    return HTML(string=f"<p>{text}</p>").write_pdf()


def upload_through_the_wizard(client: Client, communication: Communication, content: bytes) -> Any:
    communication.refresh_from_db()
    url = reverse("complaints:wizard_step", args=[communication.reference, "documents"])
    data = {"version": communication.version, "kind": "evidence", "title": "Решение суда"}
    return client.post(url, {**data, "file": SimpleUploadedFile("aliya-saparova-court.pdf", content)})


def downloaded(response: Any) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def decrypted(token: bytes) -> bytes:
    """What the portal reads from an object of the bucket: files are encrypted at rest."""
    return key_ring().decrypt(token, "an object of the test bucket")


def nothing_on_the_local_disk() -> bool:
    media = Path(settings.MEDIA_ROOT)
    return not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_an_upload_through_the_wizard_lands_in_the_bucket_and_downloads_back_identical(
    s3_bucket: Bucket,
) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner)
    content = a_pdf("ANNEX-IN-THE-BUCKET")
    filer = login(owner)

    assert upload_through_the_wizard(filer, communication, content).status_code == 302
    document = Document.objects.get(communication=communication)
    assert s3_bucket.object_keys() == [key(document)]
    in_the_bucket = s3_bucket.read(key(document))
    assert b"ANNEX-IN-THE-BUCKET" not in in_the_bucket
    assert not in_the_bucket.startswith(b"%PDF")
    assert decrypted(in_the_bucket) == content
    assert "aliya" not in key(document)  # the stored name never carries the user's file name
    assert nothing_on_the_local_disk()

    url = reverse("complaints:document_download", args=[communication.reference, document.pk])
    response = filer.get(url)
    assert downloaded(response) == content
    assert hashlib.sha256(content).hexdigest() == document.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "aliya" not in response["Content-Disposition"]
    assert s3_bucket.name not in response.get("Location", "")


def test_an_anonymous_visitor_or_another_user_cannot_get_a_file_from_the_bucket(s3_bucket: Bucket) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner)
    assert upload_through_the_wizard(login(owner), communication, a_pdf("PRIVATE-ANNEX")).status_code == 302
    document = Document.objects.get(communication=communication)
    url = reverse("complaints:document_download", args=[communication.reference, document.pk])

    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    stranger = login(UserFactory.create()).get(url)
    assert stranger.status_code == 404
    for response in (anonymous, stranger):
        assert not response.streaming
        assert b"PRIVATE-ANNEX" not in response.content
        assert s3_bucket.name not in response.get("Location", "")


def test_removing_a_drafts_annex_removes_its_object_from_the_bucket(s3_bucket: Bucket) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner)
    filer = login(owner)
    assert upload_through_the_wizard(filer, communication, a_pdf("FIRST")).status_code == 302
    assert upload_through_the_wizard(filer, communication, a_pdf("SECOND")).status_code == 302
    first, second = Document.objects.filter(communication=communication).order_by("pk")
    assert s3_bucket.object_keys() == sorted([key(first), key(second)])

    remove = reverse("complaints:wizard_document_remove", args=[communication.reference, first.pk])
    assert filer.post(remove).status_code == 302

    assert not Document.objects.filter(pk=first.pk).exists()
    assert s3_bucket.object_keys() == [key(second)]
    with pytest.raises(ClientError):
        s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=key(first))


def wait_until_done(dossier: Dossier, seconds: float = 120) -> Dossier:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        dossier.refresh_from_db()
        if dossier.status in (Dossier.Status.READY, Dossier.Status.FAILED):
            return dossier
        time.sleep(0.3)
    pytest.fail(f"the dossier is still {dossier.status} after {seconds} s")


def test_a_dossier_rendered_by_a_real_worker_reads_its_annex_from_the_bucket_and_is_stored_there(
    s3_bucket: Bucket, celery_worker_on_s3: Any
) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner, dossier_language="ru", signed_name="Гульнара")
    PersonFactory.create(communication=communication, given_name="Алия", family_name="Сапарова")
    PersonFactory.create(communication=communication, role=Person.Role.AUTHOR, given_name="Гульнара")
    ClaimFactory.create(communication=communication)
    DomesticRemedyFactory.create(communication=communication)
    filer = login(owner)
    annex = a_pdf("ANNEX-READ-FROM-THE-BUCKET")
    assert upload_through_the_wizard(filer, communication, annex).status_code == 302
    document = Document.objects.get(communication=communication)

    # The web process only queues: the worker, another process, reads the annex from the bucket.
    dossier = dossier_request(communication=communication, requested_by=owner)
    assert dossier.status == Dossier.Status.QUEUED
    dossier = wait_until_done(dossier)
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    assert dossier.sent_at is not None  # the outbox recorded the send, as on the local disk

    assert s3_bucket.object_keys() == sorted([key(document), key(dossier)])
    stored = decrypted(s3_bucket.read(key(dossier)))  # the bucket holds it encrypted at rest
    assert hashlib.sha256(stored).hexdigest() == dossier.sha256
    pages = PdfReader(io.BytesIO(stored)).pages
    assert "ANNEX-READ-FROM-THE-BUCKET" in (pages[-1].extract_text() or "")
    assert nothing_on_the_local_disk()

    response = filer.get(reverse("complaints:dossier_download", args=[dossier.pk]))
    assert downloaded(response) == stored
    assert response["Cache-Control"] == "no-store, private"
    stranger = login(UserFactory.create()).get(reverse("complaints:dossier_download", args=[dossier.pk]))
    assert stranger.status_code == 404
    assert Client().get(reverse("complaints:dossier_download", args=[dossier.pk])).status_code == 302


def test_a_rerender_replaces_the_dossiers_object_and_deletes_the_old_one(
    s3_bucket: Bucket, celery_worker_on_s3: Any
) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner)
    PersonFactory.create(communication=communication)
    ClaimFactory.create(communication=communication)
    dossier = wait_until_done(dossier_request(communication=communication, requested_by=owner))
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    first = key(dossier)

    Communication.objects.filter(pk=communication.pk).update(version=communication.version + 1)
    dossier = wait_until_done(dossier_request(communication=communication, requested_by=owner))
    deadline = time.monotonic() + 30
    while first in s3_bucket.object_keys() and time.monotonic() < deadline:
        time.sleep(0.2)  # the old object goes once the new row is committed
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    assert key(dossier) != first
    assert s3_bucket.object_keys() == [key(dossier)]


def test_a_file_the_bucket_no_longer_holds_answers_404_not_500(s3_bucket: Bucket) -> None:
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner)
    filer = login(owner)
    assert upload_through_the_wizard(filer, communication, a_pdf("GONE")).status_code == 302
    document = Document.objects.get(communication=communication)
    s3_bucket.client.delete_object(Bucket=s3_bucket.name, Key=key(document))

    url = reverse("complaints:document_download", args=[communication.reference, document.pk])
    assert filer.get(url).status_code == 404


def test_an_annex_merged_from_the_bucket_keeps_every_page(s3_bucket: Bucket) -> None:
    """The render in this process reads a three-page annex from the bucket through the storage."""
    owner = UserFactory.create()
    communication = CommunicationFactory.create(filer=owner, dossier_language="en")
    PersonFactory.create(communication=communication)
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert upload_through_the_wizard(login(owner), communication, buffer.getvalue()).status_code == 302

    pdf, _source = dossier_render_bytes(communication=communication, variant=Dossier.Variant.FILING)
    last = [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages[-3:]]
    assert [f"page {n} of 3" in text for n, text in enumerate(last, start=1)] == [True] * 3


def test_the_health_check_says_whether_the_s3_store_answers(
    s3_bucket: Bucket, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Client().get("/healthz").json()["storage"] == "ok"

    forget_storage_health()
    monkeypatch.setenv("S3_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    settings.STORAGES = {**settings.STORAGES, "default": files_storage()}
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert (response.json()["storage"], response.json()["status"]) == ("down", "degraded")
