"""/healthz for the load balancer: the database decides up or down, the cache may degrade."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_deny

from common import middleware

# A database failure seen this recently is reported at once instead of waiting again.
FAILURE_MEMORY_SECONDS = 5


def _database_ok() -> bool:
    if time.monotonic() - middleware.last_database_failure < FAILURE_MEMORY_SECONDS:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        middleware.last_database_failure = time.monotonic()
        return False
    return True


def _cache_state() -> str:
    if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        return "ok"  # in-process memory cannot be down
    try:
        cache.get("healthz")
    except Exception:  # noqa: BLE001  (any Redis failure: reading and posting still work)
        return "degraded"
    return "ok"


# Answered before the clickjacking middleware (strategy_site/health_probe.py): the
# header every response carries is set here.
@xframe_options_deny
@never_cache
def healthz(request):
    """200 while the database answers (the cache may be "degraded"), else 503."""
    cache_state = _cache_state()
    if not _database_ok():
        return JsonResponse(
            {"status": "error", "database": "unavailable", "cache": cache_state}, status=503
        )
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})
