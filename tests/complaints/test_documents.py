"""Uploading annexes (security finding 7): crafted pictures and PDFs are refused in plain words, never a 500.

Every crafted file is built here, a few hundred bytes at most: a PNG or JPEG header can claim any
size without carrying the pixels.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from complaints.documents import MAX_COMMUNICATION_PAGES, DocumentRejected, document_add
from complaints.models import Communication, Document
from tests.conftest import World, login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# ---- Crafted files ----


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` RGB pixels, with almost no pixel data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """A baseline JPEG header (SOF0 and SOS) declaring ``width`` × ``height``, with no real scan data."""
    components = b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + components
    scan = b"\xff\xda" + struct.pack(">HB", 12, 3) + b"\x01\x00\x02\x00\x03\x00" + b"\x00\x3f\x00"
    return b"\xff\xd8" + frame + scan + b"\x00" * 16 + b"\xff\xd9"


def png_photo(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def animated_png(frames: int) -> bytes:
    pictures = [Image.new("RGB", (20, 20), (n * 40, 0, 0)) for n in range(frames)]
    out = io.BytesIO()
    pictures[0].save(out, format="PNG", save_all=True, append_images=pictures[1:])
    return out.getvalue()


def pdf_of(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return pdf_of(writer)


def javascript_action(code: str = "app.alert('hi')") -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(code),
        }
    )


def pdf_with_annotation(annotation: DictionaryObject) -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    annotation.update(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 100, 100)]),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return pdf_of(writer)


def pdf_with_open_action_javascript() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(javascript_action())
    return pdf_of(writer)


def pdf_with_javascript_name_tree() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    names = ArrayObject([TextStringObject("hello"), writer._add_object(javascript_action())])
    tree = DictionaryObject({NameObject("/Names"): names})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return pdf_of(writer)


def pdf_with_page_javascript() -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(javascript_action())})
    return pdf_of(writer)


def pdf_with_launch_link() -> bytes:
    launch = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    return pdf_with_annotation(
        DictionaryObject({NameObject("/Subtype"): NameObject("/Link"), NameObject("/A"): launch})
    )


def pdf_with_embedded_file() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("payload.exe", b"MZ not really")
    return pdf_of(writer)


def pdf_with_file_attachment_annotation() -> bytes:
    spec = DictionaryObject(
        {NameObject("/Type"): NameObject("/Filespec"), NameObject("/F"): TextStringObject("payload.exe")}
    )
    return pdf_with_annotation(
        DictionaryObject({NameObject("/Subtype"): NameObject("/FileAttachment"), NameObject("/FS"): spec})
    )


def pdf_with_a_looping_chain_of_actions_ending_in_javascript(length: int) -> bytes:
    """/OpenAction → /Next → … → JavaScript, each action an object, the last pointing back to the first."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    start = DictionaryObject({NameObject("/S"): NameObject("/GoTo")})
    first = writer._add_object(start)
    previous = start
    for _ in range(length):
        action = DictionaryObject({NameObject("/S"): NameObject("/GoTo")})
        reference = writer._add_object(action)
        previous[NameObject("/Next")] = reference
        previous = action
    last = javascript_action()
    last[NameObject("/Next")] = first
    previous[NameObject("/Next")] = writer._add_object(last)
    writer._root_object[NameObject("/OpenAction")] = first
    return pdf_of(writer)


# ---- Helpers ----


def start(client: Client) -> Communication:
    assert client.post(reverse("complaints:communication_start")).status_code == 302
    return Communication.objects.latest("pk")


def upload(client: Client, communication: Communication, name: str, content: bytes) -> Any:
    communication.refresh_from_db()
    url = reverse("complaints:wizard_step", args=[communication.reference, "documents"])
    data = {"version": communication.version, "kind": "evidence", "title": "Annex"}
    return client.post(url, {**data, "file": SimpleUploadedFile(name, content)})


def add(world: World, content: bytes, name: str = "annex") -> Document:
    return document_add(
        communication=world.mine,
        upload=SimpleUploadedFile(name, content),
        kind="evidence",
        title="Annex",
        actor=world.filer,
    )


def nothing_was_kept(settings: Any) -> bool:
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    return not Document.objects.exists() and not files


@pytest.fixture
def filer() -> Client:
    return login(UserFactory.create())


# ---- 1. Images: a pixel limit read from the header, and no 500 for any malformed picture ----


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("court-decision.png", png_claiming(30000, 30000)),
        ("court-decision.jpg", jpeg_claiming(65500, 65500)),
        ("court-decision.png", png_claiming(12000, 12000)),  # 144 megapixels: only a warning for Pillow
    ],
    ids=["png-30000x30000", "jpeg-65500x65500", "png-144-megapixels"],
)
def test_a_picture_claiming_too_many_pixels_is_refused_with_a_clear_message(
    filer: Client, name: str, content: bytes, settings: Any
) -> None:
    response = upload(filer, start(filer), name, content)
    assert response.status_code == 400
    assert "This picture is too big" in response.content.decode()
    assert nothing_was_kept(settings)


