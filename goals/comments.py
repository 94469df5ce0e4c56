"""Goals take comments: how dialog describes a goal, which goals staff can export together,
and which phases open them (one registration call)."""

from django.db.models import Value
from django.db.models.functions import Concat

from dialog.comments.commentable import ExportScope
from dialog.registration import make_commentable

from . import labels


def describe(goal) -> dict:
    return {
        "version": goal.version.title,
        "number": str(goal.number),
        "field": f"{goal.field.number} {goal.field.title}",
    }


def export_scopes():
    from .models import FieldOfAction, Goal, StrategyVersion

    for version in StrategyVersion.objects.current_first():
        yield ExportScope(
            f"fassung-{version.slug}",
            version.title,
            "Fassungen",
            Goal.objects.filter(version=version),
        )
    for field in FieldOfAction.objects.select_related("version").order_by(
        "-version__year", "position", "number"
    ):
        yield ExportScope(
            f"feld-{field.pk}",
            f"{field.version.title}: {field.number} {field.title}",
            "Handlungsfelder",
            Goal.objects.filter(field=field),
        )
    for goal in Goal.objects.select_related("version").order_by("-version__year", "number"):
        yield ExportScope(
            f"ziel-{goal.pk}",
            f"{goal.version.title}: Ziel {goal.number}",
            "Einzelne Ziele",
            Goal.objects.filter(pk=goal.pk),
        )


def goal_phases(goal):
    return goal.version.phases.all()


def connect() -> None:
    """Goals take comments: open exactly while a phase covering their version runs."""
    from .models import Goal

    make_commentable(
        Goal,
        describe=describe,
        export_scopes=export_scopes,
        prepare_export=lambda goals: goals.select_related("version", "field"),
        phases_of=goal_phases,
        objects_of=lambda phase: Goal.objects.filter(version__phases=phase),
        group=Concat("field__number", Value(" "), "field__title"),
        group_name="Handlungsfeld",
        order="field__position",
    )


def register_decision_results() -> None:
    """A contribution can lead to a goal or a paragraph of the current version."""
    from dialog.comments.decisions import register_result

    from .models import Goal, Paragraph

    register_result(
        Goal,
        group="Ziele der aktuellen Fassung",
        choices=lambda: (
            Goal.objects.filter(version__is_current=True)
            .select_related("version")
            .order_by("number")
        ),
        label=labels.goal_label,
    )
    register_result(
        Paragraph,
        group="Absätze des Strategietexts der aktuellen Fassung",
        choices=lambda: (
            Paragraph.objects.filter(chapter__version__is_current=True, removed=False)
            .select_related("chapter__version")
            .order_by("chapter__order", "order")
        ),
        label=labels.paragraph_label,
    )


def register_statement_targets() -> None:
    """A statement in a phase can address the chapters and goals of the versions it covers."""
    from dialog.statements.targets import register_target

    from .models import Chapter, Goal

    register_target(
        Chapter,
        group="Kapitel des Strategietexts",
        choices=lambda phase: (
            Chapter.objects.filter(version__phases=phase)
            .select_related("version")
            .order_by("-version__year", "order", "pk")
        ),
        label=lambda chapter: f"Kapitel {chapter.number} {chapter.title}",
    )
    register_target(
        Goal,
        group="Ziele",
        choices=lambda phase: (
            Goal.objects.filter(version__phases=phase)
            .select_related("version")
            .order_by("-version__year", "number")
        ),
        label=lambda goal: f"Ziel {goal.number}: {goal.title}",
    )
