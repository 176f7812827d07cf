"""A caseworker drafts for a child and invites the child or a parent to review and consent."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from complaints.filing.submission import SubmissionRefused, communication_submit
from complaints.models import Communication, Event, Invitation, Person, User
from complaints.selectors import communication_assessment
from tests.conftest import World, login
from tests.factories import MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def start_draft(world: World) -> Communication:
    response = login(world.caseworker).post(reverse("complaints:communication_start"))
    assert response.status_code == 302
    return Communication.objects.get(reference=response["Location"].split("/")[2])


def invite(world: World, communication: Communication, **data: str) -> tuple[str, Client]:
    """Invite through the page as the caseworker; return the link shown once and the client."""
    client = login(world.caseworker)
    child = communication.people.filter(role="victim").first()
    fields = {"role": "child", "person": str(child.pk) if child else "", "email": "", "language": "kk"}
    with TestCase.captureOnCommitCallbacks(execute=True):  # the e-mail goes once the invitation is saved
        response = client.post(
            reverse("complaints:invitation_new", args=[communication.reference]), fields | data
        )
    assert response.status_code == 200, response.content.decode()[:2000]
    link = re.search(r'value="(http[^"]+/invite/[^"]+/)"', response.content.decode())
    assert link is not None
    return link.group(1).split("127.0.0.1:8000", 1)[-1], client


@pytest.fixture
def draft(world: World) -> Communication:
    communication = start_draft(world)
    Communication.objects.filter(pk=communication.pk).update(title="Dana and the school")
    communication.refresh_from_db()
    PersonFactory.create(
        communication=communication, given_name="Dana", family_name="Sarsenbayeva", consent=""
    )
    return communication


@pytest.fixture
def child() -> User:
    return UserFactory.create(role=User.Role.FILER, email="dana@example.org", filer_kind="child")


def test_a_caseworker_starts_a_draft_for_a_child_handled_by_their_organisation(world: World) -> None:
    communication = start_draft(world)
    assert communication.organisation == world.ngo
    assert communication.assignee == world.caseworker
    assert communication.audience == Communication.Audience.ADULT
    assert communication.author_is_victim is False
    page = login(world.caseworker).get(
        reverse("complaints:wizard_step", args=[communication.reference, "who"])
    )
    assert 'name="audience"' not in page.content.decode()
    assert 'name="author_is_victim"' not in page.content.decode()
    colleague = MembershipFactory.create(organisation=world.ngo).user
    assert login(colleague).get(communication.get_absolute_url()).status_code == 200


def test_a_caseworker_without_an_organisation_is_told_so_and_no_draft_is_made() -> None:
    loner = UserFactory.create(role=User.Role.CASEWORKER)
    response = login(loner).post(reverse("complaints:communication_start"))
    assert response.status_code == 400
    assert "not a member of any organisation" in response.content.decode()
    assert not Communication.objects.filter(filer=loner).exists()


def test_a_filer_still_starts_a_draft_of_their_own(world: World) -> None:
    response = login(world.filer).post(reverse("complaints:communication_start"))
    communication = Communication.objects.get(reference=response["Location"].split("/")[2])
    assert communication.organisation is None
    page = login(world.filer).get(reverse("complaints:wizard_step", args=[communication.reference, "who"]))
    assert 'name="audience"' in page.content.decode()


def test_the_link_is_shown_once_and_only_its_fingerprint_is_kept(world: World, draft: Communication) -> None:
    path, _client = invite(world, draft)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    invitation = Invitation.objects.get(communication=draft)
    assert token not in str(list(Invitation.objects.values()))
    assert invitation.token_sha256
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert Event.objects.filter(communication=draft, kind=Event.Kind.INVITATION).exists()
    case_page = login(world.caseworker).get(draft.get_absolute_url()).content.decode()
    assert token not in case_page
    assert "Link not opened yet" in case_page


def test_the_invitation_e_mail_names_no_child_and_no_title(world: World, draft: Communication) -> None:
    with_email = {"email": "dana@example.org", "language": "en"}
    with override_settings(PORTAL_BASE_URL="https://portal.example.org"):
        invite(world, draft, **with_email)
    (message,) = mail.outbox
    assert message.to == ["dana@example.org"]
    assert "https://portal.example.org/invite/" in message.body
    text = f"{message.subject}\n{message.body}"
    assert "Sarsenbayeva" not in text
    assert draft.title not in text
    assert world.ngo.name in message.body


def test_before_sign_in_the_link_says_who_asks_but_names_no_child(world: World, draft: Communication) -> None:
    path, _ = invite(world, draft)
    page = Client().get(path)
    assert page.status_code == 200
    body = page.content.decode()
    assert world.ngo.name in body
    assert "Sarsenbayeva" not in body
    assert draft.title not in body
    assert reverse("account_login") in body


def test_the_invited_child_accepts_reads_the_draft_and_agrees(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    assert client.get(draft.get_absolute_url()).status_code == 404  # not before accepting

    accepted = client.post(path)
    answer_url = reverse("complaints:invitation_answer", args=[draft.reference])
    assert accepted.status_code == 302
    assert accepted["Location"] == answer_url
    page = client.get(answer_url).content.decode()
    assert "Sarsenbayeva" in page
    assert reverse("complaints:wizard_step", args=[draft.reference, "who"]) not in page  # read only
    case_list = client.get(reverse("complaints:dashboard")).content.decode()
    assert draft.short_reference in case_list
    assert draft.title not in case_list  # the filer's own name for it, not the invited child's

    version = Communication.objects.get(pk=draft.pk).version
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            answer_url, {"answer": "agreed", "own_words": "I want the school to let me back."}
        )
    assert response.status_code == 302
    victim = Person.objects.get(communication=draft, role="victim")
    assert victim.consent == Person.Consent.GIVEN
    assert victim.consent_on == timezone.localdate()
    assert victim.consent_statement == "I want the school to let me back."
    assert Communication.objects.get(pk=draft.pk).version == version + 1  # open tabs see the change
    consent = next(
        f
        for f in communication_assessment(
            communication=Communication.objects.get(pk=draft.pk), lang="en"
        ).findings
        if f.criterion == "OPIC-5-2"
    )
    assert consent.outcome == "met"
    assert [m.to for m in mail.outbox] == [[world.caseworker.email]]
    assert "Sarsenbayeva" not in mail.outbox[0].body
    assert "Agrees that it is sent" in login(world.caseworker).get(draft.get_absolute_url()).content.decode()


def test_asking_for_changes_without_saying_what_is_refused_and_records_nothing(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    client.post(path)
    response = client.post(
        reverse("complaints:invitation_answer", args=[draft.reference]), {"answer": "changes"}
    )
    assert response.status_code == 400
    assert "what should change" in response.content.decode()
    assert Invitation.objects.get(communication=draft).answered_at is None


def test_when_the_child_says_no_the_draft_cannot_be_submitted_until_reasons_are_recorded(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    client.post(path)
    client.post(
        reverse("complaints:invitation_answer", args=[draft.reference]),
        {"answer": "declined", "comment": "I am afraid of the teachers."},
    )
    victim = Person.objects.get(communication=draft, role="victim")
    assert victim.consent == Person.Consent.NOT_GIVEN
    draft.refresh_from_db()
    with pytest.raises(SubmissionRefused, match="do not agree"):
        communication_submit(
            communication=draft,
            expected_version=draft.version,
            signed_name="Caseworker",
            actor=world.caseworker,
            submit_anyway=True,
        )
    case_page = login(world.caseworker).get(draft.get_absolute_url()).content.decode()
    assert "It cannot be submitted" in case_page

    victim.consent = Person.Consent.WITHOUT_CONSENT_JUSTIFIED
    victim.without_consent_reason = "The child is in danger at home."
    victim.save()
    case_page = login(world.caseworker).get(draft.get_absolute_url()).content.decode()
    assert "It cannot be submitted" not in case_page
    assert "I am afraid of the teachers." in case_page


def test_a_parents_answer_is_not_recorded_as_the_childs_consent(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft, role="parent", person="")
    client = login(child)
    client.post(path)
    form = client.get(reverse("complaints:invitation_answer", args=[draft.reference])).content.decode()
    assert 'name="own_words"' not in form
    client.post(reverse("complaints:invitation_answer", args=[draft.reference]), {"answer": "agreed"})
    assert Invitation.objects.get(communication=draft).answer == "agreed"
    assert Person.objects.get(communication=draft, role="victim").consent == ""


def test_a_link_sent_to_an_address_opens_only_for_that_account(world: World, draft: Communication) -> None:
    path, _ = invite(world, draft, email="dana@example.org")
    other = UserFactory.create(role=User.Role.FILER, email="someone@example.org")
    response = login(other).post(path)
    assert response.status_code == 403
    assert "another e-mail address" in response.content.decode()
    assert login(other).get(draft.get_absolute_url()).status_code == 404


def test_a_used_link_does_not_open_for_a_second_account(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    login(child).post(path)
    second = UserFactory.create(role=User.Role.FILER)
    assert login(second).post(path).status_code == 403
    assert login(second).get(draft.get_absolute_url()).status_code == 404


def test_staff_accounts_cannot_accept_an_invitation(world: World, draft: Communication) -> None:
    path, _ = invite(world, draft)
    response = login(world.reviewer).post(path)
    assert response.status_code == 403
    assert "child or their family" in response.content.decode()


def test_an_expired_link_explains_itself(world: World, draft: Communication, child: User) -> None:
    path, _ = invite(world, draft)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = login(child).post(path)
    assert response.status_code == 404
    assert "expired" in response.content.decode()


def test_withdrawing_an_invitation_stops_the_link_and_hides_the_case(
    world: World, draft: Communication, child: User
) -> None:
    path, caseworker = invite(world, draft)
    login(child).post(path)
    invitation = Invitation.objects.get(communication=draft)
    caseworker.post(reverse("complaints:invitation_withdraw", args=[draft.reference, invitation.pk]))
    assert login(child).get(draft.get_absolute_url()).status_code == 404
    assert Client().get(path).status_code == 404


def test_the_invited_child_cannot_change_the_draft_or_answer_after_it_was_sent(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    client.post(path)
    wizard = reverse("complaints:wizard_step", args=[draft.reference, "facts"])
    assert client.post(wizard, {"facts_summary": "changed", "version": draft.version}).status_code == 403
    Communication.objects.filter(pk=draft.pk).update(status=Communication.Status.SUBMITTED)
    answer_url = reverse("complaints:invitation_answer", args=[draft.reference])
    assert 'name="answer"' not in client.get(answer_url).content.decode()
    assert client.post(answer_url, {"answer": "declined", "comment": "no"}).status_code == 403


def test_a_caseworker_of_another_organisation_cannot_invite(world: World, draft: Communication) -> None:
    outsider = MembershipFactory.create().user
    response = login(outsider).post(
        reverse("complaints:invitation_new", args=[draft.reference]), {"role": "parent", "language": "en"}
    )
    assert response.status_code == 404
    assert not Invitation.objects.filter(communication=draft).exists()


def test_inviting_the_child_without_choosing_one_is_a_clear_error(world: World) -> None:
    communication = start_draft(world)
    response = login(world.caseworker).post(
        reverse("complaints:invitation_new", args=[communication.reference]),
        {"role": "child", "language": "en", "email": "not-an-address"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "add the children on the draft first" in body
    assert "valid email" in body.lower()
    assert not Invitation.objects.filter(communication=communication).exists()


def test_the_case_list_tells_the_invited_person_what_waits_for_their_answer(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    client.post(path)
    answer_url = reverse("complaints:invitation_answer", args=[draft.reference])
    assert answer_url in client.get(reverse("complaints:dashboard")).content.decode()
    client.post(answer_url, {"answer": "agreed"})
    assert answer_url not in client.get(reverse("complaints:dashboard")).content.decode()


def test_a_child_who_agreed_and_then_asks_for_changes_no_longer_counts_as_agreeing(
    world: World, draft: Communication, child: User
) -> None:
    path, _ = invite(world, draft)
    client = login(child)
    client.post(path)
    answer_url = reverse("complaints:invitation_answer", args=[draft.reference])
    client.post(answer_url, {"answer": "agreed"})
    assert Person.objects.get(communication=draft, role="victim").consent == Person.Consent.GIVEN
    client.post(answer_url, {"answer": "changes", "comment": "My birthday is wrong."})
    victim = Person.objects.get(communication=draft, role="victim")
    assert victim.consent == ""
    assert victim.consent_on is None
    assert Invitation.objects.get(communication=draft).answer_comment == "My birthday is wrong."


def child_says_no(world: World, draft: Communication, child: User, why: str) -> Client:
    """Invite the child, who opens the link and declines; return the caseworker's client."""
    path, caseworker = invite(world, draft)
    client = login(child)
    client.post(path)
    client.post(
        reverse("complaints:invitation_answer", args=[draft.reference]),
        {"answer": "declined", "comment": why},
    )
    return caseworker


def submitting_is_refused(world: World, draft: Communication) -> None:
    draft.refresh_from_db()
    with pytest.raises(SubmissionRefused, match="do not agree"):
        communication_submit(
            communication=draft,
            expected_version=draft.version,
            signed_name="Caseworker",
            actor=world.caseworker,
            submit_anyway=True,
        )
    draft.refresh_from_db()
    assert draft.status == Communication.Status.DRAFT


def test_withdrawing_the_invitation_does_not_undo_the_childs_no(
    world: World, draft: Communication, child: User
) -> None:
    caseworker = child_says_no(world, draft, child, "Don't send it, I'm afraid.")
    invitation = Invitation.objects.get(communication=draft)
    caseworker.post(reverse("complaints:invitation_withdraw", args=[draft.reference, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    submitting_is_refused(world, draft)


def test_recording_without_consent_but_with_no_reason_does_not_lift_the_childs_no(
    world: World, draft: Communication, child: User
) -> None:
    child_says_no(world, draft, child, "No.")
    Person.objects.filter(communication=draft, role="victim").update(
        consent=Person.Consent.WITHOUT_CONSENT_JUSTIFIED, without_consent_reason="  "
    )
    submitting_is_refused(world, draft)
