"""The redacted dossier names nobody of the family: not in its pages, outline, metadata or file names.

Rule 29(4) of the Committee's rules of procedure lets the author ask that the identity of the
victims not be made public; the redacted variant is what can be shared. Everything a reader or a
program can take out of the PDF is searched for every name of the family, in every spelling the case
uses, also in Latin letters (anyascii, as the redaction itself reads names), without regard to case.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pikepdf
import pytest
from anyascii import anyascii
from pypdf import PdfReader

from complaints.dossiers.services import dossier_render_bytes
from complaints.models import Communication
from tests.complaints.dossier_cases import FAMILY_NAMES, LAWYER, family_case
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _strings(value: Any, seen: set[tuple[int, int]]) -> Iterator[str]:
    """Every string and name in a PDF object and what it refers to (streams' dictionaries too)."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        if value.objgen in seen:
            return
        seen.add(value.objgen)
    if isinstance(value, (pikepdf.String, pikepdf.Name)):
        yield str(value)
    elif isinstance(value, pikepdf.Array):
        for item in value:
            yield from _strings(item, seen)
    elif isinstance(value, (pikepdf.Dictionary, pikepdf.Stream)):
        for key, item in value.items():
            if key in ("/Parent", "/P", "/Pg", "/Font", "/FontFile2", "/DescendantFonts"):
                continue
            yield from _strings(item, seen)


def everything_readable(pdf: bytes) -> dict[str, str]:
    """What can be read out of ``pdf``: page text, outline, document info, XMP, and every string object."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = {f"page {n}": page.extract_text() or "" for n, page in enumerate(reader.pages, start=1)}

    def titles(items: list[Any]) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    parts["outline"] = "\n".join(titles(reader.outline))
    parts["document info"] = "\n".join(f"{k}: {v}" for k, v in (reader.metadata or {}).items())
    document = pikepdf.open(io.BytesIO(pdf))
    parts["XMP"] = document.Root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in document.Root else ""
    parts["attachments"] = "\n".join(document.attachments.keys())
    parts["strings"] = "\n".join(_strings(document.trailer, set()))  # /Alt, /Contents, destinations, ...
    return parts


def spellings() -> list[str]:
    return [spelling for name, others in FAMILY_NAMES.items() for spelling in (name, *others)]


def found(name: str, text: str) -> bool:
    """Whether ``name`` is in ``text`` as written or in Latin letters, whatever the case."""
    plain = re.compile(re.escape(name), re.IGNORECASE)
    latin = re.compile(re.escape(anyascii(name)), re.IGNORECASE)
    return bool(plain.search(text) or latin.search(anyascii(text)))


@pytest.fixture
def family(world: World) -> Communication:
    return family_case(world.mine)


def test_the_case_names_the_family_everywhere_in_the_filing_dossier(family: Communication) -> None:
    """The search works: the filing dossier, made from the same case, does show the names."""
    parts = everything_readable(dossier_render_bytes(communication=family, variant="filing")[0])
    text = "\n".join(parts.values())
    for name in ("Айгерім", "Нұрлан", "Сапарова", "Aigerim", "gulnar.saparova@example.org"):
        assert found(name, text), name
    assert any(found("Сапаров", title) for title in parts["outline"].splitlines())  # an annex's bookmark


def test_no_name_of_the_family_survives_in_the_redacted_dossier(family: Communication) -> None:
    parts = everything_readable(dossier_render_bytes(communication=family, variant="redacted")[0])
    leaks = [
        f"{name!r} in {where}: {line.strip()[:120]!r}"
        for where, text in parts.items()
        for line in text.splitlines()
        for name in spellings()
        if found(name, line)
    ]
    assert leaks == []
    pages = "\n".join(text for where, text in parts.items() if where.startswith("page"))
    for initials in ("А.С.", "Н.С.", "Г.С."):  # instead of the names
        assert initials in pages
    for contact in ("gulnar.saparova@example.org", "+7 701", "Абай"):
        assert contact not in pages


def test_the_redacted_dossier_keeps_the_lawyers_name(family: Communication) -> None:
    """A lawyer acting for the family is not the family: the name stays, as in the Committee's decisions."""
    pages = everything_readable(dossier_render_bytes(communication=family, variant="redacted")[0])
    assert found(f"{LAWYER[0]} {LAWYER[1]}", "\n".join(pages.values()))
