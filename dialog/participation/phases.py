"""Phases for the pages: the overview split and the participation figures."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat
from django.utils.formats import number_format

from dialog.comments import state
from dialog.participation import phase_content
from dialog.participation.dates import time_left_text
from dialog.participation.models import Phase, Theme, is_running


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
class GroupFigures:
    label: str
    comments: int
    commenters: int


@dataclass
class Breakdown:
    group_name: str
    rows: list[GroupFigures]


@dataclass
class ParticipationFigures:
    comments: int = 0
    commenters: int = 0
    breakdowns: list[Breakdown] = field(default_factory=list)


def _commenter():
    # A person is their email address; once an address has been erased for privacy
    # the pseudonym stands in, so anonymised commenters still count (once per name).
    return Case(
        When(user_email="", then=Concat(Value("name:"), "user_name")),
        default="user_email",
        output_field=CharField(),
    )


def _pk_texts(queryset):
    # object_pk is text; comparing it to an integer pk fails on PostgreSQL.
    return queryset.annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def phase_comments(phase: Phase):
    """Every comment (in any state) written during `phase` on what it put up for discussion.

    Written in [start, end), the same half-open interval as `is_running`, on the
    objects each content app says the phase covers (dialog.participation.phase_content).
    The basis of the figures and of the per-phase export.
    """
    condition = Q(pk__in=[])
    for content in phase_content.contents():
        condition |= Q(
            content_type=ContentType.objects.get_for_model(content.model),
            object_pk__in=_pk_texts(content.objects_of(phase)),
        )
    return state.comments().filter(
        condition, submit_date__gte=phase.starts_at, submit_date__lt=phase.ends_at
    )


def participation_figures(phase: Phase) -> ParticipationFigures:
    """Published (public, not hidden) comments of `phase_comments`, and distinct commenters.

    One query for the totals plus, when there are comments, one per registered model.
    """
    contents = phase_content.contents()
    published = phase_comments(phase).visible()
    totals = published.aggregate(
        comments=Count("pk"), commenters=Count(_commenter(), distinct=True)
    )
    breakdowns = []
    for content in contents if totals["comments"] else []:
        group = F(content.group) if isinstance(content.group, str) else content.group
        target = content.model._default_manager.annotate(
            pk_text=Cast("pk", CharField()), group=group
        ).filter(pk_text=OuterRef("object_pk"))
        label = Subquery(target.values("group")[:1])
        order = Subquery(target.values(content.order)[:1]) if content.order else label
        rows = (
            published.filter(content_type=ContentType.objects.get_for_model(content.model))
            .annotate(label=label, sort_key=order)
            .values("label", "sort_key")
            .annotate(comments=Count("pk"), commenters=Count(_commenter(), distinct=True))
            .order_by("sort_key", "label")
        )
        if rows:
            breakdowns.append(
                Breakdown(
                    content.group_name,
                    [GroupFigures(r["label"], r["comments"], r["commenters"]) for r in rows],
                )
            )
    return ParticipationFigures(totals["comments"], totals["commenters"], breakdowns)


@dataclass(frozen=True)
class ReportedFigure:
    label: str
    text: str


REPORTED = [
    ("Kommentare", "reported_comments"),
    ("Rückmeldungen insgesamt", "reported_responses"),
    ("Teilnehmende", "reported_participants"),
]


def reported_figures(phase: Phase) -> list[ReportedFigure]:
    """The figures a report of the time gives for `phase`, each in the report's wording
    ("knapp 400") or else as a number with German grouping; [] when there is no report.
    A phase with any of them shows them instead of the site's own count, which for a
    phase before this website is 0 and would contradict the text beside it."""
    figures = []
    for label, name in REPORTED:
        number, wording = getattr(phase, name), getattr(phase, f"{name}_text").strip()
        if wording or number is not None:
            figures.append(
                ReportedFigure(label, wording or number_format(number, force_grouping=True))
            )
    return figures
