"""E-mails reach family inboxes: their subject and preview never mention the UN or a complaint."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from complaints.deadlines.services import deadlines_recompute, deadlines_sweep, reminder_emails_send
from complaints.invitations.services import invitation_create
from complaints.models import Organisation
from tests.conftest import World
from tests.factories import CommunicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

# The words that would tell a reader of the inbox what the mail is about, in the three languages.
TELLING = re.compile(
    r"\bUN\b|United Nations|Committee|complain|communication|rights|"
    r"ООН|Комитет|жалоб|сообщени|прав|"
    r"БҰҰ|Комитет|шағым|хабарлам|құқ",
    re.IGNORECASE,
)
PREVIEW = 140  # about what a phone's inbox shows of the body


def trigger_every_email(world: World, language: str, capture: Any) -> None:
    with translation.override(language):
        Client().post(reverse("account_reset_password"), {"email": world.filer.email})
        Client().post(
            reverse("account_signup"),
            {
                "email": f"new-{language}@example.org",
                "password1": "a-long-new-passphrase-9",
                "password2": "a-long-new-passphrase-9",
                "filer_kind": "child",
            },
            headers={"accept-language": language},
        )
        with capture(execute=True):
            invitation_create(
                communication=world.mine,
                invited_by=world.mine.filer,
                role="child",
                person=world.mine.people.first(),
                email=f"child-{language}@example.org",
            )
    ngo = OrganisationFactory.create(kind=Organisation.Kind.NGO)
    MembershipFactory.create(organisation=ngo, is_coordinator=True, user__email="coordinator@example.org")
    case = CommunicationFactory.create(
        organisation=ngo,
        status="transmitted",
        submitted_on=date(2025, 6, 1),
        transmitted_on=date(2025, 9, 1),
        filer=UserFactory.create(preferred_language=language),
    )
    deadlines_recompute(communication=case)
    reminder_emails_send(deadlines_sweep(today=date(2026, 1, 30)).reminder_ids)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_no_email_subject_or_preview_names_the_un_or_a_complaint(
    world: World, language: str, django_capture_on_commit_callbacks: Any
) -> None:
    trigger_every_email(world, language, django_capture_on_commit_callbacks)
    assert len(mail.outbox) >= 4
    for message in mail.outbox:
        preview = " ".join(message.body.split())[:PREVIEW]
        assert not TELLING.search(str(message.subject)), message.subject
        assert not TELLING.search(preview), preview
