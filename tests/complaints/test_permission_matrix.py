"""The permission matrix: every role × every status of a case × every action, from one table.

``allowed(role, status, action)`` is the policy, written once from the README and
complaints/permissions.py (where they disagree, the safer reading). ``refusal(role, status, action)``
says how the portal answers when the policy says no: which check comes first decides whether
it is a redirect to log in, a 404 (the case does not exist for you), a 403, a redirect back to
the case page with a message, a 409 or a 400. Each cell is one test: it sends the real request
(Django's test client, or DRF's APIClient for the API) and checks the answer AND the database:
an allowed write happened, and a refused one changed nothing at all.

A cell that fails because the portal itself does the wrong thing is listed in HOLES and kept
as a strict xfail, so the suite stays green and the hole stays visible until it is fixed.
tests/complaints/test_permission_walk.py complements this: it walks every URL against a
stranger's objects; this matrix checks, action by action, what each role may do to one case.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from rest_framework.test import APIClient

from complaints.deadlines.geneva import geneva_today
from complaints.models import (
    Claim,
    Communication,
    Deadline,
    Dispatch,
    Document,
    DomesticRemedy,
    Dossier,
    Event,
    Invitation,
    Membership,
    Organisation,
    OtherProcedure,
    Person,
    Submission,
    Triage,
    User,
)
from tests.factories import (
    TOTP_SECRET,
    ClaimFactory,
    CommunicationFactory,
    DomesticRemedyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# ---- The dimensions ----

ANONYMOUS = "anonymous"
FILER = "the filer"
OTHER_FILER = "another filer"
INVITED_CHILD = "the invited child"
HANDLING_CASEWORKER = "a caseworker of the handling NGO"
OTHER_CASEWORKER = "a caseworker of another NGO"
SHARED_CASEWORKER = "a caseworker of an NGO it is shared with"
ROUTED_REVIEWER = "a reviewer of the office it is routed to"
OTHER_REVIEWER = "a reviewer of another office"
ADMINISTRATOR = "an administrator"

ROLES = (
    ANONYMOUS,
    FILER,
    OTHER_FILER,
    INVITED_CHILD,
    HANDLING_CASEWORKER,
    OTHER_CASEWORKER,
    SHARED_CASEWORKER,
    ROUTED_REVIEWER,
    OTHER_REVIEWER,
    ADMINISTRATOR,
)

Status = Communication.Status
STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.REGISTERED, Status.CLOSED)

# The roles that see the case at all (README, Permissions): its filer, the child who accepted an
# invitation to review it (the invitation service keeps an accepted link working after submission,
# so the child still reads the case they agreed to), the NGO handling it, an NGO it is shared with,
# the ombudsman office it is routed to, and administrators.
SEES = frozenset(
    {FILER, INVITED_CHILD, HANDLING_CASEWORKER, SHARED_CASEWORKER, ROUTED_REVIEWER, ADMINISTRATOR}
)
# The people handling the case: record its lifecycle, casework, invitations, the internal dossier.
HANDLES = frozenset({HANDLING_CASEWORKER, ADMINISTRATOR})
# Who may change a draft: its filer, or the people handling it.
DRAFTS = frozenset({FILER, *HANDLES})
REVIEWERS = frozenset({ROUTED_REVIEWER, OTHER_REVIEWER})
# The review queue holds the open cases: submitted and not yet closed (complaints/review/services.py).
IN_THE_QUEUE = frozenset({Status.SUBMITTED, Status.REGISTERED})

# The lifecycle step each status tries to record by hand: the next legal one, except that a draft
# tries "submitted" (allowed only by signing) and a closed case tries to come back (CLOSED is final).
NEXT_STEP: dict[str, str] = {
    Status.DRAFT: Status.SUBMITTED,
    Status.SUBMITTED: Status.REGISTERED,
    Status.REGISTERED: Status.TRANSMITTED,
    Status.CLOSED: Status.REGISTERED,
}


class Outcome(Enum):
    ALLOWED = "allowed"
    LOGIN = "redirect to log-in"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    BOUNCED = "redirect back to the case, refused"
    CONFLICT = "409"
    INVALID = "400"
    HIDDEN = "the page, without it"


STATUS_CODE = {
    Outcome.LOGIN: 302,
    Outcome.FORBIDDEN: 403,
    Outcome.NOT_FOUND: 404,
    Outcome.BOUNCED: 302,
    Outcome.CONFLICT: 409,
    Outcome.INVALID: 400,
    Outcome.HIDDEN: 200,
}


# ---- The world of one cell ----


@dataclass
class Case:
    """One case at one status, every persona around it, and the rows an action works on."""

    communication: Communication
    users: dict[str, User]
    victim: Person
    invitation: Invitation
    other_ngo: Organisation
    rows: dict[str, Any] = field(default_factory=dict)

    @property
    def pk(self) -> int:
        return self.communication.pk

    @property
    def reference(self) -> str:
        return str(self.communication.reference)

    @property
    def page(self) -> str:
        return self.communication.get_absolute_url()

    def fresh(self) -> Communication:
        return Communication.objects.get(pk=self.communication.pk)


def build(status: str) -> Case:
    """Build the smallest world for one cell: ten personas and one case at ``status``.

    The factories only build; each table is then written in one query, so a cell stays cheap.
    """
    kinds = [Organisation.Kind.NGO] * 3 + [Organisation.Kind.OMBUDSMAN] * 2
    ngo, other_ngo, shared_ngo, office, other_office = Organisation.objects.bulk_create(
        [OrganisationFactory.build(kind=kind) for kind in kinds]
    )
    roles = {
        FILER: (User.Role.FILER, None),
        OTHER_FILER: (User.Role.FILER, None),
        INVITED_CHILD: (User.Role.FILER, None),
        ADMINISTRATOR: (User.Role.ADMINISTRATOR, None),
        HANDLING_CASEWORKER: (User.Role.CASEWORKER, ngo),
        OTHER_CASEWORKER: (User.Role.CASEWORKER, other_ngo),
        SHARED_CASEWORKER: (User.Role.CASEWORKER, shared_ngo),
        ROUTED_REVIEWER: (User.Role.OMBUDSMAN_REVIEWER, office),
        OTHER_REVIEWER: (User.Role.OMBUDSMAN_REVIEWER, other_office),
    }
    built = User.objects.bulk_create([UserFactory.build(role=kind) for kind, _ in roles.values()])
    users = dict(zip(roles, built, strict=True))
    for user in built:  # staff have a second factor, as UserFactory.create gives them
        if user.role != User.Role.FILER:
            TOTP.activate(user, TOTP_SECRET)
    Membership.objects.bulk_create(
        [
            MembershipFactory.build(user=users[role], organisation=organisation)
            for role, (_, organisation) in roles.items()
            if organisation is not None
        ]
    )

    today = timezone.localdate()
    dates: dict[str, Any] = {}
    if status != Status.DRAFT:
        dates.update(submitted_on=today - timedelta(days=30), signed_name="Aliya", signed_on=today)
    if status in (Status.REGISTERED, Status.CLOSED):
        dates.update(registered_on=today - timedelta(days=20), committee_reference="CRC/C/99/D/1/2026")
    if status == Status.CLOSED:
        dates.update(closed_on=today - timedelta(days=10), closure=Communication.Closure.WITHDRAWN)
    communication = CommunicationFactory.create(
        filer=users[FILER],
        organisation=ngo,
        routed_to=office,
        status=status,
        title="Matrix-case-title",
        audience=Communication.Audience.ADULT,
        **dates,
    )
    communication.shared_with.add(shared_ngo)
    victim = PersonFactory.create(communication=communication, consent="")
    # Accepted while the case was a draft; still live (not withdrawn, not answered).
    invitation = Invitation.objects.create(
        communication=communication,
        person=victim,
        role=Invitation.Role.CHILD,
        language="en",
        token_sha256=f"{communication.pk:064d}",
        created_by=users[HANDLING_CASEWORKER],
        expires_at=timezone.now() + timedelta(days=14),
        accepted_by=users[INVITED_CHILD],
        accepted_at=timezone.now(),
    )
    return Case(communication, users, victim, invitation, other_ngo)


PARTS = (
    Person,
    Claim,
    DomesticRemedy,
    OtherProcedure,
    Document,
    Dossier,
    Invitation,
    Event,
    Triage,
    Submission,
    Deadline,
    Dispatch,
)


def _tables() -> list[tuple[str, str, str]]:
    """(name, table, column naming the case) of every table a request could change for a case."""
    tables = [("communication", Communication._meta.db_table, "id")]
    through = Communication.shared_with.through._meta
    tables.append(("shared_with", through.db_table, through.get_field("communication").column))
    for model in PARTS:
        tables.append((model.__name__, model._meta.db_table, model._meta.get_field("communication").column))
    return tables


def snapshot(case: Case) -> dict[str, list[dict[str, Any]]]:
    """Every row a request could change on the case: its own, its parts', who it is shared with.

    Read with plain SQL (portable: SQLite and PostgreSQL), because every cell reads it twice.
    """
    quote = connection.ops.quote_name
    rows: dict[str, list[dict[str, Any]]] = {}
    with connection.cursor() as cursor:
        for name, table, column in _tables():
            cursor.execute(f"SELECT * FROM {quote(table)} WHERE {quote(column)} = %s ORDER BY 1", [case.pk])
            columns = [description[0] for description in cursor.description]
            rows[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return rows


# ---- Small helpers the actions share ----


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def step(case: Case, slug: str) -> str:
    return reverse("complaints:wizard_step", args=[case.reference, slug])


def wizard_post(case: Case, client: Any, slug: str, data: dict[str, Any]) -> HttpResponse:
    return client.post(step(case, slug), {"version": case.fresh().version, **data})


def api(path: str, *args: Any) -> str:
    return f"/api/v1/{path}/" + "".join(f"{arg}/" for arg in args)


def body_of(response: Any) -> bytes:
    """The body of ``response``, read once (a file download streams)."""
    if not hasattr(response, "matrix_body"):
        streamed = b"".join(response.streaming_content) if response.streaming else bytes(response.content)
        response.matrix_body = streamed
    return bytes(response.matrix_body)


def version_moved(case: Case) -> bool:
    return case.fresh().version > case.communication.version


MARK = "Matrix-written-marker"
PRIVATE_NOTE = "Matrix-private-note"
OFFICE_NOTE = "Matrix-office-internal-note"
DOSSIER_TEXT = "Matrix-dossier-content"


# ---- What each action prepares ----


def with_claim(case: Case) -> None:
    case.rows["claim"] = ClaimFactory.create(communication=case.communication)


def with_remedy(case: Case) -> None:
    case.rows["remedy"] = DomesticRemedyFactory.create(communication=case.communication)


def with_procedure(case: Case) -> None:
    case.rows["procedure"] = OtherProcedure.objects.create(communication=case.communication, body="ECtHR")


def with_extra_person(case: Case) -> None:
    case.rows["person"] = PersonFactory.create(communication=case.communication, role=Person.Role.AUTHOR)


def with_annex(case: Case) -> None:
    document = Document(
        communication=case.communication,
        title="Court decision",
        original_name="decision.png",
        content_type="image/png",
        size=10,
        sha256="0" * 64,
        uploaded_by=case.users[FILER],
    )
    document.file.save("decision.png", ContentFile(png()), save=False)
    document.save()
    case.rows["document"] = document


def with_signed_scan(case: Case) -> None:
    """A scan of the signed pages, uploaded after submission (complaints/signing)."""
    with_annex(case)
    Document.objects.filter(pk=case.rows["document"].pk).update(kind=Document.Kind.SIGNED_PAGE)


def with_dossiers(case: Case) -> None:
    """A ready dossier of each variant, each a small file (as tests/conftest.py's stranger's dossier)."""
    for variant in Dossier.Variant.values:
        dossier = Dossier(
            communication=case.communication,
            variant=variant,
            status=Dossier.Status.READY,
            requested_version=case.communication.version,
            communication_version=case.communication.version,
            requested_at=timezone.now(),
        )
        dossier.file.save(f"{variant}.pdf", ContentFile(f"%PDF-1.7 {DOSSIER_TEXT} {variant}".encode()))
        case.rows[variant] = dossier


def with_private_note(case: Case) -> None:
    Event.objects.create(
        communication=case.communication,
        kind=Event.Kind.NOTE,
        occurred_on=timezone.localdate(),
        note=PRIVATE_NOTE,
        is_private=True,
    )


def with_triage(case: Case) -> None:
    Triage.objects.create(
        communication=case.communication,
        decision=Triage.Decision.MORE_INFORMATION,
        reason_for_filer="Please tell us more.",
        note=OFFICE_NOTE,
        decided_by=case.users[ROUTED_REVIEWER],
    )


# ---- The actions ----


@dataclass(frozen=True)
class Action:
    """One thing a user may try on the case, through one real URL.

    ``rule`` names the policy that decides it; ``family`` the order in which its endpoint checks,
    which decides how a refusal answers. ``done`` tells whether the action took effect (a write
    happened, or the page showed what was asked for); ``ok`` is the status code of success.
    """

    key: str
    title: str
    rule: str
    family: str
    send: Callable[[Case, Any], Any]
    done: Callable[[Case, Any], bool]
    ok: int = 302
    api: bool = False
    prepare: Callable[[Case], None] | None = None
    variant: str = ""

    def sentence(self, status: str) -> str:
        return self.title.format(target=NEXT_STEP[status])


def _shows(marker: str) -> Callable[[Case, Any], bool]:
    return lambda case, response: marker.encode() in body_of(response)


def _transition_page(case: Case, client: Any) -> Any:
    target = NEXT_STEP[case.communication.status]
    return client.post(
        reverse("complaints:communication_transition", args=[case.reference]),
        {"to": target, "on": geneva_today().isoformat(), "committee_reference": "CRC/C/99/D/2/2026"},
    )


def _transition_api(case: Case, client: Any) -> Any:
    target = NEXT_STEP[case.communication.status]
    return client.post(
        api("communications", case.reference, "transitions"),
        {"to": target, "on": geneva_today().isoformat(), "committee_reference": "CRC/C/99/D/2/2026"},
        format="json",
    )


def _moved(case: Case, response: Any) -> bool:
    return case.fresh().status == NEXT_STEP[case.communication.status]


def _dossier_actions(variant: str) -> list[Action]:
    """Ask for one variant of the dossier, and download it."""

    def ask(case: Case, client: Any) -> Any:
        return client.post(reverse("complaints:dossier_request", args=[case.reference, variant]))

    def asked(case: Case, response: Any) -> bool:
        return Dossier.objects.filter(communication=case.communication, variant=variant).exists()

    def download(case: Case, client: Any) -> Any:
        return client.get(reverse("complaints:dossier_download", args=[case.rows[variant].pk]))

    return [
        Action(
            f"request-{variant}",
            f"asks for the {variant} dossier",
            "dossier",
            "dossier",
            ask,
            asked,
            variant=variant,
        ),
        Action(
            f"download-{variant}",
            f"downloads the {variant} dossier",
            "dossier",
            "dossier",
            download,
            _shows(DOSSIER_TEXT),
            ok=200,
            prepare=with_dossiers,
            variant=variant,
        ),
    ]


def _part_actions(
    name: str,
    path: str,
    model: type[Any],
    prepare: Callable[[Case], None],
    new: dict[str, Any],
    change: dict[str, Any],
) -> list[Action]:
    """Add, change and remove one kind of part of a draft through the API."""
    row = {"people": "person", "claims": "claim", "remedies": "remedy", "procedures": "procedure"}[path]

    def holds(part: Any, values: dict[str, Any]) -> bool:
        # Compared in Python: names and free text are encrypted, the database cannot compare them.
        return all(str(getattr(part, field)) == str(value) for field, value in values.items())

    def added(case: Case, response: Any) -> bool:
        parts = model.objects.filter(communication=case.communication)
        return any(holds(part, new) for part in parts) and version_moved(case)

    def changed(case: Case, response: Any) -> bool:
        parts = model.objects.filter(pk=case.rows[row].pk)
        return any(holds(part, change) for part in parts) and version_moved(case)

    def removed(case: Case, response: Any) -> bool:
        return not model.objects.filter(pk=case.rows[row].pk).exists() and version_moved(case)

    return [
        Action(
            f"api-add-{path}",
            f"adds {name} through the API",
            "edit",
            "api-create",
            send=lambda case, client: client.post(
                api(path), {"communication": case.reference, **new}, format="json"
            ),
            done=added,
            ok=201,
            api=True,
        ),
        Action(
            f"api-change-{path}",
            f"changes {name} through the API",
            "edit",
            "api-write",
            send=lambda case, client: client.patch(api(path, case.rows[row].pk), change, format="json"),
            done=changed,
            ok=200,
            api=True,
            prepare=prepare,
        ),
        Action(
            f"api-remove-{path}",
            f"removes {name} through the API",
            "edit",
            "api-write",
            send=lambda case, client: client.delete(api(path, case.rows[row].pk)),
            done=removed,
            ok=204,
            api=True,
            prepare=prepare,
        ),
    ]


ACTIONS: list[Action] = [
    # -- Reading --
    Action(
        "page",
        "opens the case page",
        "view",
        "read",
        send=lambda case, client: client.get(case.page),
        # Its heading: the reference for everyone (the title is shown to the filer alone).
        done=lambda case, response: case.communication.short_reference.encode() in body_of(response),
        ok=200,
    ),
    Action(
        "api-read",
        "reads the case through the API",
        "view",
        "api-read",
        send=lambda case, client: client.get(api("communications", case.reference)),
        done=lambda case, response: response.json().get("reference") == case.reference,
        ok=200,
        api=True,
    ),
    Action(
        "private-note",
        "reads the private notes on the case page",
        "private",
        "read",
        send=lambda case, client: client.get(case.page),
        done=_shows(PRIVATE_NOTE),
        ok=200,
        prepare=with_private_note,
    ),
    Action(
        "office-note",
        "reads the ombudsman office's internal note on the case page",
        "office-note",
        "read",
        send=lambda case, client: client.get(case.page),
        done=_shows(OFFICE_NOTE),
        ok=200,
        prepare=with_triage,
    ),
    # -- Editing the draft in the wizard --
    Action(
        "wizard-facts",
        "changes what happened in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: wizard_post(
            case, client, "facts", {"facts_summary": MARK, "facts_start": "2024-09-01"}
        ),
        done=lambda case, response: case.fresh().facts_summary == MARK and version_moved(case),
    ),
    Action(
        "wizard-people",
        "changes the author in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: wizard_post(
            case,
            client,
            "author",
            {
                "author-given_name": "Mariya",
                "author-family_name": MARK,
                "author-relationship_to_victim": "mother",
            },
        ),
        done=lambda case, response: any(
            p.family_name == MARK
            for p in Person.objects.filter(communication=case.communication, role=Person.Role.AUTHOR)
        ),
    ),
    Action(
        "wizard-claims",
        "changes the rights claimed in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: wizard_post(
            case, client, "rights", {"articles": "CRC 19", "explanation": MARK}
        ),
        done=lambda case, response: any(
            c.explanation == MARK for c in Claim.objects.filter(communication=case.communication, article=19)
        ),
    ),
    Action(
        "wizard-remedies",
        "adds a court step in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: wizard_post(
            case,
            client,
            "remedies",
            {
                "exhausted": "yes",
                "remedies-TOTAL_FORMS": "1",
                "remedies-INITIAL_FORMS": "0",
                "remedies-0-authority": MARK,
                "remedies-0-started_on": "2024-10-01",
                "remedies-0-decided_on": "2025-02-01",
                "remedies-0-is_final": "on",
            },
        ),
        done=lambda case, response: DomesticRemedy.objects.filter(
            communication=case.communication, authority=MARK
        ).exists(),
    ),
    Action(
        "wizard-remedy-backwards",
        "adds a court step decided before it started in the wizard",
        "never",
        "wizard",
        send=lambda case, client: wizard_post(
            case,
            client,
            "remedies",
            {
                "exhausted": "yes",
                "remedies-TOTAL_FORMS": "1",
                "remedies-INITIAL_FORMS": "0",
                "remedies-0-authority": MARK,
                "remedies-0-started_on": "2025-05-01",
                "remedies-0-decided_on": "2025-04-01",
                "remedies-0-is_final": "on",
            },
        ),
        done=lambda case, response: DomesticRemedy.objects.filter(authority=MARK).exists(),
    ),
    Action(
        "wizard-procedures",
        "adds another international procedure in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: wizard_post(
            case,
            client,
            "procedures",
            {
                "procedures-TOTAL_FORMS": "1",
                "procedures-INITIAL_FORMS": "0",
                "procedures-0-body": MARK,
                "procedures-0-status": "pending",
            },
        ),
        done=lambda case, response: OtherProcedure.objects.filter(
            communication=case.communication, body=MARK
        ).exists(),
    ),
    Action(
        "wizard-upload",
        "uploads an annex in the wizard",
        "edit",
        "wizard",
        send=lambda case, client: client.post(
            step(case, "documents"),
            {
                "version": case.fresh().version,
                "kind": Document.Kind.EVIDENCE,
                "title": MARK,
                "file": SimpleUploadedFile("photo.png", png(), content_type="image/png"),
            },
        ),
        done=lambda case, response: any(
            d.title == MARK for d in Document.objects.filter(communication=case.communication)
        ),
    ),
    Action(
        "wizard-remove-annex",
        "removes an annex in the wizard",
        "edit",
        "wizard-remove",
        send=lambda case, client: client.post(
            reverse("complaints:wizard_document_remove", args=[case.reference, case.rows["document"].pk])
        ),
        done=lambda case, response: not Document.objects.filter(pk=case.rows["document"].pk).exists(),
        prepare=with_annex,
    ),
    # -- Editing the draft through the API --
    Action(
        "api-patch",
        "changes what happened through the API",
        "edit",
        "api-write",
        send=lambda case, client: client.patch(
            api("communications", case.reference),
            {"version": case.fresh().version, "facts_summary": MARK},
            format="json",
        ),
        done=lambda case, response: case.fresh().facts_summary == MARK and version_moved(case),
        ok=200,
        api=True,
    ),
    *_part_actions(
        "a child",
        "people",
        Person,
        with_extra_person,
        new={"role": "victim", "given_name": "Dana", "family_name": MARK, "date_of_birth": "2014-04-01"},
        change={"family_name": MARK},
    ),
    *_part_actions(
        "a claim",
        "claims",
        Claim,
        with_claim,
        new={"instrument": "CRC", "article": 19, "explanation": MARK},
        change={"explanation": MARK},
    ),
    *_part_actions(
        "a court step",
        "remedies",
        DomesticRemedy,
        with_remedy,
        new={"authority": MARK, "started_on": "2024-10-01", "decided_on": "2025-02-01", "is_final": True},
        change={"authority": MARK},
    ),
    *_part_actions(
        "another international procedure",
        "procedures",
        OtherProcedure,
        with_procedure,
        new={"body": MARK, "status": "pending"},
        change={"body": MARK},
    ),
    Action(
        "api-remedy-backwards",
        "adds a court step decided before it started through the API",
        "never",
        "api-create-invalid",
        send=lambda case, client: client.post(
            api("remedies"),
            {
                "communication": case.reference,
                "authority": MARK,
                "started_on": "2025-05-01",
                "decided_on": "2025-04-01",
                "is_final": True,
            },
            format="json",
        ),
        done=lambda case, response: DomesticRemedy.objects.filter(authority=MARK).exists(),
        ok=201,
        api=True,
    ),
    # -- The lifecycle --
    Action(
        "transition-page",
        "records '{target}' with the case page's form",
        "transition",
        "transition-page",
        send=_transition_page,
        done=_moved,
    ),
    Action(
        "transition-api",
        "records '{target}' through the API",
        "transition",
        "transition-api",
        send=_transition_api,
        done=_moved,
        ok=200,
        api=True,
    ),
    # -- Dossiers --
    *(action for variant in Dossier.Variant.values for action in _dossier_actions(variant)),
    # -- Review by the child --
    Action(
        "invite",
        "invites the child to review",
        "invite",
        "invite",
        send=lambda case, client: client.post(
            reverse("complaints:invitation_new", args=[case.reference]),
            {"role": "child", "person": str(case.victim.pk), "email": "", "language": "en"},
        ),
        done=lambda case, response: Invitation.objects.filter(communication=case.communication).count() == 2,
        ok=200,
    ),
    Action(
        "withdraw",
        "withdraws the child's invitation",
        "withdraw",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:invitation_withdraw", args=[case.reference, case.invitation.pk])
        ),
        done=lambda case, response: Invitation.objects.get(pk=case.invitation.pk).revoked_at is not None,
    ),
    Action(
        "answer",
        "answers the invitation to review",
        "answer",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:invitation_answer", args=[case.reference]),
            {"answer": "agreed", "comment": "", "own_words": MARK},
        ),
        done=lambda case, response: Invitation.objects.get(pk=case.invitation.pk).answered_at is not None,
    ),
    # -- The family's rights over its data (complaints/privacy) --
    Action(
        "download-everything",
        "downloads everything the portal holds about the case",
        "family-data",
        "manage",
        send=lambda case, client: client.get(
            reverse("complaints:communication_export", args=[case.reference])
        ),
        done=lambda case, response: (
            zipfile.ZipFile(io.BytesIO(body_of(response))).read("case.json").find(case.reference.encode())
            >= 0
        ),
        ok=200,
    ),
    Action(
        "erase",
        "erases the case's personal data",
        "family-data",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:communication_erase", args=[case.reference]), {"asked_by": "family"}
        ),
        done=lambda case, response: not Communication.objects.filter(pk=case.pk, erased_on=None).exists(),
    ),
    # -- From the portal to the Committee (complaints/dispatch) --
    Action(
        "dispatch-email",
        "sends the filing dossier to the Committee by e-mail",
        "dispatch",
        "manage",
        send=lambda case, client: client.post(reverse("complaints:dispatch_email", args=[case.reference])),
        done=lambda case, response: Dispatch.objects.filter(
            communication=case.communication, channel=Dispatch.Channel.EMAIL
        ).exists(),
        prepare=with_dossiers,
    ),
    Action(
        "dispatch-post",
        "records the filing dossier posted to the Committee",
        "dispatch",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:dispatch_post", args=[case.reference]),
            {"posted_on": timezone.localdate().isoformat(), "receipt": MARK},
        ),
        done=lambda case, response: Dispatch.objects.filter(
            communication=case.communication, postal_receipt=MARK
        ).exists(),
        prepare=with_dossiers,
    ),
    # -- Signing by hand (complaints/signing): the scan of the signed pages, uploaded after submission --
    Action(
        "signed-pages",
        "uploads the scan of the pages signed by hand",
        "dispatch",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:signed_page_upload", args=[case.reference]),
            {"file": SimpleUploadedFile("signed.png", png(), content_type="image/png")},
        ),
        done=lambda case, response: Document.objects.filter(
            communication=case.communication, kind=Document.Kind.SIGNED_PAGE
        ).exists(),
    ),
    Action(
        "signed-pages-remove",
        "removes a scan of the pages signed by hand",
        "dispatch",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:signed_page_remove", args=[case.reference, case.rows["document"].pk])
        ),
        done=lambda case, response: not Document.objects.filter(pk=case.rows["document"].pk).exists(),
        prepare=with_signed_scan,
    ),
    # -- Casework --
    Action(
        "note",
        "adds a private note",
        "manage",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:case_note", args=[case.reference]), {"text": MARK}
        ),
        done=lambda case, response: any(
            e.note == MARK for e in Event.objects.filter(communication=case.communication, is_private=True)
        ),
    ),
    Action(
        "assign",
        "assigns the case to the handling caseworker",
        "manage",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:case_assign", args=[case.reference]),
            {"assignee": str(case.users[HANDLING_CASEWORKER].pk)},
        ),
        done=lambda case, response: case.fresh().assignee_id == case.users[HANDLING_CASEWORKER].pk,
    ),
    Action(
        "share",
        "shares the case with another NGO",
        "manage",
        "manage",
        send=lambda case, client: client.post(
            reverse("complaints:case_share", args=[case.reference]), {"organisation": str(case.other_ngo.pk)}
        ),
        done=lambda case, response: case.communication.shared_with.filter(pk=case.other_ngo.pk).exists(),
    ),
    # -- The ombudsman's review queue --
    Action(
        "review-claim",
        "takes the case in the review queue",
        "triage",
        "review",
        send=lambda case, client: client.post(
            reverse("complaints:review_act", args=[case.reference, "claim"])
        ),
        done=lambda case, response: case.fresh().claimed_by_id is not None,
    ),
    Action(
        "review-triage",
        "records a triage decision",
        "triage",
        "review",
        send=lambda case, client: client.post(
            reverse("complaints:review_act", args=[case.reference, "triage"]),
            {"decision": Triage.Decision.SUPPORT, "reason_for_filer": MARK, "note": "internal"},
        ),
        done=lambda case, response: Triage.objects.filter(communication=case.communication).exists(),
    ),
]

ACTION_BY_KEY = {action.key: action for action in ACTIONS}
assert len(ACTION_BY_KEY) == len(ACTIONS), "action keys must be unique"


# ---- The policy, written once ----


def allowed(role: str, status: str, action: Action) -> bool:
    """Whether ``role`` may do ``action`` on a case at ``status``: the portal's policy."""
    rule = action.rule
    if rule == "view":  # README, Permissions: visibility is the one rule every page starts from
        return role in SEES
    if rule == "private":  # private notes stay with those handling the case (casework/services.py)
        return role in HANDLES
    if rule == "office-note":  # "an internal note stays with the office" (README, Review queue)
        return role in {ROUTED_REVIEWER, ADMINISTRATOR}
    if rule == "edit":  # only drafts change, by their filer or the people handling them
        return status == Status.DRAFT and role in DRAFTS
    if rule == "never":  # invalid data: nobody writes it
        return False
    if rule == "transition":
        # Handlers record what the Committee or the State did, if the lifecycle table allows it;
        # a draft becomes "submitted" only by signing, never by hand; a closed case is final.
        return role in HANDLES and status in (Status.SUBMITTED, Status.REGISTERED)
    if rule == "dossier":  # filing and redacted for whoever sees the case; internal for handlers only
        if action.variant == Dossier.Variant.INTERNAL:
            return role in HANDLES
        return role in SEES
    if rule == "invite":  # the people handling a draft invite the child; never once it was sent
        return role in HANDLES and status == Status.DRAFT
    if rule == "withdraw":  # withdrawing only takes access away: the handlers may, whenever
        return role in HANDLES
    if rule == "answer":  # only the invited person, only while it is a draft
        return role == INVITED_CHILD and status == Status.DRAFT
    if rule == "manage":  # notes, assignment, sharing: the people handling the case
        return role in HANDLES
    if rule == "dispatch":  # the filer or the handlers send a submitted case while it is open
        return role in {FILER, *HANDLES} and status in (Status.SUBMITTED, Status.REGISTERED)
    if rule == "family-data":  # download everything and erase: the filer, or an administrator for them
        return role in {FILER, ADMINISTRATOR}
    if rule == "triage":  # the routed office's reviewers, on the cases in their queue
        return role == ROUTED_REVIEWER and status in IN_THE_QUEUE
    raise AssertionError(f"no rule {rule!r}")


