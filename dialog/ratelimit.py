"""Per-client-address limits in the shared cache (local memory or Redis).

A fixed window per scope and address: cheap, atomic with add()/incr() on
both backends, and good enough against floods. The address is hashed so
the cache holds no readable IP addresses.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

# (how many, per how many seconds); settings may override for an installation.
COMMENT_LIMIT = getattr(settings, "DIALOG_COMMENT_RATE_LIMIT", (5, 600))
REPORT_LIMIT = getattr(settings, "DIALOG_REPORT_RATE_LIMIT", (10, 600))


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For can be forged by the client unless the
    # proxy in front is configured to overwrite it (gunicorn's forwarded_allow_ips).
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(scope: str, request, window: int) -> str:
    address = hashlib.sha256(
        f"{settings.SECRET_KEY}:{client_address(request)}".encode()
    ).hexdigest()[:32]
    return f"dialog:rl:{scope}:{address}:{int(time.time() // window)}"


def is_limited(request, scope: str, limit: tuple[int, int]) -> bool:
    count, window = limit
    return cache.get(_key(scope, request, window), 0) >= count


def record(request, scope: str, limit: tuple[int, int]) -> None:
    _, window = limit
    key = _key(scope, request, window)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
