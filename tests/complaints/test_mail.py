"""Every e-mail the portal sends: text and HTML, in the recipient's language, neutral at first sight.

A parent may read the family inbox, so what shows before the e-mail is opened (its subject and
first line) names no UN body, no complaint, no communication and no child.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.test import Client, TestCase
from django.urls import reverse

from complaints.deadlines import deadlines_recompute, deadlines_sweep, reminder_emails_send
from complaints.invitations import invitation_accept, invitation_answer, invitation_create
from complaints.models import Communication, DeadlineReminder, Organisation, Person, User
from tests.factories import (
    CommunicationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "email"
LANGUAGES = ["kk", "ru", "en"]
# What must not show before the e-mail is opened, in the three languages (lower case).
TELLTALE_WORDS = [
    "un ",
    "un)",
    "оон",
    "бұұ",
    "committee",
    "комитет",
    "complaint",
    "жалоб",
    "шағым",
    "communication",
    "сообщени",
    "хабарлама",
    "child",
    "ребён",
    "ребен",
]
CHILD_NAME = "Sarsenbayeva"
CASE_TITLE = "Dana and the school"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag in {"head", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"head", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.chunks.append(" ".join(data.split()))


def parts(message: EmailMessage) -> tuple[str, _Text]:
    """Return the plain text and the parsed HTML of ``message``; both must be there."""
    assert isinstance(message, EmailMultiAlternatives)
    html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1, "the e-mail has an HTML part"
    assert str(message.body).strip(), "the e-mail has a text part"
    parsed = _Text()
    parsed.feed(str(html[0]))
    return str(message.body), parsed


def assert_neutral_at_first_sight(message: EmailMessage, language: str) -> None:
    text, html = parts(message)
    first_lines = [str(message.subject), text.strip().splitlines()[0], html.chunks[0]]
    for line in first_lines:
        found = [word for word in TELLTALE_WORDS if word in f"{line.lower()} "]
        assert found == [], f"{line!r} shows {found}"
    assert html.lang == language
    assert CHILD_NAME not in f"{message.subject}\n{text}\n{' '.join(html.chunks)}"
    assert CASE_TITLE not in f"{message.subject}\n{text}\n{' '.join(html.chunks)}"


# Letters only Kazakh has, letters Russian uses: a subject or a first line left in English has neither.
SCRIPT = {"kk": re.compile("[әіңғүұқөһ]", re.I), "ru": re.compile("[а-яё]", re.I), "en": re.compile("[a-z]")}

ENGLISH = re.compile(r"\b(a|an|the|of|on|is|you|your|from|new)\b", re.I)


def assert_written_in(language: str, message: EmailMessage) -> None:
    text, html = parts(message)
    for line in [str(message.subject), text.splitlines()[0], html.chunks[0]]:
        assert SCRIPT[language].search(line), f"{line!r} is not in {language}"
        if language != "en":
            assert not ENGLISH.search(line), f"{line!r} is not in {language}"


# ---- The portal's own e-mails, built through the services that send them ----


def _draft(language: str) -> tuple[Communication, User]:
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    caseworker = MembershipFactory.create(
        organisation=ngo, user__role=User.Role.CASEWORKER, user__preferred_language=language
    ).user
    draft = CommunicationFactory.create(organisation=ngo, filer=caseworker, status="draft", title=CASE_TITLE)
    PersonFactory.create(communication=draft, role=Person.Role.VICTIM, family_name=CHILD_NAME, consent="")
    return draft, caseworker


def _invite(language: str) -> tuple[Communication, User, str]:
    draft, caseworker = _draft(language)
    with TestCase.captureOnCommitCallbacks(execute=True):
        _, token = invitation_create(
            communication=draft,
            invited_by=caseworker,
            role="child",
            person=draft.people.get(role=Person.Role.VICTIM),
            email="dana@example.org",
            language=language,
        )
    return draft, caseworker, token


def invitation(language: str) -> list[EmailMessage]:
    _invite(language)
    return list(mail.outbox)


def invitation_answered(language: str) -> list[EmailMessage]:
    _, caseworker, token = _invite(language)
    child = UserFactory.create(role=User.Role.FILER, email="dana@example.org", filer_kind="child")
    accepted = invitation_accept(token=token, user=child)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        invitation_answer(invitation=accepted, user=child, answer="agreed")
    assert [m.to for m in mail.outbox] == [[caseworker.email]]
    return list(mail.outbox)


def _due_case(language: str) -> Communication:
    """A transmitted case whose State's explanations are due on 1 March 2026, with a coordinator."""
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    MembershipFactory.create(organisation=ngo, is_coordinator=True, user__preferred_language=language)
    communication = CommunicationFactory.create(
        organisation=ngo,
        status="transmitted",
        submitted_on=date(2025, 6, 1),
        transmitted_on=date(2025, 9, 1),
        title=CASE_TITLE,
        filer=UserFactory.create(preferred_language=language),
    )
    deadlines_recompute(communication=communication)
    return communication


