"""What /healthz reports: the database, Redis, the Celery workers and the file storage, each "ok", "down"
or why not checked.

The web process answers pages as long as the database is up (Redis is only a cache and a queue,
whose losses are recovered: see complaints.dossiers.services), so the HTTP status follows the database
alone; Redis and the workers are reported for monitoring. Asking the workers costs a broadcast,
so their answer is remembered for half a minute; so is the file storage's (an S3 store that does not
answer takes seconds to say so).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import redis
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection

from complaints.storage import STORAGE_ERRORS
from portal.celery import app

WORKER_MEMO_SECONDS = 30.0


class _Remembered:
    """An answer that costs time to get, kept for WORKER_MEMO_SECONDS (per process, thread-safe)."""

    def __init__(self, ask: Callable[[], str]) -> None:
        self._ask = ask
        self._memo: tuple[float, str] | None = None
        self._lock = threading.Lock()

    def __call__(self) -> str:
        memo = self._memo
        if memo is not None and time.monotonic() - memo[0] < WORKER_MEMO_SECONDS:
            return memo[1]
        answer = self._ask()
        with self._lock:
            self._memo = (time.monotonic(), answer)
        return answer

    def forget(self) -> None:
        self._memo = None


def database_health() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "down"
    return "ok"


def redis_health() -> str:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "not configured"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        client.ping()
    except (redis.RedisError, OSError):
        return "down"
    return "ok"


def _ping_workers() -> str:
    try:
        return "ok" if app.control.ping(timeout=0.5) else "down"
    except Exception:  # any broker error means no worker can be reached
        return "down"


def _ask_storage() -> str:
    try:
        default_storage.exists("healthz")
    except STORAGE_ERRORS:
        return "down"
    return "ok"


_workers = _Remembered(_ping_workers)
# The store of documents and dossiers: "ok" when it answers (asked whether a name exists).
storage_health = _Remembered(_ask_storage)


def worker_health() -> str:
    """Return "ok" when a Celery worker answers, "eager" when tasks run in the web process."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    return _workers()


def forget_storage_health() -> None:
    """Ask the storage afresh on the next check (after its configuration changed)."""
    storage_health.forget()


def health() -> tuple[bool, dict[str, str]]:
    """Return whether the portal can serve pages, and the state of each service."""
    checks = {
        "database": database_health(),
        "redis": redis_health(),
        "worker": worker_health(),
        "storage": storage_health(),
    }
    return checks["database"] == "ok", checks
