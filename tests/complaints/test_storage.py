"""Files through Django's storage API: annexes downloaded only through the case's permission check,
and a storage that fails (a disk, or an S3 store that does not answer) never a 500 nor a lost change.

The same paths against a real S3-compatible server: tests/integration/test_storage_s3.py.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from complaints.dossiers import services as dossiers
from complaints.filing.documents import document_add
from complaints.health import forget_storage_health
from complaints.models import Communication, Document, Dossier
from tests.complaints.test_documents import blank_pdf, png_photo
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STORE_DOWN = EndpointConnectionError(endpoint_url="http://minio:9000/portal-files")


def annex(world: World, content: bytes, name: str = "aliya-saparova-court.pdf") -> Document:
    upload = SimpleUploadedFile(name, content)
    return document_add(
        communication=world.mine, upload=upload, kind="evidence", title="Решение суда", actor=world.filer
    )


def download_url(document: Document) -> str:
    return reverse("complaints:document_download", args=[document.communication.reference, document.pk])


def body(response: Any) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def stored_files(settings: Any) -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def wizard_upload(client: Client, communication: Communication, content: bytes) -> Any:
    communication.refresh_from_db()
    url = reverse("complaints:wizard_step", args=[communication.reference, "documents"])
    data = {"version": communication.version, "kind": "evidence", "title": "Annex"}
    return client.post(url, {**data, "file": SimpleUploadedFile("court.pdf", content)})


# ---- Downloading an annex ----


def test_the_filer_downloads_an_annex_back_identical_from_the_link_on_the_case_page(world: World) -> None:
    content = blank_pdf(2)
    document = annex(world, content)
    client = login(world.filer)
    page = client.get(world.mine.get_absolute_url()).content.decode()
    assert f'href="{download_url(document)}"' in page
    wizard = client.get(reverse("complaints:wizard_step", args=[world.mine.reference, "documents"]))
    assert f'href="{download_url(document)}"' in wizard.content.decode()

    response = client.get(download_url(document))
    assert body(response) == content
    assert hashlib.sha256(content).hexdigest() == document.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store, private"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert world.mine.short_reference in disposition
    assert "aliya" not in disposition  # neither the file's own name nor its title can name a child


def test_a_picture_downloads_as_a_picture(world: World) -> None:
    content = png_photo()
    document = annex(world, content, name="photo.png")
    response = login(world.filer).get(download_url(document))
    assert body(response) == content
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('.png"')


def test_the_handling_caseworker_and_the_routed_reviewer_may_download_and_a_stranger_may_not(
    world: World,
) -> None:
    content = blank_pdf(1)
    document = annex(world, content)
    assert body(login(world.caseworker).get(download_url(document))) == content
    assert body(login(world.reviewer).get(download_url(document))) == content

    stranger = login(UserFactory.create()).get(download_url(document))
    assert stranger.status_code == 404
    anonymous = Client().get(download_url(document))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))


def test_an_annex_of_another_case_is_not_reached_through_ones_own_case(world: World) -> None:
    theirs = Document.objects.get(communication=world.theirs)
    url = reverse("complaints:document_download", args=[world.mine.reference, theirs.pk])
    assert login(world.filer).get(url).status_code == 404


def test_the_api_links_each_document_to_the_portals_download_and_never_to_the_store(world: World) -> None:
    document = annex(world, blank_pdf(1))
    response = login(world.filer).get("/api/v1/documents/", {"communication": str(world.mine.reference)})
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["download_url"] == download_url(document)
    assert str(document.file.name) not in response.content.decode()


def test_the_admin_shows_no_link_to_a_documents_stored_file(world: World) -> None:
    document = annex(world, blank_pdf(1))
    page = login(world.admin).get(reverse("admin:complaints_document_change", args=[document.pk]))
    assert page.status_code == 200
    assert document.file.name
    assert str(document.file.name) not in page.content.decode()


def test_a_file_missing_from_the_storage_answers_404(world: World, settings: Any) -> None:
    document = annex(world, blank_pdf(1))
    for path in stored_files(settings):
        path.unlink()
    assert login(world.filer).get(download_url(document)).status_code == 404


def test_a_storage_that_cannot_be_reached_answers_503_with_a_page_that_says_to_try_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = annex(world, blank_pdf(1))
    dossier = ready_dossier(world)

    def store_down(self: FileSystemStorage, name: str, mode: str = "rb") -> Any:
        raise STORE_DOWN

    monkeypatch.setattr(FileSystemStorage, "open", store_down)
    client = login(world.filer)
    for url in (download_url(document), reverse("complaints:dossier_download", args=[dossier.pk])):
        response = client.get(url)
        assert response.status_code == 503
        page = response.content.decode()
        assert "The file cannot be opened just now" in page
        assert f'href="{world.mine.get_absolute_url()}' in page
        assert "minio" not in page


def ready_dossier(world: World) -> Dossier:
    dossier = dossiers.dossier_request(communication=world.mine, requested_by=world.filer)
    result = dossiers.dossier_render(dossier_id=dossier.pk)
    assert result is not None
    assert result.status == Dossier.Status.READY
    return result


# ---- A storage that fails while writing or deleting ----


def test_an_upload_while_the_storage_is_down_is_refused_with_a_clear_message_and_keeps_nothing(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    def store_down(self: FileSystemStorage, name: str, content: Any, max_length: int | None = None) -> str:
        raise STORE_DOWN

    monkeypatch.setattr(FileSystemStorage, "save", store_down)
    client = login(UserFactory.create())
    assert client.post(reverse("complaints:communication_start")).status_code == 302
    communication = Communication.objects.latest("pk")

    response = wizard_upload(client, communication, blank_pdf(1))
    assert response.status_code == 400
    assert "could not be saved just now" in response.content.decode()
    assert not Document.objects.filter(communication=communication).exists()
    assert stored_files(settings) == []


def test_removing_an_annex_while_the_storage_cannot_delete_still_removes_it_and_logs_the_file(
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = annex(world, blank_pdf(1))
    name = document.file.name

    def store_down(self: FileSystemStorage, name: str) -> None:
        raise ClientError({"Error": {"Code": "503", "Message": "Slow Down"}}, "DeleteObject")

    monkeypatch.setattr(FileSystemStorage, "delete", store_down)
    remove = reverse("complaints:wizard_document_remove", args=[world.mine.reference, document.pk])
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = login(world.filer).post(remove)
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert f"stored file {name} could not be deleted" in caplog.text


def test_removing_an_annex_deletes_its_file_from_the_storage(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = annex(world, blank_pdf(1))
    kept = annex(world, blank_pdf(1))
    remove = reverse("complaints:wizard_document_remove", args=[world.mine.reference, document.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert login(world.filer).post(remove).status_code == 302
    assert not document.file.storage.exists(document.file.name or "")
    assert kept.file.storage.exists(kept.file.name or "")


# ---- The dossier's render reads annexes and writes its file through the storage ----


def test_an_annex_the_storage_cannot_give_makes_the_render_retry_not_fail(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    annex(world, blank_pdf(1))

    def store_down(self: FileSystemStorage, name: str, mode: str = "rb") -> Any:
        raise STORE_DOWN

    monkeypatch.setattr(FileSystemStorage, "open", store_down)
    dossier = dossiers.dossier_request(communication=world.mine, requested_by=world.filer)
    with pytest.raises(dossiers.TransientRenderError):
        dossiers.dossier_render(dossier_id=dossier.pk, final_attempt=False)
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.QUEUED
    assert dossier.sent_at is not None  # the retry is the latest send: the re-drive waits for it


def test_a_dossier_the_storage_cannot_save_is_retried_then_marked_as_a_storage_error(
    world: World, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    def store_down(self: FileSystemStorage, name: str, content: Any, max_length: int | None = None) -> str:
        raise ClientError({"Error": {"Code": "InternalError", "Message": "try again"}}, "PutObject")

    monkeypatch.setattr(FileSystemStorage, "save", store_down)
    dossier = dossiers.dossier_request(communication=world.mine, requested_by=world.filer)
    with pytest.raises(dossiers.TransientRenderError):
        dossiers.dossier_render(dossier_id=dossier.pk, final_attempt=False)
    result = dossiers.dossier_render(dossier_id=dossier.pk, final_attempt=True)
    assert result is not None
    assert (result.status, result.failure) == (Dossier.Status.FAILED, Dossier.Failure.STORAGE_ERROR)
    assert not result.file


# ---- /healthz ----


def test_the_health_check_reports_a_storage_that_does_not_answer_without_failing_the_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Client().get("/healthz").json()["storage"] == "ok"
    forget_storage_health()

    def store_down(self: FileSystemStorage, name: str) -> bool:
        raise STORE_DOWN

    monkeypatch.setattr(FileSystemStorage, "exists", store_down)
    response = Client().get("/healthz")
    assert response.status_code == 200  # pages without files are still served
    assert (response.json()["storage"], response.json()["status"]) == ("down", "degraded")


# ---- No address of the store ever reaches a page ----

ROOT = Path(__file__).resolve().parents[2]


def test_no_template_or_module_asks_the_storage_for_a_files_url() -> None:
    """A file's URL would be the store's own (signed, but outside the permission checks): none is made."""
    sources = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "complaints").rglob("*.py")]
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if "file.url" in path.read_text(encoding="utf-8")
        or "storage.url(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
