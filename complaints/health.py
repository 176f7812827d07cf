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

import redis
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection

from complaints.storage import STORAGE_ERRORS
from portal.celery import app

WORKER_MEMO_SECONDS = 30.0
_worker_memo: tuple[float, str] | None = None
_worker_lock = threading.Lock()
_storage_memo: tuple[float, str] | None = None


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


def worker_health() -> str:
    """Return "ok" when a Celery worker answers, "eager" when tasks run in the web process."""
    global _worker_memo
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    memo = _worker_memo
    if memo is not None and time.monotonic() - memo[0] < WORKER_MEMO_SECONDS:
        return memo[1]
    try:
        answer = "ok" if app.control.ping(timeout=0.5) else "down"
    except Exception:  # any broker error means no worker can be reached
        answer = "down"
    with _worker_lock:
        _worker_memo = (time.monotonic(), answer)
    return answer


def storage_health() -> str:
    """Return "ok" when the store of documents and dossiers answers (asked whether a name exists)."""
    global _storage_memo
    memo = _storage_memo
    if memo is not None and time.monotonic() - memo[0] < WORKER_MEMO_SECONDS:
        return memo[1]
    try:
        default_storage.exists("healthz")
    except STORAGE_ERRORS:
        answer = "down"
    else:
        answer = "ok"
    with _worker_lock:
        _storage_memo = (time.monotonic(), answer)
    return answer


def forget_storage_health() -> None:
    """Ask the storage afresh on the next check (after its configuration changed)."""
    global _storage_memo
    _storage_memo = None


def health() -> tuple[bool, dict[str, str]]:
    """Return whether the portal can serve pages, and the state of each service."""
    checks = {
        "database": database_health(),
        "redis": redis_health(),
        "worker": worker_health(),
        "storage": storage_health(),
    }
    return checks["database"] == "ok", checks
