"""Limits hold: counted atomically in one shared store, per visitor and per mail recipient."""

import threading

import pytest
from django.db import connection
from django.test import RequestFactory

from common import ratelimit
from common.models import RateCounter

LIMIT = (5, 600)


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_burst_of_200_from_one_address_gets_exactly_the_limit():
    allowed = [ratelimit.allow(request_from("203.0.113.5"), "test", LIMIT) for _ in range(200)]
    assert allowed.count(True) == 5 and allowed[:5] == [True] * 5
    # The store holds a hash, never the address.
    assert "203.0.113.5" not in RateCounter.objects.get().key
    # Another address has its own count.
    assert ratelimit.allow(request_from("198.51.100.1"), "test", LIMIT)


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_cannot_slip_between_check_and_count():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite test databases are in memory; PostgreSQL runs this in CI")
    results = []

    def hammer():
        for _ in range(10):
            results.append(ratelimit.allow(request_from("203.0.113.6"), "parallel", LIMIT))
        connection.close()

    threads = [threading.Thread(target=hammer) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 200 and results.count(True) == 5


@pytest.mark.django_db
def test_the_database_store_is_used_when_redis_fails(settings, monkeypatch):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    from django.core.cache import caches

    monkeypatch.setattr(ratelimit, "cache", caches.create_connection("default"))
    allowed = [ratelimit.allow(request_from("203.0.113.7"), "down", LIMIT) for _ in range(8)]
    assert allowed.count(True) == 5
    assert RateCounter.objects.count() == 1