def _stage(stage: str, day: date) -> Callable[[str], list[EmailMessage]]:
    """Return a sender of the reminders of ``day``, which keeps the e-mail of ``stage``."""

    def sent(language: str) -> list[EmailMessage]:
        communication = _due_case(language)
        reminder_emails_send(deadlines_sweep(today=day).reminder_ids)
        wanted = DeadlineReminder.objects.get(stage=stage, deadline__communication=communication)
        return [m for m in mail.outbox if m.to == [wanted.recipient.email]]

    return sent


# One sender per template in templates/email/: the name of the template and how it is sent.
PORTAL_EMAILS: dict[str, Callable[[str], list[EmailMessage]]] = {
    "invitation": invitation,
    "invitation_answered": invitation_answered,
    "deadline_reminder": _stage(DeadlineReminder.Stage.DAYS_30, date(2026, 1, 30)),
    "deadline_overdue": _stage(DeadlineReminder.Stage.OVERDUE, date(2026, 3, 2)),
    "deadline_escalation": _stage(DeadlineReminder.Stage.ESCALATION, date(2026, 3, 2)),
}


def test_every_e_mail_template_is_checked_here() -> None:
    names = {path.name.removesuffix("_subject.txt") for path in TEMPLATES.glob("*_subject.txt")}
    assert names == set(PORTAL_EMAILS)
    for name in names:
        assert (TEMPLATES / f"{name}_body.txt").exists()
        assert (TEMPLATES / f"{name}_body.html").exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(PORTAL_EMAILS))
def test_every_e_mail_is_neutral_at_first_sight_and_in_the_recipients_language(
    name: str, language: str
) -> None:
    (message,) = PORTAL_EMAILS[name](language)
    assert_neutral_at_first_sight(message, language)
    assert_written_in(language, message)


def test_the_invitation_keeps_its_link_in_both_parts() -> None:
    _, _, token = _invite("en")
    (message,) = mail.outbox
    text, _html = parts(message)
    assert f"/invite/{token}/" in text
    assert isinstance(message, EmailMultiAlternatives)
    assert f'href="http://127.0.0.1:8000/invite/{token}/"' in str(message.alternatives[0][0])
    assert "UN Committee on the Rights of the Child" in text  # said inside, not before it is opened


def test_the_html_part_loads_nothing_from_elsewhere() -> None:
    for name, send in PORTAL_EMAILS.items():
        mail.outbox.clear()
        (message,) = send("en")
        assert isinstance(message, EmailMultiAlternatives)
        html = str(message.alternatives[0][0])
        assert not re.search(r"<(img|link|script)\b|@import|url\(", html), name
        assert 'name="viewport"' in html


# ---- allauth's e-mails, overridden in templates/account/email/ ----


def _client(language: str) -> Client:
    client = Client()
    client.cookies["portal_language"] = language
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_address_confirmation_is_neutral_and_in_the_language_of_the_page(language: str) -> None:
    response = _client(language).post(
        reverse("account_signup"),
        {
            "email": f"new-{language}@example.org",
            "password1": "a-long-Passphrase-91",
            "password2": "a-long-Passphrase-91",
            "filer_kind": User.FilerKind.choices[0][0],
        },
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [f"new-{language}@example.org"]
    assert_neutral_at_first_sight(message, language)
    assert_written_in(language, message)
    assert "/accounts/confirm-email/" in message.body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_password_reset_is_neutral_and_in_the_language_of_the_page(language: str) -> None:
    user = UserFactory.create(email="parent@example.org")
    response = _client(language).post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert_neutral_at_first_sight(message, language)
    assert_written_in(language, message)
    assert "/accounts/password/reset/key/" in message.body
