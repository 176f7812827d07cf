"""The dossier follows the OHCHR model form: its sections in the form's order, and a check-list page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from complaints.dossiers.labels import LABELLED_LANGUAGES, labels_for
from complaints.dossiers.model_form import MODEL_FORM_SECTIONS
from complaints.dossiers.services import dossier_render_bytes
from complaints.models import Communication, Document, Person
from tests.complaints.test_dossiers import annex_pdf, attach, text_of
from tests.conftest import World
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def outline(pdf: bytes) -> list[str]:
    """Every bookmark title of ``pdf``, in document order, whatever its level."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(io.BytesIO(pdf)).outline)
    return titles


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_dossiers_outline_lists_the_sections_in_the_order_of_the_model_form(
    world: World, language: str
) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language=language)
    pdf = dossier_render_bytes(communication=world.mine, variant="filing")[0]
    labels = labels_for(language)
    expected = [labels[section.label] for section in MODEL_FORM_SECTIONS]
    titles = outline(pdf)
    assert [title for title in titles if title in expected] == expected
    # The cover letter comes first, the signature page after the check-list.
    assert titles[0] == labels["cover_letter"]
    assert titles.index(labels["s_signature"]) > titles.index(labels["s_checklist"])


@pytest.mark.parametrize("language", LABELLED_LANGUAGES)
def test_every_section_heading_carries_its_number_in_the_model_forms_order(language: str) -> None:
    labels = labels_for(language)
    for number, section in enumerate(MODEL_FORM_SECTIONS, start=1):
        assert labels[section.label].startswith(f"{number}. "), (language, section.label)
    # The cover letter's pointers to sections follow the same numbers.
    interim = [s.label for s in MODEL_FORM_SECTIONS].index("s_interim") + 1
    annexes = [s.label for s in MODEL_FORM_SECTIONS].index("s_annexes") + 1
    assert f"{interim})" in labels["cover_urgent"]
    assert f" {annexes}." in labels["cover_body"]


def checklist_page(pdf: bytes, heading: str) -> str:
    pages = text_of(pdf)
    return next(text for text in pages if heading in text)


def test_the_check_list_page_says_what_is_attached_what_is_missing_and_what_to_check(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language="en", remedies_exhausted=True)
    PersonFactory.create(communication=world.mine, role=Person.Role.REPRESENTATIVE, given_name="Dana")
    attach(world.mine, "Supreme Court ruling", annex_pdf("RULING"), "application/pdf", "domestic_decision")
    attach(world.mine, "Medical report", annex_pdf("REPORT"), "application/pdf", Document.Kind.EVIDENCE)
    pdf = dossier_render_bytes(communication=world.mine, variant="filing")[0]
    page = checklist_page(pdf, "13. Check-list")

    assert "What is attached" in page
    # A representative acts and no authorisation is attached: the form's first paper is missing.
    assert "power of attorney, or the signed consent of the person represented Yes Missing" in page
    # Remedies are said to be exhausted: the decision is annex 1; the evidence is annex 2.
    assert "Copies of the decisions of the domestic courts and authorities Yes 1" in page
    assert "Documents that support the facts If there are any 2" in page
    # The dossier is in English like its text: nothing waits for a translation.
    assert "not translated" not in page
    assert "Before sending, check" in page
    for line in ("signed by hand", "keep the originals", "petitions@ohchr.org"):
        assert line in page


def test_the_check_list_names_the_texts_that_go_with_their_translation(world: World) -> None:
    """The world's case is in Russian with English text and its translation (tests/factories.py)."""
    pdf = dossier_render_bytes(communication=world.mine, variant="filing")[0]
    page = checklist_page(pdf, "13. Контрольный перечень")
    assert "Факты переведён" in page
    assert "не переведён" not in page
    assert "Перед отправкой проверьте" in page
