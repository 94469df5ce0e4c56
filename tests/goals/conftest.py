import datetime

import pytest

from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion
from goals.status import Horizon, Status

TODAY = datetime.date(2024, 6, 15)


@pytest.fixture
def today(monkeypatch):
    """Pin "today" for the overdue rule, wherever it is asked."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


@pytest.fixture
def version(db):
    return StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0",
        slug="2-0",
        year=2021,
        is_current=True,
        adopted_on=datetime.date(2021, 11, 16),
        summary="Das Update mit 78 Zielen.",
    )


@pytest.fixture
def old_version(db):
    return StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2019",
        slug="2019",
        year=2019,
        presented_on=datetime.date(2019, 4, 10),
        summary="Die erste Strategie mit 44 Zielen.",
    )


@pytest.fixture
def make_field():
    def make(version, number="1", title="Digitale Verwaltung", slug=None, position=0):
        return FieldOfAction.objects.create(
            version=version,
            number=number,
            title=title,
            slug=slug or f"feld-{number.replace('.', '-')}",
            position=position,
        )

    return make


@pytest.fixture
def make_goal():
    def make(
        field, number, title=None, horizon=Horizon.KURZFRISTIG, target=None, reports=(), **extra
    ):
        goal = Goal.objects.create(
            field=field,
            number=number,
            title=title or f"Ziel Nummer {number}",
            horizon=horizon,
            target_date=target,
            **extra,
        )
        for day, status in reports:
            StatusReport.objects.create(goal=goal, date=day, status=status, text=f"Bericht {day}")
        return goal

    return make


def d(text):
    return datetime.date.fromisoformat(text)


__all__ = ["TODAY", "Status", "d"]


def text_of(response) -> str:
    """The page as a reader hears it: tags gone, whitespace collapsed."""
    import re

    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").strip()