def refusal(role: str, status: str, action: Action) -> Outcome:
    """How the portal says no: decided by which of its checks comes first for this kind of endpoint."""
    family = action.family
    if role == ANONYMOUS:
        return Outcome.FORBIDDEN if action.api else Outcome.LOGIN
    if family == "review":  # the queue's pages are for ombudsman reviewers before anything else
        if role not in REVIEWERS:
            return Outcome.FORBIDDEN
        return Outcome.FORBIDDEN if role in SEES else Outcome.NOT_FOUND
    if family in ("api-create-invalid", "api-create") and role not in SEES:
        # A case you cannot see is named in the body: answered like a reference that is no case.
        return Outcome.INVALID
    if family == "api-create-invalid":  # the serializer validates the posted part before authorising
        return Outcome.INVALID
    if role not in SEES:  # someone else's case does not exist for you
        return Outcome.NOT_FOUND
    # The permission to touch a draft's parts: its filer and its handlers, on a draft only.
    may_change = role in HANDLES or (role == FILER and status == Status.DRAFT)
    if family == "read":
        return Outcome.HIDDEN
    if family == "wizard":  # the wizard sends a sent case back to its page before anything else
        if status != Status.DRAFT:
            return Outcome.BOUNCED
        return Outcome.INVALID if may_change else Outcome.FORBIDDEN
    if family == "wizard-remove":
        return Outcome.BOUNCED if may_change and status == Status.DRAFT else Outcome.FORBIDDEN
    if family in ("api-write", "api-create"):
        if status != Status.DRAFT:  # every write on a sent case: 409, before whose case it is
            return Outcome.CONFLICT
        return Outcome.INVALID if may_change else Outcome.FORBIDDEN
    if family == "transition-page":
        return Outcome.BOUNCED if role in HANDLES else Outcome.FORBIDDEN
    if family == "transition-api":
        return Outcome.INVALID if role in HANDLES else Outcome.FORBIDDEN
    if family == "dossier":  # a variant you may not have answers like a case you cannot see
        return Outcome.NOT_FOUND
    if family == "invite":
        return Outcome.BOUNCED if role in HANDLES else Outcome.FORBIDDEN
    if family == "manage":
        return Outcome.FORBIDDEN
    raise AssertionError(f"no refusal for {family!r}")


