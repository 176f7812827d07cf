"""The filing and redacted dossiers meet the checked conditions of PDF/UA-1 (tests/pdfua.py).

The checker itself is tested first on small PDFs that break one condition each, so a clean dossier
means something.
"""

from __future__ import annotations

import io
import logging
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader
from weasyprint import HTML

from complaints.dossiers.services import dossier_build, dossier_render_bytes
from complaints.models import Communication
from tests import pdfua
from tests.complaints.dossier_cases import family_case
from tests.conftest import World

PNG_1PX = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9a"
    "wAAAABJRU5ErkJggg=="
)


def tagged(body: str, lang: str = "en") -> bytes:
    html = f"<html lang='{lang}'><head><title>A test</title></head><body>{body}</body></html>"
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def checkpoints(pdf: bytes) -> set[str]:
    return {finding.checkpoint for finding in pdfua.check(pdf)}


# ---- The checker finds what it should ----


def test_a_clean_tagged_page_has_no_findings() -> None:
    assert pdfua.check(tagged("<h1>Title</h1><p>Text.</p>")) == []


def test_an_untagged_pdf_has_no_mark_no_structure_no_identifier_and_untagged_content() -> None:
    plain = HTML(string="<html><body><p>Text.</p></body></html>").write_pdf()
    assert {"01-007", "01-006", "11-006", "07-001", "01-005"} <= checkpoints(plain)


def test_a_figure_without_alternative_text_is_found() -> None:
    assert "13-004" in checkpoints(tagged(f"<h1>T</h1><img src='{PNG_1PX}'>"))
    assert "13-004" not in checkpoints(tagged(f"<h1>T</h1><img src='{PNG_1PX}' alt='A dot'>"))


def test_a_skipped_heading_level_is_found() -> None:
    assert "14-003" in checkpoints(tagged("<h1>One</h1><h3>Three</h3>"))
    assert "14-002" in checkpoints(tagged("<h2>Two first</h2>"))


def test_a_table_without_header_cells_is_found() -> None:
    assert "15-xxx" in checkpoints(tagged("<h1>T</h1><table><tr><td>a</td><td>b</td></tr></table>"))
    assert "15-xxx" not in checkpoints(
        tagged("<h1>T</h1><table><tr><th scope='col'>a</th></tr><tr><td>b</td></tr></table>")
    )


def test_a_page_footer_tagged_outside_the_structure_tree_is_found() -> None:
    footer = "<style>@page { @bottom-right { content: counter(page) } }</style><h1>T</h1>"
    assert "01-005" in checkpoints(tagged(footer))


def test_a_link_without_contents_or_tab_order_and_an_unembedded_font_are_found() -> None:
    pdf = pikepdf.open(io.BytesIO(tagged("<h1>T</h1><p><a href='#x' id='x'>a link</a></p>")))
    page: Any = pdf.pages[0].obj
    assert len(page.Annots) == 1
    del page.Annots[0].Contents
    del page.Tabs
    font = next(iter(page.Resources.Font.values()))
    del font.DescendantFonts[0].FontDescriptor.FontFile2
    out = io.BytesIO()
    pdf.save(out)
    assert {"28-004", "28-009", "31-009"} <= checkpoints(out.getvalue())


# ---- The dossiers ----


@pytest.fixture
def family(world: World) -> Communication:
    return family_case(world.mine)


@pytest.mark.django_db
@pytest.mark.parametrize("variant", ["filing", "redacted"])
def test_the_dossier_meets_every_checked_pdfua_condition(family: Communication, variant: str) -> None:
    pdf, source = dossier_render_bytes(communication=family, variant=variant)
    if variant == "filing":
        assert [a.mode for a in source.annexes] == ["pdf", "image"]  # the merged annexes are checked too
    assert [str(finding) for finding in pdfua.check(pdf)] == []


@pytest.mark.django_db
def test_kazakh_text_in_a_russian_dossier_is_tagged_as_kazakh_and_its_translation_as_russian(
    family: Communication,
) -> None:
    pdf = pikepdf.open(io.BytesIO(dossier_render_bytes(communication=family, variant="filing")[0]))
    assert str(pdf.Root.Lang) == "ru"
    languages: dict[str, set[str]] = {}
    for element in pdf.objects:
        if isinstance(element, pikepdf.Dictionary) and "/Lang" in element and "/S" in element:
            languages.setdefault(str(element.Lang), set()).add(str(element.S))
    assert "kk" in languages  # the account of the facts, the remedies sought, Aigerim's own words
    assert "ru" in languages  # the filer's translations


FACTS_AR = "رفضت المدرسة قبول الطفلة بسبب إعاقتها، ولم يرد القسم على شكوى الوالدين."


@pytest.mark.django_db
def test_an_arabic_dossier_declares_its_english_labels_and_tags_the_authors_arabic_right_to_left(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """Arabic labels are not translated yet: the document is English, the author's account Arabic."""
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language="ar", facts_summary=FACTS_AR)
    world.mine.refresh_from_db()
    html = dossier_build(communication=world.mine, variant="filing").html
    assert '<html lang="en">' in html
    assert f'lang="ar" dir="rtl"><p>{FACTS_AR}</p>' in html
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        raw = dossier_render_bytes(communication=world.mine, variant="filing")[0]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []  # no CSS ignored
    pdf = pikepdf.open(io.BytesIO(raw))
    assert str(pdf.Root.Lang) == "en"
    tagged_arabic = [
        element
        for element in pdf.objects
        if isinstance(element, pikepdf.Dictionary)
        and "/S" in element
        and str(element.get("/Lang", "")) == "ar"
    ]
    assert tagged_arabic  # the account of the facts, read aloud as Arabic
    assert [str(finding) for finding in pdfua.check(raw)] == []


@pytest.mark.django_db
def test_every_annex_page_drawn_from_an_upload_is_an_artifact_under_its_tagged_caption(
    family: Communication,
) -> None:
    """An uploaded PDF cannot be tagged: its pages are drawn as Artifacts under a caption naming them."""
    pdf = pikepdf.open(io.BytesIO(dossier_render_bytes(communication=family, variant="filing")[0]))
    drawn = 0
    for page in pdf.pages:
        open_sequences: list[str] = []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            if str(operator) in ("BMC", "BDC"):
                open_sequences.append(str(operands[0]))
            elif str(operator) == "EMC":
                open_sequences.pop()
            elif str(operator) == "Do" and str(operands[0]).startswith("/OpicAnnex"):
                drawn += 1
                assert open_sequences == ["/Artifact"], open_sequences
    assert drawn == 2  # the two pages of the court decision


@pytest.mark.django_db
def test_the_page_footer_is_still_printed_on_every_page_as_a_pagination_artifact(
    family: Communication,
) -> None:
    pdf = dossier_render_bytes(communication=family, variant="redacted")[0]
    document = pikepdf.open(io.BytesIO(pdf))
    pages = len(document.pages)
    for number, page in enumerate(document.pages, start=1):
        artifacts = [
            instruction.operands[1]
            for instruction in pikepdf.parse_content_stream(page)
            if str(instruction.operator) == "BDC" and str(instruction.operands[0]) == "/Artifact"
        ]
        assert any(str(properties.get("/Type")) == "/Pagination" for properties in artifacts), number
        assert f"{number} из {pages}" in (PdfReader(io.BytesIO(pdf)).pages[number - 1].extract_text() or "")
