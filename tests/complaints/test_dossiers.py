"""PDF dossiers: extractable Kazakh and Russian text, bookmarks, merged annexes, variants, service, views."""

from __future__ import annotations

import gc
import hashlib
import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader
from weasyprint import HTML

from complaints.dossiers import services as dossiers
from complaints.dossiers.services import dossier_render, dossier_render_bytes, dossier_request
from complaints.models import Communication, Document, Dossier, Event, Person
from complaints.tasks import render_dossier
from tests.conftest import World, login
from tests.factories import ClaimFactory, DomesticRemedyFactory, PersonFactory

pytestmark = pytest.mark.django_db

KAZAKH = "Мектеп баланы мүгедектігіне байланысты қабылдаудан бас тартты"
RUSSIAN = "Школа отказалась принять ребёнка из-за инвалидности"


def annex_pdf(*pages: str) -> bytes:
    body = "".join(f'<p style="break-before: page">{text}</p>' for text in pages)
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def annex_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def attach(
    communication: Communication, title: str, data: bytes, content_type: str, kind: str = "evidence"
) -> Document:
    document = Document(
        communication=communication,
        kind=kind,
        title=title,
        original_name="upload",
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    return document


def text_of(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def outline_titles(pdf: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(io.BytesIO(pdf)).outline)
    return titles


@pytest.fixture
def case(world: World) -> Communication:
    communication = world.mine
    Communication.objects.filter(pk=communication.pk).update(
        dossier_language="ru",
        title="Дело Алии Сапаровой",
        facts_summary=f"{KAZAKH}. Алию Сапарову не приняли в школу №5.",
        translations={"facts_summary": f"{RUSSIAN}. Алию Сапарову не приняли в школу №5."},
        remedies_sought="Принять Алию в школу.",
        signed_name="Гульнара Сапарова",
        signed_on=date(2025, 5, 1),
        names_confidential=True,
    )
    communication.refresh_from_db()
    communication.people.all().delete()
    PersonFactory.create(
        communication=communication,
        role=Person.Role.AUTHOR,
        given_name="Гульнара",
        family_name="Сапарова",
        email="gulnara@example.org",
        phone="+7 701 000 00 00",
        address="Алматы, ул. Абая 1",
        relationship_to_victim="мать",
    )
    PersonFactory.create(
        communication=communication,
        given_name="Алия",
        family_name="Сапарова",
        consent_statement="Я хочу учиться вместе со всеми. Алия",
        consent_on=date(2025, 4, 30),
    )
    attach(
        communication,
        "Решение Верховного суда",
        annex_pdf("ANNEX-ONE-FIRST-PAGE", "ANNEX-ONE-SECOND-PAGE"),
        "application/pdf",
        "domestic_decision",
    )
    attach(communication, "Фотография", annex_png(), "image/png")
    Event.objects.create(
        communication=communication,
        kind="note",
        occurred_on=date(2025, 5, 2),
        note="Private-caseworker-note",
        is_private=True,
    )
    return communication


_SHARED_FILING_PDF: dict[str, bytes] = {}


@pytest.fixture
def filing_pdf(case: Communication) -> bytes:
    """The filing dossier of ``case``, rendered once per test process: the tests that use it only read it."""
    if "filing" not in _SHARED_FILING_PDF:
        _SHARED_FILING_PDF["filing"] = dossier_render_bytes(communication=case, variant="filing")[0]
    return _SHARED_FILING_PDF["filing"]


def test_kazakh_and_russian_text_is_real_extractable_text(filing_pdf: bytes) -> None:
    text = " ".join(text_of(filing_pdf))
    assert KAZAKH in text
    assert RUSSIAN in text
    assert "Сопроводительное письмо" in text  # the labels are in the dossier's language
    assert "8. Факты" in text
    assert "petitions@ohchr.org" in text


def test_the_dossier_is_tagged_titled_in_its_language_and_uses_only_the_bundled_fonts(
    filing_pdf: bytes,
) -> None:
    reader = PdfReader(io.BytesIO(filing_pdf))
    root: Any = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "ru"
    assert "/Metadata" in root
    assert reader.metadata is not None
    assert reader.metadata.title is not None
    assert reader.metadata.title.startswith("Сообщение в Комитет по правам ребёнка")
    fonts = set()
    for page in reader.pages[:3]:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]  # embedded
    assert fonts <= {"Dossier-Sans", "Dossier-Sans-Bold"}


def test_bookmarks_lead_to_the_letter_every_section_and_every_annex(filing_pdf: bytes) -> None:
    titles = outline_titles(filing_pdf)
    assert titles[0] == "Сопроводительное письмо"
    for expected in ("2. Автор сообщения", "8. Факты", "12. Перечень приложений", "Подпись и согласие"):
        assert expected in titles
    assert "Приложение 1: Решение Верховного суда" in titles
    assert "Приложение 2: Фотография" in titles


def test_annex_pages_are_merged_in_order_and_the_list_gives_their_first_page(filing_pdf: bytes) -> None:
    pages = text_of(filing_pdf)
    first = next(i for i, text in enumerate(pages) if "ANNEX-ONE-FIRST-PAGE" in text)
    assert "ANNEX-ONE-SECOND-PAGE" in pages[first + 1]
    assert "Приложение 1: Решение Верховного суда, стр. 1 из 2" in pages[first]
    photo = next(i for i, text in enumerate(pages) if "Приложение 2: Фотография, стр. 1 из 1" in text)
    assert photo == first + 2 == len(pages) - 1
    listing = next(text for text in pages if "12. Перечень приложений" in text)
    assert re.search(rf"1 Решение Верховного суда Решение национального органа 2 {first + 1}\b", listing), (
        listing
    )
    assert re.search(rf"2 Фотография Доказательство 1 {photo + 1}\b", listing), listing
    image_page: Any = PdfReader(io.BytesIO(filing_pdf)).pages[photo]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in image_page["/Resources"]["/XObject"].values())


