"""Who may see and do what: the portal's object permissions, written once.

Every HTML view, the admin and the API ask these rules (through ``user.has_perm`` or the
``communications_visible_to`` queryset); nothing else decides access to a case.

- A filer sees the communications they filed.
- A caseworker sees the cases of the NGOs they belong to and the cases shared with those NGOs.
- An ombudsman reviewer sees the cases routed to their office.
- A child or parent invited to review a draft (complaints.invitations.services) sees that case, read only,
  once they accepted the invitation with their own account and until it is withdrawn.
- An administrator sees everything; nobody else sees anything.
- An inquiry (OPIC art. 13, complaints.inquiries) is seen and recorded by the caseworkers and
  ombudsman reviewers of the organisation that sent the information, and by administrators.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from complaints.models import Communication, Inquiry, Invitation, Membership, Organisation, User

# Where memberships_of keeps an account's organisations on the user object.
MEMBERSHIPS_KEY = "_portal_memberships"


@dataclass(frozen=True)
class Belonging:
    """One organisation an account belongs to, as the rules and the audit log need it."""

    organisation_id: int
    kind: str
    name: str


def memberships_of(user: Any) -> tuple[Belonging, ...]:
    """Return the organisations ``user`` belongs to, read once for the user object (one request).

    The visibility rule, the predicates below and the audit log's record of who acted each need
    them: they share one query. An account loaded anew (every request loads its own) reads anew.
    """
    if not getattr(user, "is_authenticated", False):
        return ()
    cached = user.__dict__.get(MEMBERSHIPS_KEY)
    if cached is None:
        rows = Membership.objects.filter(user=user).values_list(
            "organisation_id", "organisation__kind", "organisation__name"
        )
        cached = tuple(Belonging(*row) for row in rows.order_by("organisation_id"))
        user.__dict__[MEMBERSHIPS_KEY] = cached
    return cached


def _organisation_ids(user: User, kind: str) -> list[int]:
    return [belonging.organisation_id for belonging in memberships_of(user) if belonging.kind == kind]


def _belongs_to(user: Any, organisation_id: int | None) -> bool:
    return organisation_id is not None and any(
        belonging.organisation_id == organisation_id for belonging in memberships_of(user)
    )


def communications_visible_to(user: Any) -> QuerySet[Communication]:
    """Return the communications ``user`` may see; the single source of the visibility rule."""
    queryset = Communication.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_superuser or user.role == User.Role.ADMINISTRATOR:
        return queryset
    visible = Q(filer=user)
    if user.role == User.Role.CASEWORKER:
        ngo_ids = _organisation_ids(user, Organisation.Kind.NGO)
        shared = Communication.shared_with.through.objects.filter(
            communication_id=OuterRef("pk"), organisation_id__in=ngo_ids
        )
        visible |= Q(organisation_id__in=ngo_ids) | Q(Exists(shared))
    elif user.role == User.Role.OMBUDSMAN_REVIEWER:
        visible |= Q(routed_to_id__in=_organisation_ids(user, Organisation.Kind.OMBUDSMAN))
    elif user.role == User.Role.FILER:
        invited = Invitation.objects.filter(
            communication_id=OuterRef("pk"), accepted_by=user, revoked_at__isnull=True
        )
        visible |= Q(Exists(invited))
    return queryset.filter(visible)


def _as_communication(obj: Any) -> Communication | None:
    if isinstance(obj, Communication):
        return obj
    return getattr(obj, "communication", None)


@rules.predicate
def can_see(user: Any, obj: Any = None) -> bool:
    if obj is None:  # model level: may open a list, which is itself filtered
        return bool(getattr(user, "is_authenticated", False))
    communication = _as_communication(obj)
    if communication is None:
        return False
    return communications_visible_to(user).filter(pk=communication.pk).exists()


def _visible_by_reference(user: Any, key: uuid.UUID) -> Communication | None:
    """Return the case ``key`` if ``user`` sees it, by ``communications_visible_to``'s rule.

    A filer's own case (the wizard's every request) is known to be theirs from its own row
    (``Q(filer=user)``, the rule's first clause), so a filer's case is read by its reference alone.
    What that row does not settle (someone else's case, which an accepted invitation may open) is
    asked of the full rule in a second query; every other role asks the full rule at once.
    """
    if (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == User.Role.FILER
        and not user.is_superuser
    ):
        communication = Communication.objects.filter(reference=key).first()
        if communication is None or communication.filer_id == user.pk:
            return communication
    return communications_visible_to(user).filter(reference=key).first()


def communication_access(user: Any, reference: Any, action: str = "view") -> Communication:
    """Return the case ``reference`` if ``user`` may do ``action`` on it: the one door to a case.

    ``action`` names a permission of this module (``view``, ``change``, ``transition``,
    ``manage``, ``invite``, ``answer``, ``triage``, ``delete``, ``export``, ``erase``,
    ``dispatch``, ``allow_untranslated``, ``sign``). A case the user cannot see (or a reference
    that is not one) raises Http404, so nothing tells whether it exists; a case they see but may
    not act on raises PermissionDenied. Status is part of each rule: "change" on a submitted case
    is refused here, whoever asks.
    """
    try:
        key = reference if isinstance(reference, uuid.UUID) else uuid.UUID(str(reference))
    except ValueError as error:
        raise Http404 from error
    communication = _visible_by_reference(user, key)
    if communication is None:
        raise Http404
    if action != "view" and not user.has_perm(f"complaints.{action}_communication", communication):
        raise PermissionDenied
    return communication


@rules.predicate
def is_draft(user: Any, obj: Any = None) -> bool:
    communication = _as_communication(obj)
    return communication is not None and communication.status == Communication.Status.DRAFT


@rules.predicate
def is_in_review(user: Any, obj: Any = None) -> bool:
    """Sent and not yet closed: the cases an ombudsman office reviews (its queue shows no other)."""
    communication = _as_communication(obj)
    return communication is not None and communication.status not in (
        Communication.Status.DRAFT,
        Communication.Status.CLOSED,
    )


@rules.predicate
def is_sendable(user: Any, obj: Any = None) -> bool:
    """Submitted, not closed and not erased: a case whose filing dossier may go to the Committee."""
    communication = _as_communication(obj)
    return (
        communication is not None
        and communication.status not in (Communication.Status.DRAFT, Communication.Status.CLOSED)
        and communication.erased_on is None
    )


@rules.predicate
def is_filer_of_draft(user: Any, obj: Any) -> bool:
    communication = _as_communication(obj)
    return (
        communication is not None
        and communication.filer_id == getattr(user, "pk", None)
        and communication.status == Communication.Status.DRAFT
    )


@rules.predicate
def is_filer(user: Any, obj: Any) -> bool:
    """The account that owns the case: the family's side, whatever the case's status."""
    communication = _as_communication(obj)
    return communication is not None and communication.filer_id == getattr(user, "pk", None)


@rules.predicate
def is_handling_caseworker(user: Any, obj: Any) -> bool:
    communication = _as_communication(obj)
    if communication is None or communication.organisation_id is None:
        return False
    if getattr(user, "role", None) != User.Role.CASEWORKER:
        return False
    return _belongs_to(user, communication.organisation_id)


@rules.predicate
def is_routed_reviewer(user: Any, obj: Any) -> bool:
    communication = _as_communication(obj)
    if communication is None or communication.routed_to_id is None:
        return False
    if getattr(user, "role", None) != User.Role.OMBUDSMAN_REVIEWER:
        return False
    return _belongs_to(user, communication.routed_to_id)


@rules.predicate
def is_invited_to_answer(user: Any, obj: Any) -> bool:
    communication = _as_communication(obj)
    if communication is None or communication.status != Communication.Status.DRAFT:
        return False
    return Invitation.objects.filter(
        communication=communication, accepted_by_id=getattr(user, "pk", None), revoked_at__isnull=True
    ).exists()


@rules.predicate
def is_administrator(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.role == User.Role.ADMINISTRATOR)
    )


@rules.predicate
def may_make_child_accounts(user: Any) -> bool:
    """A caseworker, or a parent or guardian, makes accounts for children who have no e-mail address."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.role == User.Role.CASEWORKER or (
        user.role == User.Role.FILER and user.filer_kind == User.FilerKind.PARENT
    )


rules.add_perm("complaints.add_childaccount", may_make_child_accounts)
# The Django admin opens for administrators only, whatever a user's staff flag says.
rules.add_perm("complaints.use_admin", is_administrator)
# Model-level: may open the list at all. Object-level: may touch this case.
rules.add_perm("complaints.view_communication", is_administrator | can_see)
rules.add_perm("complaints.add_communication", rules.is_authenticated)
# Editing a case and its parts, deleting it and inviting someone to review it: on drafts only.
may_draft = is_draft & (is_administrator | is_filer_of_draft | is_handling_caseworker)
rules.add_perm("complaints.change_communication", may_draft)
rules.add_perm("complaints.delete_communication", is_draft & (is_administrator | is_filer_of_draft))
rules.add_perm("complaints.transition_communication", is_administrator | is_handling_caseworker)
rules.add_perm("complaints.triage_communication", is_in_review & (is_administrator | is_routed_reviewer))
# The office's own record of its review (internal notes): read by the office whatever the status.
rules.add_perm("complaints.read_review_communication", is_administrator | is_routed_reviewer)
rules.add_perm("complaints.manage_communication", is_administrator | is_handling_caseworker)
# Invite the child or a parent to review a draft; answer such an invitation.
rules.add_perm("complaints.invite_communication", is_draft & (is_administrator | is_handling_caseworker))
rules.add_perm("complaints.answer_communication", is_invited_to_answer)
# The family's rights over its data (complaints.privacy): the filer downloads everything the
# portal holds about the case and asks for its erasure; an administrator may do both for them.
rules.add_perm("complaints.export_communication", is_administrator | is_filer)
# Letting the filing dossier go without a translation of some text is a judgement on the case: the
# caseworker handling it makes it, and nobody else (complaints.casework.services).
rules.add_perm("complaints.allow_untranslated_communication", is_handling_caseworker)
# Sending the filing dossier to the Committee (complaints.dispatch): the filer or the handling
# caseworker, once it is submitted and while it is open. The secretariat's answers (acknowledgement,
# requests for clarification) are recorded by whoever records the lifecycle ("transition").
rules.add_perm(
    "complaints.dispatch_communication", is_sendable & (is_administrator | is_filer | is_handling_caseworker)
)
# Uploading the scan of the dossier's pages signed by hand (complaints.signing): whoever may send
# the case, while it may be sent.
rules.add_perm(
    "complaints.sign_communication", is_sendable & (is_administrator | is_filer | is_handling_caseworker)
)
rules.add_perm("complaints.erase_communication", is_administrator | is_filer)
# The log of erasures holds no erased data; administrators read it, nobody edits it.
rules.add_perm("complaints.view_erasurerecord", is_administrator)

# The parts of a case follow the case.
for _model in ("person", "claim", "domesticremedy", "otherprocedure", "document", "event"):
    rules.add_perm(f"complaints.view_{_model}", is_administrator | can_see)
    rules.add_perm(f"complaints.add_{_model}", may_draft)
    rules.add_perm(f"complaints.change_{_model}", may_draft)
    rules.add_perm(f"complaints.delete_{_model}", may_draft)

# ---- Deadlines, reminders and dossiers ----
# Deadlines and dossiers follow their case. The filing and redacted dossiers may be seen and
# asked for by anyone who sees the case; the internal one (private notes) only by its handlers.
# Deadlines are computed, never edited by hand; the interim measures report date is recorded by
# whoever may record the case's lifecycle.
rules.add_perm("complaints.view_internal_dossier", is_administrator | is_handling_caseworker)
for _model in ("deadline", "deadlinechange", "dossier", "interimmeasuresreport"):
    rules.add_perm(f"complaints.view_{_model}", is_administrator | can_see)
# Invitations are made, withdrawn and answered through complaints.invitations.services only.
rules.add_perm("complaints.view_invitation", is_administrator | is_handling_caseworker)
for _action in ("add", "change", "delete"):
    rules.add_perm(f"complaints.{_action}_invitation", is_administrator)
for _model in ("deadline", "deadlinechange", "dossier"):
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"complaints.{_action}_{_model}", is_administrator)
for _action in ("add", "change", "delete"):
    rules.add_perm(f"complaints.{_action}_interimmeasuresreport", is_administrator | is_handling_caseworker)

