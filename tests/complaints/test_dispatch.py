"""From the portal to the Committee: sending the dossier, the secretariat's answers, and art. 7(h).

Through the pages (Django's test client) and the services; e-mail goes to Django's locmem
outbox, never to a real server.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from complaints.deadlines.geneva import geneva_today
from complaints.deadlines.services import deadlines_recompute, deadlines_sweep
from complaints.dispatch.services import AlreadySent, DispatchRefused, dispatch_by_email, dispatch_by_post
from complaints.dossiers.services import dossier_request
from complaints.models import (
    ClarificationRequest,
    Communication,
    Deadline,
    DeadlineReminder,
    Dispatch,
    DomesticRemedy,
    Dossier,
    Event,
    User,
)
from complaints.privacy.erasure import communication_erase
from complaints.privacy.export import communication_export
from tests.conftest import World, login

pytestmark = pytest.mark.django_db


def _page(communication: Communication, name: str = "dispatch", *args: Any) -> str:
    return reverse(f"complaints:{name}", args=[communication.reference, *args])


def submitted_case(world: World, *, final_days_ago: int = 300) -> Communication:
    """``world.mine`` signed and submitted on the portal, its final domestic decision ``final_days_ago``."""
    today = timezone.localdate()
    DomesticRemedy.objects.filter(communication=world.mine).update(
        is_final=True, decided_on=today - timedelta(days=final_days_ago)
    )
    Communication.objects.filter(pk=world.mine.pk).update(
        status=Communication.Status.SUBMITTED,
        submitted_on=today - timedelta(days=2),
        signed_name="Aliya",
        signed_on=today - timedelta(days=2),
        state="KAZ",
    )
    world.mine.refresh_from_db()
    deadlines_recompute(communication=world.mine)
    return world.mine


def ready_dossier(communication: Communication, user: User, capture: Any) -> Dossier:
    """Render the real filing dossier (Celery runs eagerly in tests)."""
    with capture(execute=True):
        dossier = dossier_request(communication=communication, requested_by=user, budgeted=False)
    dossier.refresh_from_db()
    assert dossier.status == Dossier.Status.READY, dossier.failure_detail
    return dossier


def filing(communication: Communication) -> Deadline:
    return Deadline.objects.get(communication=communication, kind=Deadline.Kind.FILING)


def test_a_case_walks_from_submission_through_dispatch_and_acknowledgement(
    world: World, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    case = submitted_case(world)
    dossier = ready_dossier(case, world.filer, django_capture_on_commit_callbacks)

    # Submitted on the portal, but not yet at the Committee: the one-year limit still runs.
    assert filing(case).status == Deadline.Status.OPEN
    filer = login(world.filer)
    page = filer.get(case.get_absolute_url())
    assert _page(case).encode() in page.content
    assert b"Not sent yet" in page.content

    # ... and its reminders go on: 30 days before it is due, the filer is reminded.
    due = filing(case).due_on
    deadlines_sweep(today=due - timedelta(days=30))
    assert DeadlineReminder.objects.filter(deadline=filing(case), stage="30").exists()

    # The filer sends it by e-mail, from the dispatch page.
    assert filer.get(_page(case)).status_code == 200
    response = filer.post(_page(case, "dispatch_email"))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["petitions@ohchr.org"]
    assert message.reply_to == [world.filer.email]
    ((name, content, mimetype),) = message.attachments
    with dossier.file.open("rb") as stored:
        assert content == stored.read()
    assert (name, mimetype) == (f"communication-{case.short_reference}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    assert case.dossier_language == "ru"
    assert "Комитет по правам ребёнка" in message.body  # the dossier's language, not the sender's
    sent = Dispatch.objects.get(communication=case)
    assert sent.channel == Dispatch.Channel.EMAIL
    assert sent.message_id == message.extra_headers["Message-ID"]
    assert (sent.sender, sent.dossier_sha256) == (world.filer, dossier.sha256)
    assert Event.objects.filter(communication=case, kind=Event.Kind.DISPATCHED).exists()

    # The dispatch, not the submission, meets art. 7(h).
    assert filing(case).status == Deadline.Status.MET
    assert filing(case).met_on == sent.sent_on

    # Sending twice needs an explicit confirmation.
    filer.post(_page(case, "dispatch_email"))
    assert len(mail.outbox) == 1
    assert Dispatch.objects.filter(communication=case).count() == 1
    filer.post(_page(case, "dispatch_email"), {"confirm_again": "on"})
    assert len(mail.outbox) == 2
    assert Dispatch.objects.filter(communication=case).count() == 2

    # The caseworker records the secretariat's acknowledgement with its registration reference.
    caseworker = login(world.caseworker)
    today = geneva_today()  # the secretariat's letters are dated in Geneva
    response = caseworker.post(
        _page(case, "dispatch_acknowledgement"),
        {"on": today.isoformat(), "registration_reference": "CRC/C/99/D/7/2026"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.committee_reference, case.registered_on) == (
        Communication.Status.REGISTERED,
        "CRC/C/99/D/7/2026",
        today,
    )

    # Then a request for clarification, with the deadline the secretariat set.
    caseworker.post(
        _page(case, "dispatch_clarification"),
        {"requested_on": today.isoformat(), "due_on": (today + timedelta(days=30)).isoformat(), "note": "x"},
    )
    asked = Deadline.objects.get(communication=case, kind=Deadline.Kind.CLARIFICATION)
    assert (asked.status, asked.due_on) == (Deadline.Status.OPEN, today + timedelta(days=30))
    request_id = case.clarification_requests.get().pk
    caseworker.post(
        _page(case, "dispatch_clarification_answered", request_id), {"answered_on": today.isoformat()}
    )
    asked.refresh_from_db()
    assert (asked.status, asked.met_on) == (Deadline.Status.MET, today)

    # The page shows what was sent and answered, to the filer and to the caseworker.
    shown = caseworker.get(_page(case)).content.decode()
    assert "CRC/C/99/D/7/2026" in shown
    assert escape(sent.message_id) in shown


def test_the_filing_limit_stays_open_and_becomes_overdue_while_the_dossier_is_not_sent(
    world: World,
) -> None:
    case = submitted_case(world, final_days_ago=400)
    deadline = filing(case)
    assert deadline.status == Deadline.Status.OPEN
    deadlines_sweep(today=deadline.due_on + timedelta(days=1))
    assert filing(case).status == Deadline.Status.OVERDUE
    assert DeadlineReminder.objects.filter(deadline=deadline, stage="overdue").exists()


def test_a_dossier_not_ready_is_not_sent_and_nothing_is_recorded(world: World, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    case = submitted_case(world)
    response = login(world.filer).post(_page(case, "dispatch_email"), follow=True)
    assert "not ready yet" in response.content.decode()
    assert mail.outbox == []
    assert not Dispatch.objects.exists()


def test_a_failed_send_records_nothing(
    world: World, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = submitted_case(world)
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)

    def refuse(self: Any, fail_silently: bool = False) -> int:
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(OSError, match="mail server down"):
        dispatch_by_email(user=world.filer, reference=case.reference)
    assert not Dispatch.objects.exists()
    assert filing(case).status == Deadline.Status.OPEN


def test_sending_again_without_confirmation_is_refused_by_the_service(
    world: World, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    case = submitted_case(world)
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)
    first = dispatch_by_email(user=world.caseworker, reference=case.reference)
    with pytest.raises(AlreadySent) as refused:
        dispatch_by_post(
            user=world.caseworker, reference=case.reference, posted_on=first.sent_on, receipt="R1"
        )
    assert refused.value.earlier == first


def test_the_post_records_the_receipt_and_its_day_and_the_cover_letter_prints(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = submitted_case(world)
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)
    caseworker = login(world.caseworker)
    letter = caseworker.get(_page(case, "dispatch_letter"))
    text = letter.content.decode()
    assert letter.status_code == 200
    assert "1211 Geneva 10" in text
    assert "css/letter.css" in text
    child = case.people.first()
    assert child is not None
    assert child.family_name not in text  # the cover letter names no child
    posted = timezone.localdate()
    caseworker.post(
        _page(case, "dispatch_post"), {"posted_on": posted.isoformat(), "receipt": "RR123456789KZ"}
    )
    sent = Dispatch.objects.get(communication=case)
    assert (sent.channel, sent.sent_on, sent.postal_receipt) == (
        Dispatch.Channel.POST,
        posted,
        "RR123456789KZ",
    )
    assert filing(case).met_on == posted


@pytest.mark.parametrize(
    ("posted", "receipt", "said"),
    [
        (date(2100, 1, 1), "R1", "future"),
        (date(2000, 1, 1), "R1", "before the communication was submitted"),
        (None, "   ", "receipt"),
    ],
)
def test_a_bad_posting_is_refused_with_a_reason_and_records_nothing(
    world: World, django_capture_on_commit_callbacks: Any, posted: date | None, receipt: str, said: str
) -> None:
    case = submitted_case(world)
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)
    with pytest.raises(DispatchRefused, match=said):
        dispatch_by_post(
            user=world.filer,
            reference=case.reference,
            posted_on=posted or timezone.localdate(),
            receipt=receipt,
        )
    assert not Dispatch.objects.exists()


def test_an_acknowledgement_before_any_dispatch_is_refused(world: World) -> None:
    case = submitted_case(world)
    response = login(world.caseworker).post(
        _page(case, "dispatch_acknowledgement"),
        {"on": timezone.localdate().isoformat(), "registration_reference": "CRC/C/1"},
        follow=True,
    )
    assert "before its acknowledgement" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Communication.Status.SUBMITTED


def test_an_e_mail_sent_late_in_the_evening_in_almaty_counts_for_that_day_in_geneva(
    world: World, django_capture_on_commit_callbacks: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """01:30 in Almaty on 16 January is still 15 January in Geneva: the day the treaty counts."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    case = submitted_case(world)
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)
    moment = datetime(
        2026, 1, 15, 20, 30, tzinfo=UTC
    )  # 01:30 on the 16th in Almaty, 21:30 on the 15th in Geneva
    monkeypatch.setattr(timezone, "now", lambda: moment)
    sent = dispatch_by_email(user=world.filer, reference=case.reference)
    assert timezone.localdate() == date(2026, 1, 16)
    assert sent.sent_on == date(2026, 1, 15)


