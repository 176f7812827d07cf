"""Without a broker nothing runs Celery beat, so the web process sweeps the deadlines itself.

Under `make run` (tasks run eagerly, settings.DEADLINE_SWEEP_ON_REQUESTS) the hourly beat task
`complaints.tasks.sweep_deadlines` (and the purge of erased cases past their retention period,
`complaints.tasks.purge_erased_cases`) runs at the end of a request instead: at most once an hour, after
the response has gone out (request_finished), so deadlines turn overdue and reminders go out as in
production. The sweep is idempotent, so a sweep run twice (a restart empties the local-memory
cache) does no harm.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from complaints import tasks

logger = logging.getLogger(__name__)

SWEEP_INTERVAL_SECONDS = 60 * 60  # as the beat schedule
LAST_SWEEP_KEY = "complaints:deadline-sweep:last-run"


def deadlines_sweep_when_due(**kwargs: Any) -> None:
    """Sweep the deadlines if no sweep started within the hour; log a failure, never raise it.

    Connected to request_finished: when the sweep is not due, this costs one cache add.
    """
    if not settings.DEADLINE_SWEEP_ON_REQUESTS:
        return
    try:
        # add() stores only if the key is absent: of concurrent requests, one sweeps.
        if not cache.add(LAST_SWEEP_KEY, timezone.now().isoformat(), timeout=SWEEP_INTERVAL_SECONDS):
            return
        tasks.sweep_deadlines()
        tasks.purge_erased_cases()  # daily under beat; hourly here costs one query when nothing is due
    except Exception:
        logger.exception("The in-process deadline sweep failed; it is tried again within the hour.")
