"""Review and consent by the child or a parent, on a draft a caseworker prepared for them.

A caseworker drafts the communication in the wizard (adult mode) for a child the organisation
represents, then invites the child or a parent to read it from their own account and answer:
they agree that it is sent, they ask for changes, or they do not agree. The child's answer is
their consent under OPIC art. 5(2) and is recorded on the child's row, where the admissibility
check reads it. A parent's answer is recorded on the invitation and in the timeline, not as the
child's own consent.

The link's secret is shown once, to the caseworker, and e-mailed when an address is given; only
its SHA-256 is kept. The e-mail names no child and no case title.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.mail import email_language, email_message
from complaints.models import Communication, Event, Invitation, Person, User
from complaints.services import communication_save_step
from complaints.timeline import texts

VALID_FOR = timedelta(days=14)


class InvitationError(Exception):
    """The invitation cannot be made, accepted or answered; the message says why, in plain words."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "complaints:invitation_open", kwargs={"invite_token": token}
    )


def invitation_state(invitation: Invitation, now: datetime | None = None) -> str:
    """Return where the invitation stands: withdrawn, answered, accepted, expired or waiting."""
    now = now or timezone.now()
    if invitation.revoked_at:
        return "withdrawn"
    if invitation.answered_at:
        return "answered"
    if invitation.accepted_at:
        return "accepted"
    if invitation.expires_at <= now:
        return "expired"
    return "waiting"


def _event(communication: Communication, actor: User | None, code: str, **params: str) -> None:
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.INVITATION,
        actor=actor,
        occurred_on=timezone.localdate(),
        code=code,
        params=params,
    )


@transaction.atomic
def invitation_create(
    *,
    communication: Communication,
    invited_by: User,
    role: str,
    person: Person | None = None,
    email: str = "",
    language: str = "",
) -> tuple[Invitation, str]:
    """Invite the child or a parent to review the draft; return the invitation and its secret token.

    The token is returned only here: the caller shows the link once and it is e-mailed to
    ``email`` when one is given (after the transaction commits).
    """
    if communication.status != Communication.Status.DRAFT:
        raise InvitationError(
            _("Only a draft can be sent for review; this communication was already submitted.")
        )
    if role not in Invitation.Role.values:
        raise InvitationError(_("Choose whom you are inviting: the child or a parent."))
    if person is not None and (
        person.communication_id != communication.pk or person.role != Person.Role.VICTIM
    ):
        raise InvitationError(_("Choose one of the children named in this communication."))
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        communication=communication,
        person=person,
        role=role,
        email=email.strip(),
        language=language,
        token_sha256=_digest(token),
        created_by=invited_by,
        expires_at=timezone.now() + VALID_FOR,
    )
    _event(
        communication,
        invited_by,
        texts.INVITED_CHILD if invitation.role == Invitation.Role.CHILD else texts.INVITED_PARENT,
    )
    if invitation.email:
        message = invitation_email(invitation, token)
        transaction.on_commit(lambda: message.send(fail_silently=False))
    return invitation, token


def invitation_email(invitation: Invitation, token: str) -> EmailMultiAlternatives:
    """Return the invitation e-mail, in the language chosen for it. It names no child and no title."""
    organisation = invitation.communication.organisation
    return email_message(
        "invitation",
        {
            "organisation_name": organisation.name if organisation else "",
            "sender": organisation.name if organisation else gettext_lazy("A caseworker"),
            "expires_on": timezone.localtime(invitation.expires_at).date(),
            "link": invitation_link(token),
        },
        to=[invitation.email],
        language=invitation.language,
    )


def invitation_for_token(token: str) -> Invitation:
    """Return the invitation of ``token``; raise InvitationError if the link is not (or no longer) valid."""
    invitation = (
        Invitation.objects.select_related("communication", "communication__organisation")
        .filter(token_sha256=_digest(token))
        .first()
    )
    if invitation is None or invitation.revoked_at is not None:
        raise InvitationError(_("This link is not valid. Ask the person who sent it for a new one."))
    if invitation.communication.status != Communication.Status.DRAFT and invitation.accepted_by_id is None:
        raise InvitationError(_("This communication was already sent, so the link no longer works."))
    if invitation.accepted_by_id is None and invitation.expires_at <= timezone.now():
        raise InvitationError(_("This link has expired. Ask the person who sent it for a new one."))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Invitation:
    """Let ``user`` accept the invitation of ``token``: from now on they can read the case and answer."""
    invitation = invitation_for_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_by_id == user.pk:
        return invitation
    if invitation.accepted_by_id is not None:
        raise InvitationError(_("This link was already used by another account. Ask for a new one."))
    if user.role != User.Role.FILER:
        raise InvitationError(
            _("This link is for the child or their family. Sign in with their own account to open it.")
        )
    if invitation.email and invitation.email.casefold() != (user.email or "").casefold():
        raise InvitationError(
            _("This link was sent to another e-mail address. Sign in with the account of that address.")
        )
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    _event(invitation.communication, user, texts.INVITATION_ACCEPTED)
    return invitation


