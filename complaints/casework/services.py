"""What a handling caseworker does on a case besides lifecycle steps: notes, assignment, sharing."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.models import Communication, Event, Membership, Organisation, User
from complaints.timeline import texts


class CaseworkError(Exception):
    """The action cannot be done; the message says why."""


def case_colleagues(communication: Communication) -> list[User]:
    """Return the caseworkers of the organisation handling ``communication``."""
    if communication.organisation_id is None:
        return []
    memberships = Membership.objects.filter(organisation_id=communication.organisation_id)
    memberships = memberships.select_related("user")
    # Sorted here: the names are encrypted, the database would sort their tokens.
    return sorted(
        (m.user for m in memberships if m.user.role == User.Role.CASEWORKER),
        key=lambda user: (user.last_name.casefold(), user.first_name.casefold(), user.pk),
    )


def case_add_note(*, communication: Communication, author: User, text: str) -> Event:
    """Add a private note to the timeline: only the people handling the case see it."""
    if not text.strip():
        raise CaseworkError(_("Write something in the note."))
    return Event.objects.create(
        communication=communication,
        kind=Event.Kind.NOTE,
        actor=author,
        occurred_on=timezone.localdate(),
        note=text.strip(),
        is_private=True,
    )


@transaction.atomic
def case_assign(*, communication: Communication, assignee: User | None, actor: User) -> Communication:
    """Give the case to a caseworker of the handling organisation (or to nobody)."""
    if assignee is not None and assignee not in case_colleagues(communication):
        raise CaseworkError(_("A case can only be assigned to a caseworker of the organisation handling it."))
    Communication.objects.filter(pk=communication.pk).update(assignee=assignee, updated_at=timezone.now())
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.ASSIGNED,
        actor=actor,
        occurred_on=timezone.localdate(),
        code=texts.ASSIGNED if assignee else texts.UNASSIGNED,
        params={"name": str(assignee)} if assignee else {},
        is_private=True,
    )
    communication.refresh_from_db()
    return communication


@transaction.atomic
def case_share(*, communication: Communication, organisation: Organisation, actor: User) -> Communication:
    """Route the case to an ombudsman office, or share it with another NGO."""
    if organisation.pk == communication.organisation_id:
        raise CaseworkError(_("This organisation already handles the case."))
    if organisation.kind == Organisation.Kind.OMBUDSMAN:
        Communication.objects.filter(pk=communication.pk).update(
            routed_to=organisation, updated_at=timezone.now()
        )
    else:
        communication.shared_with.add(organisation)
    Event.objects.create(
        communication=communication,
        kind=Event.Kind.SHARED,
        actor=actor,
        occurred_on=timezone.localdate(),
        note=organisation.name,
        is_private=True,
    )
    communication.refresh_from_db()
    return communication