def test_the_redacted_dossier_names_no_child_and_leaves_the_annexes_out(case: Communication) -> None:
    pdf = dossier_render_bytes(communication=case, variant="redacted")[0]
    text = " ".join(text_of(pdf))
    for name in ("Алия", "Алии", "Алию", "Сапаров", "Гульнара", "gulnara@example.org", "+7 701", "Абая"):
        assert name not in text, name
    assert "А.С." in text
    assert "Г.С." in text
    assert "2014" in text  # the year of birth stays, as in the Committee's decisions
    assert "ANNEX-ONE-FIRST-PAGE" not in text
    assert "В этой обезличенной версии приложения не воспроизводятся." in text
    assert KAZAKH in text


def test_only_the_internal_dossier_has_the_timeline_and_private_notes(
    case: Communication, filing_pdf: bytes
) -> None:
    assert "Private-caseworker-note" not in " ".join(text_of(filing_pdf))
    internal = dossier_render_bytes(communication=case, variant="internal")[0]
    text = " ".join(text_of(internal))
    assert "Private-caseworker-note" in text
    assert "Ход дела (для внутреннего пользования)" in text
    assert "Сроки (для внутреннего пользования)" in text
    assert "Факультативный протокол, ст. 7(h)" in text  # the filing limit's source, in Russian


def test_the_internal_dossier_lists_the_victims_the_check_leaves_out_and_why(
    case: Communication, filing_pdf: bytes
) -> None:
    """A victim who refused consent is left out (OPIC art. 5(2)); only the internal dossier says so."""
    PersonFactory.create(communication=case, consent="not_given", without_consent_reason="")
    victims = case.people.filter(role=Person.Role.VICTIM).count()
    internal = " ".join(text_of(dossier_render_bytes(communication=case, variant="internal")[0]))
    assert "Части, которые проверка портала исключает" in internal
    assert f"Жертва {victims}" in internal
    assert "ст. 5(2) Протокола" in internal  # the reference, in the dossier's language
    filing = " ".join(text_of(dossier_render_bytes(communication=case, variant="filing")[0]))
    assert "Части, которые проверка портала исключает" not in filing


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "Cover letter"),
        ("fr", "Lettre d'accompagnement"),
        ("es", "Carta de presentación"),
        ("ar", "the portal has none yet in the language chosen"),
    ],
)
def test_the_labels_follow_the_dossiers_un_language(world: World, language: str, phrase: str) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language=language)
    world.mine.refresh_from_db()
    pdf = dossier_render_bytes(communication=world.mine)[0]
    assert phrase in " ".join(text_of(pdf))
    root: Any = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    # A language whose labels are not translated yet gets English ones, and the document says so.
    assert root["/Lang"] == (language if language != "ar" else "en")