def invitation_of(*, communication: Communication, user: User) -> Invitation | None:
    """Return the live invitation through which ``user`` reads ``communication``, if there is one."""
    return (
        Invitation.objects.filter(communication=communication, accepted_by=user, revoked_at=None)
        .select_related("person")
        .order_by("-accepted_at")
        .first()
    )


@transaction.atomic
def invitation_answer(
    *, invitation: Invitation, user: User, answer: str, comment: str = "", own_words: str = ""
) -> Invitation:
    """Record the invited person's answer; the child's answer is also their consent on the child's row."""
    # Lock the invitation row only: PostgreSQL refuses FOR UPDATE over the nullable join to the person.
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("communication", "person")
        .get(pk=invitation.pk)
    )
    if invitation.accepted_by_id != user.pk or invitation.revoked_at is not None:
        raise InvitationError(_("This invitation is not yours to answer."))
    if invitation.communication.status != Communication.Status.DRAFT:
        raise InvitationError(_("This communication was already sent; your answer can no longer change it."))
    if answer not in Invitation.Answer.values:
        raise InvitationError(_("Choose one answer."))
    comment = comment.strip()
    if answer != Invitation.Answer.AGREED and not comment:
        raise InvitationError(_("Please tell us in a few words what should change, or why you do not agree."))
    today = timezone.localdate()
    invitation.answer = answer
    invitation.answer_comment = comment
    invitation.answered_at = timezone.now()
    person = invitation.person if invitation.role == Invitation.Role.CHILD else None

    def write() -> None:
        invitation.save(update_fields=["answer", "answer_comment", "answered_at"])
        if person is None:
            return
        if answer == Invitation.Answer.AGREED:
            person.consent, person.consent_on = Person.Consent.GIVEN, today
            person.consent_statement = own_words.strip() or person.consent_statement
        elif answer == Invitation.Answer.DECLINED:
            person.consent, person.consent_on = Person.Consent.NOT_GIVEN, None
        elif person.consent == Person.Consent.GIVEN:  # asks for changes: not agreed to this version yet
            person.consent, person.consent_on = "", None
        person.save(update_fields=["consent", "consent_on", "consent_statement"])

    # Through the draft's versioned save: a tab still open on the consent step gets a 409, not an overwrite.
    communication_save_step(
        communication=invitation.communication,
        expected_version=invitation.communication.version,
        actor=user,
        write=write,
    )
    _event(
        invitation.communication,
        user,
        texts.INVITATION_ANSWERED,
        whom=invitation.role,
        answer=invitation.answer,
    )
    if invitation.created_by is not None and invitation.created_by.email:
        notice = answer_email(invitation)
        transaction.on_commit(lambda: notice.send(fail_silently=True))
    return invitation


def answer_email(invitation: Invitation) -> EmailMultiAlternatives:
    """Tell the caseworker who sent the invitation that it was answered; no child is named."""
    recipient = invitation.created_by
    assert recipient is not None
    communication = invitation.communication
    language = email_language(recipient.preferred_language)
    with translation.override(language):  # the role and answer labels are lazy: name them in that language
        whom, answer = str(invitation.get_role_display()), str(invitation.get_answer_display())
    return email_message(
        "invitation_answered",
        {
            "case": communication.short_reference,
            "whom": whom,
            "answer": answer,
            "case_url": settings.PORTAL_BASE_URL.rstrip("/") + communication.get_absolute_url(),
        },
        to=[recipient.email],
        language=language,
    )


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: User) -> None:
    """Withdraw the invitation: its link stops working and its account no longer sees the case."""
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        _event(invitation.communication, actor, texts.INVITATION_WITHDRAWN)


def invitations_blocking_submission(communication: Communication) -> list[Invitation]:
    """Return the child's refusals that forbid sending, one per child.

    What counts is the latest answer each child gave, whatever happened to the invitation since:
    withdrawing it hides the case from the child but does not undo their "no". A refusal stops
    blocking only when the child answers again, or when the consent step records why the case is
    brought without their consent (OPIC art. 5(2)), with the reasons written down.
    """
    latest: dict[int | None, Invitation] = {}
    answered = (
        communication.invitations.filter(role=Invitation.Role.CHILD, answered_at__isnull=False)
        .select_related("person")
        .order_by("answered_at", "pk")
    )
    for invitation in answered:
        latest[invitation.person_id] = invitation
    return [
        invitation
        for invitation in latest.values()
        if invitation.answer == Invitation.Answer.DECLINED
        and not (
            invitation.person is not None
            and invitation.person.consent == Person.Consent.WITHOUT_CONSENT_JUSTIFIED
            and invitation.person.without_consent_reason.strip()
        )
    ]


def invitations_awaiting_answer(user: User) -> list[Invitation]:
    """Return the drafts ``user`` accepted to review and has not answered yet, oldest first."""
    return list(
        Invitation.objects.filter(
            accepted_by=user,
            revoked_at=None,
            answered_at=None,
            communication__status=Communication.Status.DRAFT,
        )
        .select_related("communication", "communication__organisation")
        .order_by("accepted_at")
    )
