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
    """The visitor's address, also behind our reverse proxies.

    Behind a proxy REMOTE_ADDR is the proxy, and every visitor would share one
    limit. X-Forwarded-For is believed only when the request comes from a proxy
    listed in TRUSTED_PROXIES, and only from the right: each trusted proxy
    appends the address it saw, while anything further left may be forged.
    """
    address = request.META.get("REMOTE_ADDR") or "unknown"
    trusted = set(settings.TRUSTED_PROXIES)
    if address not in trusted:
        return address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if hop not in trusted:
            return hop
    return address


def _key(scope: str, request, window: int) -> str:
    address = hashlib.sha256(
        f"{settings.SECRET_KEY}:{client_address(request)}".encode()
    ).hexdigest()[:32]
    return f"rl:{scope}:{address}:{int(time.time() // window)}"


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
