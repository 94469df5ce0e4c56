"""Typed readers for configuration from environment variables.

Each helper returns a safe default when the variable is unset and raises
ImproperlyConfigured naming the variable when its value is malformed, so a
typo stops the start instead of silently running with a wrong setting.
"""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no.")


def envint(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def envlimit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    """A rate limit written "COUNT/SECONDS", e.g. "5/600": five per ten minutes."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    count, _, seconds = raw.partition("/")
    try:
        limit = (int(count), int(seconds))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a limit; write COUNT/SECONDS, e.g. 5/600."
        ) from None
    if limit[0] < 1 or limit[1] < 1:
        raise ImproperlyConfigured(f"{name}={raw!r}: count and seconds must be at least 1.")
    return limit


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(name: str, url: str, conn_max_age: int = 0) -> dict:
    """Translate a DATABASE_URL (sqlite:///path or postgres://...) to Django's dict."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        # sqlite:///relative.db gives "/relative.db"; sqlite:////abs.db gives "//abs.db".
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise ImproperlyConfigured(f"{name}={url!r} names no SQLite file.")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    if parsed.scheme in {"postgres", "postgresql"}:
        dbname = parsed.path.lstrip("/")
        if not dbname:
            raise ImproperlyConfigured(f"{name}={url!r} names no database.")
        try:
            port = parsed.port
        except ValueError:
            raise ImproperlyConfigured(f"{name}={url!r} has an invalid port.") from None
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(dbname),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(port or ""),
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": conn_max_age > 0,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"{name}={url!r} is not supported; use sqlite:///path or postgres://user@host/db."
    )


def with_timeouts(database: dict, connect_seconds: int, statement_ms: int) -> dict:
    """Add connect and statement timeouts to a PostgreSQL setting, unless the URL set them."""
    if database["ENGINE"].endswith("postgresql"):
        options = database["OPTIONS"]
        options.setdefault("connect_timeout", connect_seconds)
        if statement_ms and "options" not in options:
            options["options"] = f"-c statement_timeout={statement_ms}"
    return database


def redis_url(name: str, url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in {"redis", "rediss", "unix"} or not (parsed.hostname or parsed.path):
        raise ImproperlyConfigured(f"{name}={url!r} is not a redis:// URL.")
    return url