def test_after_registration_each_deadline_appears_and_closes_through_the_case_page(world: World) -> None:
    """Transmission, the State's observations, Views and their transmission, follow-up: art. 8(2), 11(1)."""
    case = submitted_case(world)
    Dispatch.objects.create(
        communication=case, channel=Dispatch.Channel.POST, sent_at=timezone.now(), sent_on=date(2025, 1, 6)
    )
    Communication.objects.filter(pk=case.pk).update(
        status=Communication.Status.REGISTERED,
        submitted_on=date(2025, 1, 5),
        registered_on=date(2025, 1, 20),
        committee_reference="R/1",
    )
    caseworker = login(world.caseworker)

    def record(to: str, on: date) -> None:
        response = caseworker.post(_page(case, "communication_transition"), {"to": to, "on": on.isoformat()})
        assert response.status_code == 302

    def deadline(kind: str) -> Deadline:
        return Deadline.objects.get(communication=case, kind=kind)

    record("transmitted", date(2025, 2, 28))
    assert (deadline("state_explanations").due_on, deadline("state_explanations").status) == (
        date(2025, 8, 28),
        Deadline.Status.OPEN,
    )
    record("observations_received", date(2025, 8, 1))
    assert deadline("state_explanations").status == Deadline.Status.MET
    assert deadline("author_comments").status == Deadline.Status.OPEN
    record("comments_sent", date(2025, 9, 15))
    assert deadline("author_comments").status == Deadline.Status.MET
    record("views_adopted", date(2025, 10, 31))
    # Until the transmission of the Views is known, the follow-up counts from their adoption.
    assert deadline("follow_up").due_on == date(2026, 4, 30)
    page = caseworker.get(case.get_absolute_url()).content.decode()
    assert _page(case, "communication_views_transmitted") in page
    caseworker.post(_page(case, "communication_views_transmitted"), {"on": "2025-11-30"})
    assert (deadline("follow_up").anchor_on, deadline("follow_up").due_on) == (
        date(2025, 11, 30),
        date(2026, 5, 30),
    )
    record("follow_up", date(2026, 5, 2))
    assert deadline("follow_up").status == Deadline.Status.MET


