"""Submitting a draft: the orchestration above the services, invitations, lifecycle and dossiers.

A draft becomes "submitted" only here: the child's answers, the registration bars and the
admissibility verdict are checked, the signature is saved through the draft's versioned save,
the lifecycle records the submission (and recomputes the deadlines once), the draft is frozen
into a Submission snapshot, and the filing dossier is requested in the same transaction.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.dossiers.services import dossier_request, filing_untranslated
from complaints.invitations.services import invitations_blocking_submission
from complaints.lifecycle import TransitionNotAllowed, communication_record_submission
from complaints.models import Communication, Person, Submission, User
from complaints.selectors import communication_assessment
from complaints.services import communication_assess, communication_save_step, snapshot_of


class SubmissionRefused(Exception):
    """The communication cannot be submitted as it stands; the message says why."""


# Without these the Committee would not even register the communication (rule 16): never submit.
REGISTRATION_BARS = frozenset({"OPIC-1-3", "OPIC-7-a", "OPIC-7-b"})


def missing_for_registration(communication: Communication) -> list[str]:
    """What the Committee needs in order to register a communication and is not recorded yet.

    The check calls these "needs review" (the author can still add them), never "inadmissible";
    but a filing without a State or without the author's name cannot be sent (rule 16).
    """
    missing = []
    if not communication.state:
        missing.append(_("the country (OPIC-1-3)"))
    author = next((p for p in communication.people.all() if p.role == Person.Role.AUTHOR), None)
    if author is None or not author.identified:
        missing.append(_("the author's name (OPIC-7-a)"))
    return missing


@transaction.atomic
def communication_submit(
    *,
    communication: Communication,
    expected_version: int,
    signed_name: str,
    actor: User,
    submit_anyway: bool = False,
) -> Submission:
    """Sign, freeze and submit a draft; queue its filing dossier. Raise SubmissionRefused if it cannot go."""
    today = timezone.localdate()
    assessment = communication_assessment(communication=communication, lang="en", on=today)
    if invitations_blocking_submission(communication):
        raise SubmissionRefused(
            _(
                "The child said they do not agree that this is sent. Talk with them again, or record on the "
                "consent step why you act without their consent (OPIC art. 5(2))."
            )
        )
    bars = [
        f.criterion
        for f in assessment.findings
        if f.outcome == "not_met" and f.criterion in REGISTRATION_BARS
    ]
    if bars:
        raise SubmissionRefused(
            _("This must be fixed before the Committee can receive it: %(items)s.")
            % {"items": ", ".join(bars)}
        )
    missing = missing_for_registration(communication)
    if missing:
        # Not a verdict (the check says "needs review"): the filing itself is not complete yet.
        raise SubmissionRefused(
            _("Complete this before it can be sent: %(items)s.") % {"items": ", ".join(missing)}
        )
    if assessment.verdict == "inadmissible" and not submit_anyway:
        raise SubmissionRefused(
            _("The check found problems. Fix them, or confirm that you want to submit it anyway.")
        )
    communication = communication_save_step(
        communication=communication,
        expected_version=expected_version,
        actor=actor,
        fields={"signed_name": signed_name.strip(), "signed_on": today},
        recompute_deadlines=False,  # the transition to "submitted" recomputes them, once
    )
    try:
        communication = communication_record_submission(communication=communication, on=today, actor=actor)
    except TransitionNotAllowed as error:
        raise SubmissionRefused(str(error)) from error
    communication_assess(communication=communication, on=today)
    submission = Submission.objects.create(
        communication=communication,
        version=communication.version,
        snapshot=snapshot_of(communication),
        signed_name=communication.signed_name,
        signed_on=today,
        submitted_by=actor,
    )
    # The dossier row is written in this transaction; its rendering is sent after the commit. Text
    # without its translation stops it: the case page says so, with the link to the step.
    if not filing_untranslated(communication):
        dossier_request(communication=communication, variant="filing", requested_by=actor, budgeted=False)
    return submission
