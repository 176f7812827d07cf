"""Celery entry points: thin wrappers that take primary keys and call a service."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.utils.log import get_task_logger
from django.utils import timezone

from complaints.deadlines import services as deadlines
from complaints.dossiers import services as dossiers
from complaints.models import Communication
from complaints.privacy import erasure
from complaints.services import communication_assess


@shared_task(acks_late=True, ignore_result=False)
def assess_communication(communication_id: int) -> str:
    """Re-run the admissibility check of one communication; return its verdict. Idempotent."""
    communication = Communication.objects.get(pk=communication_id)
    return communication_assess(communication=communication).verdict.value


# ---- Deadlines, reminders and dossiers (issue #5) ----

task_logger = get_task_logger(__name__)
EMAIL_CHUNK = 200


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(dossiers.TransientRenderError,),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def render_dossier(self: Any, dossier_id: int) -> str | None:
    """Render one dossier (idempotent; retried on transient errors); return its status."""
    dossier = dossiers.dossier_render(
        dossier_id=dossier_id, final_attempt=self.request.retries >= self.max_retries
    )
    return dossier.status if dossier is not None else None


def _send_render(dossier_id: int) -> object:
    # Nobody waits for the result (the Dossier row is the result): with Redis down, subscribing
    # to it would retry for 20 s and then raise.
    return render_dossier.apply_async((dossier_id,), ignore_result=True)


dossiers.register_render_sender(_send_render)


@shared_task(acks_late=True)
def redrive_dossiers() -> dict[str, int]:
    """Celery beat, every minute: send again the dossiers still owed (a failed send, a lost worker)."""
    result = dossiers.dossiers_redrive()
    if result.resent or result.unstuck or result.given_up or result.unsent:
        task_logger.warning("dossier re-drive: %s", result)
    return {
        "resent": result.resent,
        "unstuck": result.unstuck,
        "given_up": result.given_up,
        "unsent": result.unsent,
    }


@shared_task(acks_late=True)
def sweep_deadlines() -> dict[str, int]:
    """Celery beat, hourly: send what is due today for every deadline, then queue the e-mails."""
    result = deadlines.deadlines_sweep()
    pending = sorted(set(result.reminder_ids) | set(deadlines.reminder_emails_pending_ids()))
    for start in range(0, len(pending), EMAIL_CHUNK):
        send_reminder_emails.delay(pending[start : start + EMAIL_CHUNK])
    task_logger.info("deadline sweep: %s", result)
    return {
        "deadlines": result.deadlines,
        "reminders": result.reminders,
        "overdue": result.overdue,
        "escalations": result.escalations,
    }


# The longest wait between retries stays under the broker's visibility timeout (settings): a task
# waiting for its retry longer than that would be handed to a second worker.
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=240, max_retries=5)
def send_reminder_emails(reminder_ids: list[int]) -> int:
    """E-mail the given reminders that have not gone out yet; return how many went."""
    return deadlines.reminder_emails_send(reminder_ids)


@shared_task(acks_late=True)
def purge_erased_cases() -> int:
    """Celery beat, daily: remove the kept record of erased cases whose retention period has passed."""
    purged = erasure.erasures_purge(today=timezone.localdate())
    if purged:
        task_logger.info("purged %d erased cases after their retention period", purged)
    return purged