def test_the_views_cannot_be_transmitted_before_their_adoption(world: World) -> None:
    case = submitted_case(world)
    Communication.objects.filter(pk=case.pk).update(
        status=Communication.Status.VIEWS_ADOPTED, views_adopted_on=date(2025, 10, 31)
    )
    response = login(world.caseworker).post(
        _page(case, "communication_views_transmitted"), {"on": "2025-10-01"}, follow=True
    )
    assert "before they were adopted" in response.content.decode()
    case.refresh_from_db()
    assert case.views_transmitted_on is None


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", "Направляем в приложении сообщение"),
        ("fr", "Veuillez trouver ci-joint"),
        ("en", "Please find attached"),
    ],
)
def test_the_cover_message_is_in_the_language_of_the_dossier_whatever_the_sender_reads(
    world: World, django_capture_on_commit_callbacks: Any, settings: Any, language: str, words: str
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    case = submitted_case(world)
    Communication.objects.filter(pk=case.pk).update(dossier_language=language)
    case.refresh_from_db()
    ready_dossier(case, world.filer, django_capture_on_commit_callbacks)
    world.filer.preferred_language = "kk"
    world.filer.save()
    dispatch_by_email(user=world.filer, reference=case.reference)
    (message,) = mail.outbox
    assert words in message.body
    assert case.short_reference in message.subject
    assert not [p.family_name for p in case.people.all() if p.family_name in message.body]  # names no one


def test_erasure_keeps_how_and_when_it_was_sent_and_drops_what_the_secretariat_asked(world: World) -> None:
    case = submitted_case(world)
    sent = Dispatch.objects.create(
        communication=case,
        channel=Dispatch.Channel.EMAIL,
        sent_at=timezone.now(),
        sent_on=timezone.localdate(),
        recipient="petitions@ohchr.org",
        message_id="<m1@opic-portal>",
    )
    asked = ClarificationRequest.objects.create(
        communication=case,
        requested_on=timezone.localdate(),
        due_on=timezone.localdate(),
        note="Aliya's school?",
    )
    Communication.objects.filter(pk=case.pk).update(views_transmitted_on=date(2025, 3, 1))
    export = communication_export(user=world.filer, reference=case.reference)
    assert [row["message_id"] for row in export.data["dispatches"]] == ["<m1@opic-portal>"]
    assert [row["note"] for row in export.data["clarification_requests"]] == ["Aliya's school?"]

    communication_erase(user=world.filer, reference=case.reference)
    sent.refresh_from_db()
    asked.refresh_from_db()
    case.refresh_from_db()
    assert (sent.message_id, sent.sent_on) == ("<m1@opic-portal>", timezone.localdate())
    assert asked.note == ""
    assert case.views_transmitted_on == date(2025, 3, 1)  # a date of the record of filing
