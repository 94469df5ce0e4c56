"""Counting goals by status: for the dashboard, the version page and the home teaser.

Everything here works on goals already loaded with `GoalQuerySet.with_overdue()`,
so a page counts in Python what one query fetched instead of asking per field.
"""

from collections import Counter
from dataclasses import dataclass

from common.provenance import Provenance

from .status import Horizon, Status


@dataclass(frozen=True)
class StatusCount:
    status: Status
    count: int


@dataclass(frozen=True)
class Breakdown:
    """How the goals of one group (a field, a horizon, a whole version) stand."""

    label: str
    total: int
    counts: list[StatusCount]
    overdue: int
    stale: int = 0
    # Goals whose goal or current status is example content (invented for the demo).
    examples: int = 0
    # Official goals whose horizon, or whose target date, the editors assumed.
    assumed_horizons: int = 0
    assumed_targets: int = 0
    overdue_on_assumed_target: int = 0
    key: str = ""

    @property
    def done(self) -> int:
        return self.count_of(Status.UMGESETZT)

    def count_of(self, status: Status) -> int:
        return next((c.count for c in self.counts if c.status == status), 0)


def breakdown(goals, label: str = "", key: str = "") -> Breakdown:
    goals = list(goals)
    by_status = Counter(g.current_status for g in goals)
    return Breakdown(
        label=label,
        total=len(goals),
        counts=[StatusCount(s, by_status.get(s, 0)) for s in Status],
        overdue=sum(1 for g in goals if g.is_overdue),
        stale=sum(1 for g in goals if g.is_stale),
        examples=sum(1 for g in goals if g.rests_on_example),
        assumed_horizons=sum(1 for g in goals if _assumed(g, g.horizon_provenance)),
        assumed_targets=sum(1 for g in goals if g.target_date and _assumed(g, g.target_provenance)),
        overdue_on_assumed_target=sum(
            1 for g in goals if g.is_overdue and _assumed(g, g.target_provenance)
        ),
        key=key,
    )


def by_field(fields, goals) -> list[Breakdown]:
    groups = {f.pk: [] for f in fields}
    for goal in goals:
        groups.setdefault(goal.field_id, []).append(goal)
    return [breakdown(groups[f.pk], f"{f.number} {f.title}", f.slug) for f in fields]


def by_horizon(goals) -> list[Breakdown]:
    goals = list(goals)
    return [
        breakdown([g for g in goals if g.horizon == h], h.label.split(" (")[0].capitalize(), h)
        for h in Horizon
    ]


def _assumed(goal, provenance: str) -> bool:
    # An example goal is marked as a whole; counting its parts again would say it twice.
    return not goal.is_example and provenance != Provenance.AMTLICH