def test_a_png_of_144_megapixels_is_refused_by_the_service_as_well(world: World) -> None:
    with pytest.raises(DocumentRejected, match="too big"):
        add(world, png_claiming(12000, 12000))


def test_a_phone_photo_of_48_megapixels_is_accepted(world: World) -> None:
    document = add(world, png_claiming(8000, 6000))
    assert (document.content_type, document.page_count) == ("image/png", 1)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("truncated.png", png_photo()[:60]),
        ("bogus.jpg", b"\xff\xd8\xff" + b"\x13" * 50),
        ("zero.png", png_claiming(0, 10)),
        ("bad-crc.png", png_photo()[:-5] + b"\x00" * 5),
        ("jpeg-without-scan.jpg", jpeg_claiming(100, 100)[:21]),
        ("huge-header-broken.png", png_claiming(2**31 - 1, 2**31 - 1)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_no_malformed_picture_gives_a_server_error(
    filer: Client, name: str, content: bytes, settings: Any
) -> None:
    response = upload(filer, start(filer), name, content)
    assert response.status_code == 400
    assert nothing_was_kept(settings)


def test_an_animated_picture_is_refused_since_the_dossier_shows_one_page_per_picture(
    filer: Client, settings: Any
) -> None:
    response = upload(filer, start(filer), "animation.png", animated_png(frames=3))
    assert response.status_code == 400
    assert "several pictures" in response.content.decode()
    assert nothing_was_kept(settings)


# ---- 2. A page budget per communication ----


def test_the_annexes_of_a_communication_share_a_budget_of_pages(world: World) -> None:
    half = MAX_COMMUNICATION_PAGES // 2
    add(world, blank_pdf(half))
    add(world, blank_pdf(MAX_COMMUNICATION_PAGES - half))
    with pytest.raises(DocumentRejected, match=f"more than {MAX_COMMUNICATION_PAGES} pages"):
        add(world, png_photo())
    assert world.mine.documents.count() == 2


def test_the_wizard_says_when_the_page_budget_is_spent_and_keeps_nothing(
    filer: Client, settings: Any
) -> None:
    c = start(filer)
    for _ in range(MAX_COMMUNICATION_PAGES // 150):
        assert upload(filer, c, "decision.pdf", blank_pdf(150)).status_code == 302
    files_before = {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    response = upload(filer, c, "more.pdf", blank_pdf(1))
    assert response.status_code == 400
    assert f"more than {MAX_COMMUNICATION_PAGES} pages" in response.content.decode()
    assert c.documents.count() == MAX_COMMUNICATION_PAGES // 150
    assert {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()} == files_before


# ---- 4. PDFs with JavaScript, launch actions or embedded files ----


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(pdf_with_open_action_javascript(), id="open-action"),
        pytest.param(pdf_with_javascript_name_tree(), id="name-tree"),
        pytest.param(pdf_with_page_javascript(), id="page-additional-action"),
        pytest.param(
            pdf_with_annotation(
                DictionaryObject(
                    {NameObject("/Subtype"): NameObject("/Widget"), NameObject("/A"): javascript_action()}
                )
            ),
            id="annotation-action",
        ),
        pytest.param(pdf_with_launch_link(), id="launch"),
    ],
)
def test_a_pdf_carrying_javascript_or_a_launch_action_is_refused(
    filer: Client, content: bytes, settings: Any
) -> None:
    response = upload(filer, start(filer), "decision.pdf", content)
    assert response.status_code == 400
    assert "print it to PDF again" in response.content.decode()
    assert nothing_was_kept(settings)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(pdf_with_embedded_file(), id="embedded-files"),
        pytest.param(pdf_with_file_attachment_annotation(), id="file-attachment-annotation"),
    ],
)
def test_a_pdf_carrying_other_files_is_refused(world: World, content: bytes) -> None:
    with pytest.raises(DocumentRejected, match="print it to PDF again"):
        add(world, content, "decision.pdf")
    assert not world.mine.documents.exists()


def test_a_long_loop_of_actions_is_checked_without_recursion_and_refused(world: World) -> None:
    with pytest.raises(DocumentRejected):
        add(world, pdf_with_a_looping_chain_of_actions_ending_in_javascript(5000), "decision.pdf")


def test_an_ordinary_pdf_with_a_web_link_is_accepted(world: World) -> None:
    from weasyprint import HTML

    pdf = HTML(string='<p>See <a href="https://www.ohchr.org/">the Committee</a>.</p>').write_pdf(
        pdf_variant="pdf/ua-1"
    )
    assert add(world, pdf, "decision.pdf").page_count == 1