def expected(role: str, status: str, action: Action) -> Outcome:
    return Outcome.ALLOWED if allowed(role, status, action) else refusal(role, status, action)


# ---- Holes: cells where the portal does what the policy forbids ----
# Each is kept as a strict xfail: when the portal is fixed, the xfail fails and must be removed.

# None today. (The review queue's actions on drafts and closed cases were one: the triage rule
# now includes the case's status.)
HOLES: dict[tuple[str, str, str], str] = {}


# ---- The cells ----


def cells() -> list[Any]:
    params = []
    for action in ACTIONS:
        for status in STATUSES:
            for role in ROLES:
                outcome = expected(role, status, action)
                verdict = "allowed" if outcome is Outcome.ALLOWED else f"refused ({outcome.value})"
                name = f"{role} {action.sentence(status)} on a {status} case: {verdict}"
                hole = HOLES.get((role, status, action.key))
                marks = [pytest.mark.xfail(strict=True, reason=f"HOLE: {hole}")] if hole else []
                params.append(pytest.param(role, status, action.key, outcome, id=name, marks=marks))
    return params


def client_for(case: Case, role: str, action: Action) -> Any:
    client: Any = APIClient() if action.api else Client()
    if role != ANONYMOUS:
        client.force_login(case.users[role], backend="django.contrib.auth.backends.ModelBackend")
    return client


