"""The filing and redacted dossiers are built from what was signed (the Submission snapshot)."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from complaints.dossiers.services import dossier_request
from complaints.models import Communication, Dossier, Person, Submission
from complaints.services import snapshot_of
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _signed(world: World) -> Communication:
    case = world.mine
    Communication.objects.filter(pk=case.pk).update(
        status=Communication.Status.SUBMITTED,
        submitted_on=timezone.localdate(),
        signed_name="Signed-As-Submitted",
        signed_on=timezone.localdate(),
        facts_summary="What-was-signed happened.",
    )
    case.refresh_from_db()
    assert case.signed_on is not None
    Submission.objects.create(
        communication=case,
        version=case.version,
        snapshot=snapshot_of(case),
        signed_name=case.signed_name,
        signed_on=case.signed_on,
    )
    return case


def _text(case: Communication, variant: str, capture: Any) -> str:
    with capture(execute=True):
        dossier = dossier_request(communication=case, variant=variant, requested_by=None, budgeted=False)
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    with dossier.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    return " ".join(page.extract_text() for page in reader.pages)


def test_a_later_change_of_the_rows_never_changes_the_filing_dossier(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = _signed(world)
    person = case.people.get()
    signed_family_name = person.family_name
    # Rows changed after signing (by a bug, a script or the admin): what was signed must stay.
    Person.objects.filter(pk=person.pk).update(family_name="Changed-After-Signing")
    Communication.objects.filter(pk=case.pk).update(
        facts_summary="Rewritten later.", signed_name="Someone-Else", committee_reference="CRC/C/1/D/9/2026"
    )
    case.refresh_from_db()
    text = _text(case, Dossier.Variant.FILING, django_capture_on_commit_callbacks)
    assert signed_family_name in text
    assert "What-was-signed happened." in text
    assert "Signed-As-Submitted" in text
    assert "Changed-After-Signing" not in text
    assert "Rewritten later." not in text
    assert "Someone-Else" not in text
    assert "CRC/C/1/D/9/2026" in text  # the Committee's reference, given later, is read live


def test_without_a_snapshot_the_dossier_is_built_from_the_rows(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    Communication.objects.filter(pk=world.mine.pk).update(facts_summary="Only-in-the-rows.")
    world.mine.refresh_from_db()
    assert "Only-in-the-rows." in _text(
        world.mine, Dossier.Variant.FILING, django_capture_on_commit_callbacks
    )


@pytest.mark.parametrize("language", ["ru", "fr", "es", "en"])
def test_the_page_size_and_margins_hold_in_every_dossier_language(
    world: World, django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture, language: str
) -> None:
    """Russian, French and Spanish write 210,0: the dossier's CSS must still read 210.0mm."""
    Communication.objects.filter(pk=world.mine.pk).update(dossier_language=language)
    world.mine.refresh_from_db()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        _text(world.mine, Dossier.Variant.FILING, django_capture_on_commit_callbacks)
    assert [
        r.getMessage() for r in caplog.records if r.name == "weasyprint" and "Ignored" in r.getMessage()
    ] == []
