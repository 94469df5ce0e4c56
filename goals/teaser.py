"""The home page teaser: the current version's progress in numbers."""

from .models import Goal, StrategyVersion
from .progress import breakdown
from .status import Status


def home_context() -> dict:
    """Context for templates/goals/_home_teaser.html, in two queries."""
    version = StrategyVersion.objects.filter(is_current=True).first()
    if version is None:
        return {"goal_progress": None}
    goals = (
        Goal.objects.with_overdue()
        .filter(version=version)
        .only("target_date", "horizon", "provenance", "horizon_provenance", "target_provenance")
    )
    total = breakdown(goals)
    if not total.total:
        return {"goal_progress": None}
    in_progress = sum(
        total.count_of(s) for s in (Status.IN_UMSETZUNG, Status.IM_ZEITPLAN, Status.VERZOEGERT)
    )
    return {"goal_progress": {"version": version, "total": total, "in_progress": in_progress}}
