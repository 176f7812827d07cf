"""Celery entry points: thin wrappers that take primary keys and call a service."""

from __future__ import annotations

from celery import shared_task

from .models import Communication
from .services import communication_assess


@shared_task(acks_late=True, ignore_result=False)
def assess_communication(communication_id: int) -> str:
    """Re-run the admissibility check of one communication; return its verdict. Idempotent."""
    communication = Communication.objects.get(pk=communication_id)
    return communication_assess(communication=communication).verdict.value
