"""Small builders for dialog objects; times are Berlin wall-clock unless given aware."""

from datetime import datetime
from itertools import count
from zoneinfo import ZoneInfo

from dialog.models import Event, Phase, Theme

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")
_numbers = count(1)


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def make_phase(starts_at, ends_at, **extra) -> Phase:
    n = next(_numbers)
    extra.setdefault("title", f"Phase {n}")
    extra.setdefault("slug", f"phase-{n}")
    return Phase.objects.create(starts_at=starts_at, ends_at=ends_at, **extra)


def make_theme(phase, **extra) -> Theme:
    n = next(_numbers)
    extra.setdefault("title", f"Thema {n}")
    extra.setdefault("slug", f"thema-{n}")
    return Theme.objects.create(phase=phase, **extra)


def make_event(starts_at, ends_at, **extra) -> Event:
    n = next(_numbers)
    extra.setdefault("title", f"Veranstaltung {n}")
    extra.setdefault("slug", f"veranstaltung-{n}")
    extra.setdefault("kind", Event.Kind.LIVE)
    extra.setdefault("online", True)
    return Event.objects.create(starts_at=starts_at, ends_at=ends_at, **extra)
