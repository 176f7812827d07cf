"""The Redis cache falls back to local memory while Redis is unreachable, and says so."""

from __future__ import annotations

from portal.cache import FallbackRedisCache


def unreachable_cache() -> FallbackRedisCache:
    # Port 9 (discard): nothing listens there, so every connection is refused at once.
    return FallbackRedisCache("redis://127.0.0.1:9/0", {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5}})


def test_with_redis_unreachable_values_round_trip_through_local_memory() -> None:
    cache = unreachable_cache()
    cache.set("greeting", "Сәлем", 30)
    assert cache.get("greeting") == "Сәлем"
    assert cache.redis_down


def test_with_redis_unreachable_add_still_works_as_a_lock() -> None:
    cache = unreachable_cache()
    assert cache.add("lock", True, 10) is True
    assert cache.add("lock", True, 10) is False
    cache.delete("lock")
    assert cache.add("lock", True, 10) is True


def test_with_redis_unreachable_counters_still_count() -> None:
    cache = unreachable_cache()
    cache.set("failures", 1, 60)
    assert cache.incr("failures") == 2
    assert cache.get_many(["failures", "missing"]) == {"failures": 2}
