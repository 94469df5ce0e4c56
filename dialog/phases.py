"""Rules about phases that views, the home page and (later) the comment policy share."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch

from .dates import time_left_text
from .models import Phase, Theme, is_running


@dataclass
class PhaseOverview:
    running: list[Phase]
    upcoming: list[Phase]
    past: list[Phase]


def phase_overview(now: datetime) -> PhaseOverview:
    """All phases split into running (soonest end first), upcoming (soonest first), past.

    One query for the phases and one for their themes, however many there are.
    The split is done in Python with `is_running` so it cannot disagree with it.
    """
    phases = list(
        Phase.objects.order_by("starts_at").prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "title"))
        )
    )
    running = sorted((p for p in phases if is_running(p, now)), key=lambda p: p.ends_at)
    for phase in running:
        phase.time_left = time_left_text(phase.ends_at, now)
    return PhaseOverview(
        running=running,
        upcoming=[p for p in phases if p.starts_at > now],
        past=sorted(
            (p for p in phases if p.ends_at <= now), key=lambda p: p.starts_at, reverse=True
        ),
    )


@dataclass
class FieldFigures:
    label: str
    comments: int
    commenters: int


@dataclass
class ParticipationFigures:
    comments: int = 0
    commenters: int = 0
    per_field: list[FieldFigures] = field(default_factory=list)


def participation_figures(phase: Phase) -> ParticipationFigures:
    """Comments and distinct commenters made during `phase`, overall and per field of action.

    PLACEHOLDER until the comment engine is merged: there is no comment data to
    count yet, so every figure is zero. Replace the body, not the signature.
    """
    return ParticipationFigures()