def test_a_damaged_annex_gets_a_notice_page_instead_of_stopping_the_dossier(world: World) -> None:
    attach(world.mine, "Broken scan", b"%PDF-1.7 this is not a pdf", "application/pdf")
    text = " ".join(text_of(dossier_render_bytes(communication=world.mine)[0]))
    assert "Это приложение невозможно воспроизвести" in text


def test_a_picture_stored_before_the_pixel_limit_gets_a_notice_page_instead_of_being_decoded(
    world: World,
) -> None:
    from tests.complaints.test_documents import png_claiming

    attach(world.mine, "Huge photo", png_claiming(12000, 12000), "image/png")
    text = " ".join(text_of(dossier_render_bytes(communication=world.mine)[0]))
    assert "Это приложение невозможно воспроизвести" in text


def test_annexes_stored_before_the_page_budget_stop_at_the_budget(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossiers, "MAX_COMMUNICATION_PAGES", 3)
    attach(world.mine, "First", annex_pdf("FIRST-1", "FIRST-2"), "application/pdf")
    attach(world.mine, "Second", annex_pdf("SECOND-1", "SECOND-2"), "application/pdf")
    attach(world.mine, "Third", annex_pdf("THIRD-1"), "application/pdf")
    text = " ".join(text_of(dossier_render_bytes(communication=world.mine)[0]))
    assert "FIRST-2" in text
    assert "SECOND-1" not in text
    assert "Это приложение невозможно воспроизвести" in text
    assert "THIRD-1" not in text  # the notice page of the second annex took the last page


def test_the_article_text_is_quoted_in_english_when_the_dossier_language_has_none(
    case: Communication, filing_pdf: bytes
) -> None:
    text = " ".join(text_of(filing_pdf))
    assert "Текст статьи (на языке: английский)" in text
    assert "States Parties recognize the right of the child to education" in text


# ---- Requesting and rendering ----


