"""Text not in the dossier's language stops the filing dossier until translated or a caseworker says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from complaints.casework.services import CaseworkError, case_allow_untranslated_filing
from complaints.dossiers.services import (
    TranslationMissing,
    dossier_render,
    dossier_render_bytes,
    dossier_request,
)
from complaints.filing.submission import communication_submit
from complaints.models import Communication, Dossier, Event, Person
from tests.complaints.test_dossiers import text_of
from tests.conftest import World, login
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

KAZAKH = "Мұғалім мені сыныптан шығарып жіберді"
REASON = "The Petitions Unit reads this Kazakh text through its own interpreter (call of 3 May)."


@pytest.fixture
def kazakh(world: World) -> Communication:
    """The world's case, its facts written in Kazakh and not translated into Russian."""
    translations = dict(world.mine.translations)
    translations.pop("facts_summary")
    Communication.objects.filter(pk=world.mine.pk).update(facts_summary=KAZAKH, translations=translations)
    world.mine.refresh_from_db()
    return world.mine


def test_the_filing_dossier_is_not_made_while_a_translation_is_missing(
    kazakh: Communication, world: World
) -> None:
    with pytest.raises(TranslationMissing, match="no translation"):
        dossier_request(communication=kazakh, variant="filing", requested_by=world.filer)
    assert not Dossier.objects.filter(communication=kazakh, variant="filing").exists()


def test_the_redacted_and_internal_dossiers_are_not_stopped(kazakh: Communication, world: World) -> None:
    assert dossier_request(communication=kazakh, variant="redacted", requested_by=world.filer)
    assert dossier_request(communication=kazakh, variant="internal", requested_by=world.caseworker)


def test_the_filer_sees_a_clear_message_and_the_link_to_the_step(kazakh: Communication, world: World) -> None:
    client = login(world.filer)
    refused = client.post(
        reverse("complaints:dossier_request", args=[kazakh.reference, "filing"]), follow=True
    )
    assert "cannot be made yet" in refused.content.decode()
    facts_step = reverse("complaints:wizard_step", args=[kazakh.reference, "facts"])
    case_page = client.get(kazakh.get_absolute_url()).content.decode()
    assert 'id="untranslated"' in case_page
    assert facts_step in case_page
    assert 'name="reason"' not in case_page  # the filer cannot waive it
    review = client.get(reverse("complaints:wizard_step", args=[kazakh.reference, "review"])).content.decode()
    assert "is not written in" in review
    assert facts_step in review


def test_a_translation_lets_the_filing_dossier_be_made(kazakh: Communication, world: World) -> None:
    Communication.objects.filter(pk=kazakh.pk).update(
        translations={**kazakh.translations, "facts_summary": "Учитель выгнал меня из класса."}
    )
    kazakh.refresh_from_db()
    assert dossier_request(communication=kazakh, variant="filing", requested_by=world.filer)
    review = login(world.filer).get(reverse("complaints:wizard_step", args=[kazakh.reference, "review"]))
    assert "is not written in" not in review.content.decode()


def test_a_caseworkers_reason_lets_the_filing_dossier_be_made_and_is_printed_in_it(
    kazakh: Communication, world: World
) -> None:
    version = kazakh.version
    case = case_allow_untranslated_filing(user=world.caseworker, reference=kazakh.reference, reason=REASON)
    assert case.version == version + 1
    assert case.untranslated_filing_allowed_by == world.caseworker
    event = Event.objects.get(communication=kazakh, kind=Event.Kind.UNTRANSLATED)
    assert (event.actor, event.note) == (world.caseworker, REASON)
    assert dossier_request(communication=case, variant="filing", requested_by=world.filer)

    pdf = dossier_render_bytes(communication=case, variant="filing")[0]
    checklist = next(text for text in text_of(pdf) if "13. Контрольный перечень" in text)
    assert "Направлено без перевода этих текстов" in checklist
    assert " ".join(REASON.split()) in checklist
    assert "Факты не переведён" in checklist


def test_only_the_handling_caseworker_may_record_the_reason(kazakh: Communication, world: World) -> None:
    # (A superuser passes every permission check, as Django's has_perm has it.)
    for user in (world.filer, world.reviewer):
        with pytest.raises(PermissionDenied):
            case_allow_untranslated_filing(user=user, reference=kazakh.reference, reason=REASON)
    url = reverse("complaints:case_untranslated", args=[kazakh.reference])
    assert login(world.filer).post(url, {"reason": REASON}).status_code == 403
    kazakh.refresh_from_db()
    assert kazakh.untranslated_filing_reason == ""
    with pytest.raises(CaseworkError):
        case_allow_untranslated_filing(user=world.caseworker, reference=kazakh.reference, reason="  ")


def test_the_caseworker_records_the_reason_from_the_case_page(kazakh: Communication, world: World) -> None:
    client = login(world.caseworker)
    page = client.get(kazakh.get_absolute_url()).content.decode()
    url = reverse("complaints:case_untranslated", args=[kazakh.reference])
    assert url in page
    response = client.post(url, {"reason": REASON}, follow=True)
    assert "Recorded" in response.content.decode()
    kazakh.refresh_from_db()
    assert kazakh.untranslated_filing_reason == REASON
    assert 'id="untranslated"' not in client.get(kazakh.get_absolute_url()).content.decode()


def test_a_filing_dossier_asked_for_before_the_text_changed_is_not_rendered(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    dossier = dossier_request(communication=world.mine, variant="filing", requested_by=world.filer)
    Communication.objects.filter(pk=world.mine.pk).update(facts_summary=KAZAKH, translations={})
    done = dossier_render(dossier_id=dossier.pk)
    assert done is not None
    assert (done.status, done.failure) == (Dossier.Status.FAILED, Dossier.Failure.UNTRANSLATED)
    assert not done.file


def test_submitting_untranslated_text_files_the_case_but_makes_no_filing_dossier(
    kazakh: Communication, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    PersonFactory.create(communication=kazakh, role=Person.Role.AUTHOR, given_name="Gulnara")
    kazakh.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False):
        submission = communication_submit(
            communication=kazakh,
            expected_version=kazakh.version,
            signed_name="Gulnara",
            actor=world.filer,
            submit_anyway=True,
        )
    assert submission.snapshot["facts_summary"] == KAZAKH
    assert not Dossier.objects.filter(communication=kazakh, variant="filing").exists()
    page = login(world.filer).get(kazakh.get_absolute_url()).content.decode()
    assert 'id="untranslated"' in page


def test_the_render_command_refuses_the_filing_dossier_but_renders_the_redacted_one(
    kazakh: Communication, tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "dossier.pdf"
    with pytest.raises(SystemExit):
        call_command("render_dossier", str(kazakh.pk), "--out", str(out))
    assert "facts_summary" in capsys.readouterr().err
    assert not out.exists()
    call_command("render_dossier", str(kazakh.pk), "--out", str(out), "--variant", "redacted")
    assert out.exists()
