"""Per-visitor and per-recipient limits, counted atomically and shared by all processes.

`allow(request, scope, limit)` checks and counts in one step, so parallel
requests cannot slip through between a check and a count:

- with Redis (REDIS_URL), `add()` then `incr()`: Redis increments atomically and
  the answer is the new count;
- without Redis, and whenever Redis fails, in the database: one conditional
  UPDATE ... SET count = count + 1 WHERE count < limit, which the database
  serialises per row; a new window's row is created once (unique key).

A fixed window per scope and key is cheap and good enough against floods. The limits
themselves and what a form does with them: common/posting_guard.py.
Addresses and mail recipients are hashed, so neither store holds them readable.
"""

import hashlib
import logging
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateCounter

log = logging.getLogger(__name__)


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


def _key(scope: str, value: str, window: int) -> tuple[str, int]:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    window_number = int(time.time() // window)
    return f"rl:{scope}:{digest}:{window_number}", (window_number + 1) * window


def allow(request, scope: str, limit: tuple[int, int]) -> bool:
    """Count one use by this visitor; False once the limit is reached."""
    return allow_value(scope, client_address(request), limit)


def allow_value(scope: str, value: str, limit: tuple[int, int]) -> bool:
    """The same for any value, e.g. a recipient address (compared in lower case)."""
    count, window = limit
    key, window_end = _key(scope, value.strip().lower(), window)
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        try:
            return _allow_in_cache(key, count, window)
        except Exception:  # noqa: BLE001  (Redis down or hung: the database takes over)
            log.warning("Rate limit store unavailable, using the database", exc_info=True)
    return _allow_in_database(key, count, window_end)


def _allow_in_cache(key: str, count: int, window: int) -> bool:
    if cache.add(key, 1, timeout=window):
        return count >= 1
    return cache.incr(key) <= count


def _allow_in_database(key: str, count: int, window_end: int) -> bool:
    counted = RateCounter.objects.filter(key=key, count__lt=count).update(count=F("count") + 1)
    if counted:
        return True
    if RateCounter.objects.filter(key=key).exists():
        return False  # the window is full
    expires = datetime.fromtimestamp(window_end, tz=UTC)
    try:
        with transaction.atomic():
            RateCounter.objects.create(key=key, count=1, expires_at=expires)
    except IntegrityError:
        # Another request created the window's row first: count against it.
        return bool(
            RateCounter.objects.filter(key=key, count__lt=count).update(count=F("count") + 1)
        )
    # Old windows are of no use; removing them here keeps the table small.
    RateCounter.objects.filter(expires_at__lt=timezone.now()).delete()
    return count >= 1
