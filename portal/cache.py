"""A Redis cache that falls back to this process's memory while Redis is unreachable.

The portal uses its cache for speed and for the log-in limits (django-allauth counts failed
log-ins in it). Neither may take the site down with Redis: while Redis does not answer, every
call goes to a local-memory cache instead (so the log-in limits still count, per process), and
Redis is tried again after ``RETRY_AFTER`` seconds. django-redis does the Redis side; this class
only chooses which of the two caches answers.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_AFTER = 5.0


class FallbackRedisCache(BaseCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        options = {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": False}
        self.redis = RedisCache(server, {**params, "OPTIONS": options})
        self.memory = LocMemCache(f"fallback-{server}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if not self.redis_down:
            try:
                return getattr(self.redis, name)(*args, **kwargs)
            except (RedisError, OSError) as error:
                with self._lock:
                    self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning("Redis cache unreachable, local memory for %.0f s: %s", RETRY_AFTER, error)
        return getattr(self.memory, name)(*args, **kwargs)

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        return bool(self._call("add", key, value, timeout=timeout, version=version))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call("get", key, default=default, version=version)

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        self._call("set", key, value, timeout=timeout, version=version)

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:
        return bool(self._call("touch", key, timeout=timeout, version=version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._call("delete", key, version=version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return bool(self._call("has_key", key, version=version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return int(self._call("incr", key, delta=delta, version=version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        return dict(self._call("get_many", keys, version=version))

    def set_many(self, data: Any, timeout: Any = None, version: int | None = None) -> list[Any]:
        return list(self._call("set_many", data, timeout=timeout, version=version) or [])

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._call("delete_many", keys, version=version)

    def clear(self) -> None:
        self._call("clear")

    def close(self, **kwargs: Any) -> None:
        self.redis.close(**kwargs)