def test_requesting_queues_after_commit_and_renders_once(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    assert len(callbacks) == 1
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY
    assert dossier.communication_version == world.mine.version
    data = dossier.file.read()
    assert dossier.sha256 == hashlib.sha256(data).hexdigest()
    assert dossier.page_count == len(PdfReader(io.BytesIO(data)).pages)
    assert str(dossier.file.name).startswith(f"dossiers/{world.mine.reference.hex}/")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = dossier_request(communication=world.mine, requested_by=world.filer)
    assert (again.pk, len(callbacks)) == (dossier.pk, 0)  # current: nothing to do
    assert Dossier.objects.filter(communication=world.mine).count() == 1


def test_rendering_twice_keeps_one_current_dossier(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    dossier.refresh_from_db()
    name = dossier.file.name
    assert dossier_render(dossier_id=dossier.pk) is not None
    assert render_dossier.delay(dossier.pk).get() == "ready"
    dossier.refresh_from_db()
    assert (dossier.file.name, dossier.attempts) == (name, 1)
    assert Dossier.objects.count() == 2  # this one and the stranger's


def test_an_edit_marks_the_dossier_out_of_date_and_a_new_render_replaces_the_file(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    dossier.refresh_from_db()
    old_name, old_version = str(dossier.file.name), int(dossier.communication_version or 0)
    storage = dossier.file.storage
    Communication.objects.filter(pk=world.mine.pk).update(
        version=old_version + 1, facts_summary="Edited facts"
    )
    dossier.refresh_from_db()
    assert dossier.is_out_of_date
    with django_capture_on_commit_callbacks(execute=True):
        dossier_request(communication=world.mine, requested_by=world.filer)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.communication_version, dossier.is_out_of_date) == (
        "ready",
        old_version + 1,
        False,
    )
    assert dossier.file.name != old_name
    assert not storage.exists(old_name)
    assert "Edited facts" in " ".join(text_of(dossier.file.read()))


def test_a_failure_is_recorded_with_a_reason_the_user_can_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(source: Any) -> bytes:
        raise ValueError("layout exploded")

    monkeypatch.setattr(dossiers, "dossier_pdf", broken)
    dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    result = dossier_render(dossier_id=dossier.pk)
    assert result is not None
    assert (result.status, result.failure) == ("failed", "render_error")
    assert "layout exploded" in result.failure_detail
    state = login(world.filer).get(reverse("complaints:dossier_status", args=[dossier.pk])).json()
    assert state["status"] == "failed"
    assert state["failure"] == str(Dossier.Failure.RENDER_ERROR.label)
    assert "exploded" not in str(state)


def test_transient_errors_are_retried_then_given_up(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(source: Any) -> bytes:
        raise OSError("disk briefly gone")

    monkeypatch.setattr(dossiers, "dossier_pdf", flaky)
    dossier = dossier_request(communication=world.mine, requested_by=world.filer)
    with pytest.raises(dossiers.TransientRenderError):
        dossier_render(dossier_id=dossier.pk, final_attempt=False)
    dossier.refresh_from_db()
    assert dossier.status == "queued"
    assert render_dossier.apply(args=(dossier.pk,), retries=render_dossier.max_retries).get() == "failed"
    dossier.refresh_from_db()
    assert (dossier.failure, dossier.attempts) == ("gave_up", 2)


# ---- Views ----


def test_the_filer_asks_for_a_dossier_and_downloads_it(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    client = login(world.filer)
    url = reverse("complaints:dossier_request", args=[world.mine.reference, "filing"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, headers={"accept": "application/json"})
    assert response.status_code == 202
    dossier = Dossier.objects.get(communication=world.mine, variant="filing")
    state = client.get(reverse("complaints:dossier_status", args=[dossier.pk])).json()
    assert (state["status"], state["ready"], state["out_of_date"]) == ("ready", True, False)
    download = client.get(state["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert world.mine.short_reference in download["Content-Disposition"]
    assert world.mine.title not in download["Content-Disposition"]
    body = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(body).hexdigest() == state["sha256"]
    page = client.get(world.mine.get_absolute_url()).content.decode()
    assert 'id="dossiers"' in page
    assert "dossier-status.js" in page
    assert state["download_url"] in page


def test_the_case_page_without_javascript_shows_the_status_and_a_refresh_link(world: World) -> None:
    client = login(world.filer)
    client.post(
        reverse("complaints:dossier_request", args=[world.mine.reference, "redacted"])
    )  # not run: no commit
    page = client.get(world.mine.get_absolute_url()).content.decode()
    assert str(Dossier.Status.QUEUED.label) in page
    assert "<noscript>" in page
    assert 'data-pending="true"' in page


def test_a_filer_asking_for_dossiers_over_and_over_is_refused_past_the_hourly_budget(world: World) -> None:
    client = login(world.filer)
    url = reverse("complaints:dossier_request", args=[world.mine.reference, "filing"])
    for _ in range(dossiers.RENDER_REQUESTS_PER_HOUR):
        assert client.post(url, headers={"accept": "application/json"}).status_code == 202
    asked_at = Dossier.objects.get(communication=world.mine, variant="filing").requested_at
    Communication.objects.filter(pk=world.mine.pk).update(version=world.mine.version + 1)  # an edit

    refused = client.post(url, headers={"accept": "application/json"})
    assert refused.status_code == 429
    assert "too often" in refused.json()["detail"]
    assert Dossier.objects.get(communication=world.mine, variant="filing").requested_at == asked_at
    page = client.post(
        reverse("complaints:dossier_request", args=[world.mine.reference, "redacted"]), follow=True
    )
    assert "too often" in page.content.decode()  # the budget is the communication's, all variants
    assert not Dossier.objects.filter(communication=world.mine, variant="redacted").exists()


def test_every_caller_of_the_service_shares_the_budget_of_a_communication_for_one_hour(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(dossiers.RENDER_REQUESTS_PER_HOUR):
        dossier_request(communication=world.mine, variant="redacted", requested_by=world.caseworker)
    with pytest.raises(dossiers.RenderBudgetSpent):
        dossier_request(communication=world.mine, variant="internal", requested_by=world.caseworker)
    dossier_request(communication=world.theirs, requested_by=None)  # another communication: its own budget
    in_an_hour = dossiers.timezone.now() + timedelta(hours=1)
    monkeypatch.setattr(dossiers.timezone, "now", lambda: in_an_hour)
    assert dossier_request(communication=world.mine, variant="internal", requested_by=world.caseworker)


def test_the_internal_dossier_is_for_the_handling_caseworker_only(world: World) -> None:
    url = reverse("complaints:dossier_request", args=[world.mine.reference, "internal"])
    assert login(world.filer).post(url).status_code == 404
    assert login(world.reviewer).post(url).status_code == 404
    assert login(world.caseworker).post(url).status_code == 302
    dossier = Dossier.objects.get(communication=world.mine, variant="internal")
    assert login(world.filer).get(reverse("complaints:dossier_status", args=[dossier.pk])).status_code == 404
    assert (
        login(world.caseworker).get(reverse("complaints:dossier_status", args=[dossier.pk])).status_code
        == 200
    )


def test_nobody_else_reaches_a_dossier(world: World) -> None:
    theirs = Dossier.objects.get(communication=world.theirs)
    for user in (world.filer, world.caseworker, world.reviewer):
        client = login(user)
        assert client.get(reverse("complaints:dossier_status", args=[theirs.pk])).status_code == 404
        assert client.get(reverse("complaints:dossier_download", args=[theirs.pk])).status_code == 404
    assert login(world.admin).get(reverse("complaints:dossier_download", args=[theirs.pk])).status_code == 200
    assert (
        login(world.filer)
        .post(reverse("complaints:dossier_request", args=[world.mine.reference, "nonsense"]))
        .status_code
        == 404
    )


def test_the_command_renders_by_id_or_reference(world: World, tmp_path: Path, capsys: Any) -> None:
    ClaimFactory.create(communication=world.mine, article=19)
    DomesticRemedyFactory.create(communication=world.mine)
    by_id, by_reference = tmp_path / "a.pdf", tmp_path / "b.pdf"
    call_command("render_dossier", str(world.mine.pk), "--out", str(by_id))
    call_command(
        "render_dossier", str(world.mine.reference), "--out", str(by_reference), "--variant", "redacted"
    )
    assert "sha256" in capsys.readouterr().out
    assert len(PdfReader(by_id).pages) >= 3
    assert world.mine.people.get().family_name not in " ".join(text_of(by_reference.read_bytes()))
    with pytest.raises(SystemExit):
        call_command("render_dossier", "not-a-reference", "--out", str(by_id))


@pytest.mark.parametrize(
    ("language", "state", "date_written"),
    [
        ("ru", "Казахстан", "1 мая 2025 г."),
        ("fr", "Kazakhstan", "1 mai 2025"),
        ("es", "Kazajistán", "1 de mayo de 2025"),
        ("en", "Kazakhstan", "1 May 2025"),
    ],
)
def test_the_dossier_names_the_state_and_writes_dates_in_its_language(
    case: Communication, language: str, state: str, date_written: str
) -> None:
    Communication.objects.filter(pk=case.pk).update(dossier_language=language)
    html = dossiers.dossier_build(communication=case).html
    assert f"<td>{state}</td>" in html
    assert "KAZ" not in html
    assert date_written in html  # the signature's date


def test_the_page_geometry_is_written_with_a_decimal_point_whatever_the_dossier_language(
    case: Communication,
) -> None:
    html = dossiers.dossier_build(communication=case).html  # a Russian dossier: Russian writes 16,0 for 16.0
    assert re.search(r"margin: [0-9.]+mm [0-9.]+mm [0-9.]+mm [0-9.]+mm;", html)
    assert not re.search(r"[0-9],[0-9]+mm", html)


def test_an_unchanged_annex_is_read_and_checked_once_and_reused_by_the_next_dossier(
    case: Communication, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossiers._annex_cache.clear()
    readers: list[object] = []
    real_reader = dossiers.PdfReader

    def counting_reader(*args: Any, **kwargs: Any) -> Any:
        readers.append(args)
        return real_reader(*args, **kwargs)

    monkeypatch.setattr(dossiers, "PdfReader", counting_reader)
    first = dossier_render_bytes(communication=case, variant="filing")[0]
    assert len(readers) == 1  # the one PDF annex
    second = dossier_render_bytes(communication=case, variant="filing")[0]
    assert len(readers) == 1  # reused: neither read from storage nor parsed again
    assert "ANNEX-ONE-SECOND-PAGE" in " ".join(text_of(second))
    assert len(PdfReader(io.BytesIO(first)).pages) == len(PdfReader(io.BytesIO(second)).pages)
    attach(case, "Ещё одно решение", annex_pdf("ANNEX-TWO-ONLY-PAGE"), "application/pdf")
    third = dossier_render_bytes(communication=case, variant="filing")[0]
    assert len(readers) == 2  # a new upload is read once
    assert "ANNEX-TWO-ONLY-PAGE" in " ".join(text_of(third))


def test_every_stream_of_the_dossier_is_deflated_once_and_reads_back(filing_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(filing_pdf))
    for page in reader.pages:
        contents: Any = page["/Contents"]
        for stream in contents if isinstance(contents, list) else [contents]:
            stream = stream.get_object()
            assert stream.get("/Filter") in ("/FlateDecode", None)
            if len(stream._data) > 200:  # the annex's q/Q wrappers are a few bytes; text is not
                assert stream.get("/Filter") == "/FlateDecode"
                assert stream.get_data()  # inflates


def test_the_dossier_file_is_whole_with_its_objects_in_one_stream_and_an_identifier(
    filing_pdf: bytes,
) -> None:
    with pikepdf.open(io.BytesIO(filing_pdf)) as pdf:
        assert pdf.check_pdf_syntax() == []  # offsets, cross-reference stream and object stream agree
        identifier = pdf.trailer["/ID"]
        assert len(identifier) == 2
        assert len(bytes(identifier[0])) == 32  # an MD5, in hexadecimal
        object_streams = [
            o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Type") == "/ObjStm"
        ]
        assert len(object_streams) == 1
        assert object_streams[0].get("/Filter") == "/FlateDecode"
    root: Any = PdfReader(io.BytesIO(filing_pdf)).trailer["/Root"]
    assert root["/StructTreeRoot"]["/K"]  # read back through the object stream


def test_each_tagged_element_names_the_page_its_content_is_on(filing_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(filing_pdf)) as pdf:
        parents = {}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        for index in range(0, len(nums), 2):
            parents[int(nums[index])] = nums[index + 1]
        checked = 0
        for page in pdf.pages:
            marked = parents.get(int(page.obj.get("/StructParents", -1)))
            for mcid, element in enumerate(marked or []):
                if isinstance(element, pikepdf.Dictionary):
                    assert element.Pg.objgen == page.obj.objgen, (mcid, str(element.S))
                    checked += 1
        assert checked > 100  # every page's text, the annexes' captions included


def test_a_dossier_is_laid_out_with_the_collector_paused_and_leaves_it_as_it_found_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def failing_layout(source: object) -> bytes:
        seen.append(gc.isenabled())
        raise RuntimeError("layout failed")

    monkeypatch.setattr(dossiers, "_dossier_pdf", failing_layout)
    source = dossiers.DossierSource(html="", annexes=[], version=1, language="ru", variant="filing")
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        dossiers.dossier_pdf(source)
    assert seen == [False]
    assert gc.isenabled()  # enabled again, even after a failure
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            dossiers.dossier_pdf(source)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
