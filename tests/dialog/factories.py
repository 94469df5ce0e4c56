"""Small builders for dialog objects; times are Berlin wall-clock unless given aware."""

from datetime import datetime
from itertools import count
from zoneinfo import ZoneInfo

from dialog.models import Event, Phase, Theme
from goals.models import FieldOfAction, Goal, StrategyVersion

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


def make_version(slug="2019", title="Digitalstrategie.NRW 2019", year=2019) -> StrategyVersion:
    return StrategyVersion.objects.create(slug=slug, title=title, year=year)


def make_field(version, number="4.2", title="Bildung und Kultur") -> FieldOfAction:
    return FieldOfAction.objects.create(
        version=version, number=number, title=title, slug=f"feld-{number.replace('.', '-')}"
    )


def make_goal(field, number, title=None) -> Goal:
    return Goal.objects.create(
        field=field, number=number, title=title or f"Ziel Nummer {number}", horizon="kurzfristig"
    )
