"""Completeness checks before the filing dossier, shown in the wizard with a link to the step."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from complaints.models import Communication, Document, Person
from tests.conftest import World, login
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

AUTHORISATION = "add their power of attorney"
DECISIONS = "add a copy of the final decision"


def _add(case: Communication, kind: str) -> None:
    document = Document(
        communication=case,
        kind=kind,
        title="Paper",
        original_name="paper.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    document.file.save("paper.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    document.save()


def _review(world: World) -> str:
    url = reverse("complaints:wizard_step", args=[world.mine.reference, "review"])
    return login(world.filer).get(url).content.decode()


def test_a_representative_without_an_authorisation_is_pointed_to_the_documents_step(world: World) -> None:
    PersonFactory.create(communication=world.mine, role=Person.Role.REPRESENTATIVE)
    page = _review(world)
    assert AUTHORISATION in page
    assert reverse("complaints:wizard_step", args=[world.mine.reference, "documents"]) in page
    assert "rule 13" in page
    _add(world.mine, Document.Kind.POWER_OF_ATTORNEY)
    assert AUTHORISATION not in _review(world)


def test_a_signed_consent_also_authorises_the_representative(world: World) -> None:
    PersonFactory.create(communication=world.mine, role=Person.Role.REPRESENTATIVE)
    _add(world.mine, Document.Kind.CONSENT)
    assert AUTHORISATION not in _review(world)


def test_no_representative_no_authorisation_asked(world: World) -> None:
    assert AUTHORISATION not in _review(world)


def test_exhausted_remedies_need_a_copy_of_the_final_decision(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(remedies_exhausted=True)
    assert DECISIONS in _review(world)
    _add(world.mine, Document.Kind.DOMESTIC_DECISION)
    assert DECISIONS not in _review(world)


def test_remedies_not_exhausted_ask_for_no_decision(world: World) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(remedies_exhausted=False)
    assert DECISIONS not in _review(world)