# ---- Friendly settlement (complaints.settlements) ----
# Whoever records the case's lifecycle records its settlement talks, agreement and follow-up; whoever
# sees the case sees them. They change only through complaints.settlements.services.
rules.add_perm("complaints.settle_communication", is_administrator | is_handling_caseworker)
for _model in ("settlement", "settlementstep"):
    rules.add_perm(f"complaints.view_{_model}", is_administrator | can_see)
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"complaints.{_action}_{_model}", is_administrator)

# ---- Inquiries (OPIC arts. 13-14; complaints.inquiries) ----
# Information on grave or systematic violations is sent by an NGO or an ombudsman office: the
# caseworkers and reviewers of that organisation see and record its inquiries; filers never do.
INQUIRY_ROLES = (User.Role.CASEWORKER, User.Role.OMBUDSMAN_REVIEWER)


def inquiries_visible_to(user: Any) -> QuerySet[Inquiry]:
    """Return the inquiries ``user`` may see; the single source of that rule."""
    queryset = Inquiry.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_superuser or user.role == User.Role.ADMINISTRATOR:
        return queryset
    if user.role not in INQUIRY_ROLES:
        return queryset.none()
    return queryset.filter(organisation__memberships__user=user)


@rules.predicate
def is_inquiry_member(user: Any, obj: Any) -> bool:
    if not isinstance(obj, Inquiry) or getattr(user, "role", None) not in INQUIRY_ROLES:
        return False
    return _belongs_to(user, obj.organisation_id)


@rules.predicate
def may_send_inquiries(user: Any) -> bool:
    """A caseworker or reviewer who belongs to an organisation may send information for one."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "role", None) not in INQUIRY_ROLES:
        return False
    return bool(memberships_of(user))


rules.add_perm("complaints.add_inquiry", is_administrator | may_send_inquiries)
rules.add_perm("complaints.view_inquiry", is_administrator | is_inquiry_member)
# Recording a step (the Committee's invitation, its findings, the State's answers) goes through
# complaints.inquiries.services, which asks this rule.
rules.add_perm("complaints.change_inquiry", is_administrator | is_inquiry_member)
rules.add_perm("complaints.delete_inquiry", is_administrator)
# Dispatches, requests for clarification and later requests of the Committee follow their case.
for _model in ("dispatch", "clarificationrequest", "procedurerequest"):
    rules.add_perm(f"complaints.view_{_model}", is_administrator | can_see)
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"complaints.{_action}_{_model}", is_administrator)
