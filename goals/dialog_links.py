"""How goals take part in the dialog: phases open their goals, themes and events list them.

Called from GoalsConfig.ready(); dialog offers the registries, goals fills them
(imports point from goals to dialog, never back).
"""

from common import related
from dialog.models import Event, Phase, Theme

from . import labels


def _goals(queryset):
    return queryset.select_related("version").order_by("version__year", "number")


def _goal_label(goal) -> str:
    # Numbers repeat across versions: say which strategy the goal belongs to.
    return labels.public_goal_label(goal)


def goal_phases(goal):
    return goal.version.phases.all()


def connect() -> None:
    from .models import StrategyVersion

    related.register(
        Phase,
        "Zur Diskussion gestellt",
        lambda phase: StrategyVersion.objects.filter(phases=phase).order_by("year"),
    )
    related.register(
        Theme, "Ziele zu diesem Thema", lambda theme: _goals(theme.goals.all()), _goal_label
    )
    related.register(
        Event, "Ziele, um die es ging", lambda event: _goals(event.goals.all()), _goal_label
    )
