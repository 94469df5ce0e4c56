"""What can be followed about goals, and the day's goal events for the alert digest.

Topics: "goal:<pk>", "field:<pk>" (a field of action) and "version:<slug>"
(a version's dashboard). A status report (which also carries a change of
status), an official answer (a staff comment) and a decision on a contribution
about a goal reach the followers of the goal, its field and its version.
"""

from alerts import registry
from alerts.registry import Event


def _goal_label(pk: str) -> str | None:
    from .models import Goal

    goal = Goal.objects.select_related("version").filter(pk=pk).first() if pk.isdigit() else None
    return goal and f"Ziel {goal.number}: {goal.title} ({goal.version.title})"


def _field_label(pk: str) -> str | None:
    from .models import FieldOfAction

    field = (
        FieldOfAction.objects.select_related("version").filter(pk=pk).first()
        if pk.isdigit()
        else None
    )
    return field and f"Handlungsfeld {field.number} {field.title} ({field.version.title})"


def _version_label(slug: str) -> str | None:
    from .models import StrategyVersion

    version = StrategyVersion.objects.filter(slug=slug).first()
    return version and f"Umsetzung der {version.title}"


def topics_of(goal) -> list[str]:
    return [f"goal:{goal.pk}", f"field:{goal.field_id}", f"version:{goal.version.slug}"]


def goal_events(start, end):

    from dialog.comments import state

    from .models import Goal, StatusReport

    reports = StatusReport.objects.filter(
        date__gte=start.date(), date__lt=end.date()
    ).select_related("goal__version")
    for report in reports:
        goal = report.goal
        title = f"Ziel {goal.number}: neuer Bericht, Stand „{report.get_status_display()}“"
        url = f"{goal.get_absolute_url()}#bericht-{report.pk}"
        for topic in topics_of(goal):
            yield Event(topic, title, url)

    # An answer of the government is a public comment by a staff member.
    answers = (
        state.comments()
        .on_model(Goal)
        .visible()
        .filter(submit_date__gte=start, submit_date__lt=end, user__is_staff=True)
        .values_list("object_pk", "pk")
    )
    answered = dict(answers)
    if answered:
        goals = Goal.objects.select_related("version").in_bulk([int(pk) for pk in answered])
        for object_pk, comment_pk in answered.items():
            goal = goals.get(int(object_pk))
            if goal is None:
                continue
            title = f"Ziel {goal.number}: Antwort der Landesregierung"
            for topic in topics_of(goal):
                yield Event(topic, title, f"{goal.get_absolute_url()}#kommentar-{comment_pk}")

    # A decision on a contribution about the goal (what became of it).
    decided = (
        state.comments()
        .on_model(Goal)
        .visible()
        .filter(decision__decided_at__gte=start, decision__decided_at__lt=end)
        .values_list("object_pk", "pk", "decision__outcome")
    )
    decided = list(decided)
    if decided:
        from dialog.models import Outcome

        goals = Goal.objects.select_related("version").in_bulk({int(pk) for pk, _, _ in decided})
        for object_pk, comment_pk, outcome in decided:
            goal = goals.get(int(object_pk))
            if goal is None:
                continue
            title = f"Ziel {goal.number}: Entscheidung zu einem Beitrag ({Outcome(outcome).label})"
            for topic in topics_of(goal):
                yield Event(topic, title, f"{goal.get_absolute_url()}#kommentar-{comment_pk}")


def connect() -> None:
    registry.register_topic("goal", _goal_label)
    registry.register_topic("field", _field_label)
    registry.register_topic("version", _version_label)
    registry.register_events(goal_events)
