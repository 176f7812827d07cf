"""What a handling caseworker does on a case besides lifecycle steps: notes, assignment, sharing,
and letting the filing dossier go without a translation."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.deadlines.services import deadlines_recompute
from complaints.dossiers.services import dossier_request
from complaints.models import Communication, Dossier, Event, Membership, Organisation, User
from complaints.permissions import communication_access
from complaints.timeline import texts

# Long enough for a reason, short enough to print on the dossier's check-list.
MAX_UNTRANSLATED_REASON = 2000


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


@transaction.atomic
def case_allow_untranslated_filing(*, user: User, reference: Any, reason: str) -> Communication:
    """Record why the filing dossier may go without the translation of some text, and make it.

    Text in another language than the dossier's stops the filing dossier
    (complaints.dossiers.services.filing_untranslated); the Committee may still accept it, and
    the caseworker handling the case is the one who judges that. The reason is kept on the case,
    recorded on its timeline and printed on the dossier's check-list. A submitted case gets its
    filing dossier asked for at once.
    """
    communication = communication_access(user, reference, "allow_untranslated")
    reason = reason.strip()
    if not reason:
        raise CaseworkError(_("Write why the dossier may go without a translation."))
    if len(reason) > MAX_UNTRANSLATED_REASON:
        raise CaseworkError(
            _("Keep the reason under %(limit)d characters: it is printed on the dossier.")
            % {"limit": MAX_UNTRANSLATED_REASON}
        )
    locked = Communication.objects.select_for_update().get(pk=communication.pk)
    today = timezone.localdate()
    locked.untranslated_filing_reason = reason
    locked.untranslated_filing_allowed_by = user
    locked.untranslated_filing_allowed_on = today
    locked.version += 1
    locked.save(
        update_fields=[
            "untranslated_filing_reason",
            "untranslated_filing_allowed_by",
            "untranslated_filing_allowed_on",
            "version",
            "updated_at",
        ]
    )
    Event.objects.create(
        communication=locked, kind=Event.Kind.UNTRANSLATED, actor=user, occurred_on=today, note=reason
    )
    deadlines_recompute(communication=locked, actor=user)
    if locked.status != Communication.Status.DRAFT:
        dossier_request(
            communication=locked, variant=Dossier.Variant.FILING, requested_by=user, budgeted=False
        )
    return locked