def describe(response: Any) -> str:
    location = response.get("Location", "")
    text = body_of(response)[:300].decode(errors="replace") if response.status_code != 302 else ""
    return f"HTTP {response.status_code} {location} {text}".strip()


@pytest.mark.parametrize(("role", "status", "key", "outcome"), cells())
def test_the_permission_matrix(role: str, status: str, key: str, outcome: Outcome) -> None:
    action = ACTION_BY_KEY[key]
    case = build(status)
    if action.prepare is not None:
        action.prepare(case)
    case.communication.refresh_from_db()
    before = snapshot(case)

    response = action.send(case, client_for(case, role, action))
    seen = describe(response)

    if outcome is Outcome.ALLOWED:
        assert response.status_code == action.ok, seen
        assert action.done(case, response), f"answered {seen} but did not take effect"
        if action.family in ("read", "api-read") or action.key.startswith("download-"):
            assert snapshot(case) == before, "a read changed the case"
        return

    assert response.status_code == STATUS_CODE[outcome], seen
    if outcome is Outcome.LOGIN:
        assert response["Location"].startswith(reverse("account_login")), seen
    if outcome is Outcome.BOUNCED:
        assert response["Location"].split("#")[0] == case.page, seen
    if outcome is Outcome.HIDDEN:
        assert not action.done(case, response), "the page shows what this role may not read"
    if outcome in (Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.LOGIN):
        assert b"Matrix-case-title" not in body_of(response), "a refusal shows the case"
    after = snapshot(case)
    assert after == before, f"refused ({seen}), yet the case changed: {changes(before, after)}"


def changes(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Say what changed between two snapshots: the fields of the case, the rows of its parts."""
    found: dict[str, Any] = {}
    for name, old in before.items():
        new = after[name]
        if name == "communication":
            found[name] = {key: [old[0][key], new[0][key]] for key in old[0] if old[0][key] != new[0][key]}
        elif old != new:
            found[name] = {
                "added": [row for row in new if row not in old],
                "removed": [row for row in old if row not in new],
            }
    return json.dumps({name: value for name, value in found.items() if value}, default=str)[:1500]


def test_the_matrix_covers_every_role_status_and_action() -> None:
    assert len(cells()) == len(ROLES) * len(STATUSES) * len(ACTIONS)
    assert {action.rule for action in ACTIONS} >= {"view", "edit", "transition", "dossier", "triage"}


def test_every_hole_names_a_real_cell() -> None:
    for role, status, key in HOLES:
        assert role in ROLES, role
        assert status in STATUSES, status
        assert key in ACTION_BY_KEY, key
