"""The strategy: all versions, one version with its fields and goals, one goal."""

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render

from common.related import sections_for

from ..changes import changes_of
from ..indicators.charts import indicator_chart
from ..models import Goal, Lineage, StrategyVersion
from ..progress import breakdown
from ..text.reading import most_commented


def version_list(request):
    versions = StrategyVersion.objects.with_goal_counts().select_related("document").current_first()
    return render(request, "goals/version_list.html", {"versions": versions})


# A field lists this many goals here; the dashboard, filtered by the field, lists all.
GOALS_SHOWN = 20


def version_detail(request, version):
    version = get_object_or_404(StrategyVersion.objects.select_related("document"), slug=version)
    goals = (
        Goal.objects.with_overdue()
        .with_comment_counts()
        .select_related("version")
        .order_by("number")
    )
    fields = list(version.fields.prefetch_related(Prefetch("goals", queryset=goals)))
    sections = [
        (f, breakdown(f.goals.all(), f"{f.number} {f.title}", f.slug), f.goals.all()[:GOALS_SHOWN])
        for f in fields
    ]
    return render(
        request,
        "goals/version_detail.html",
        {
            "version": version,
            "sections": sections,
            "most_commented": most_commented(version),
            "total": breakdown([g for f in fields for g in f.goals.all()], version.title),
        },
    )


def goal_detail(request, version, number):
    goal = get_object_or_404(
        Goal.objects.with_overdue().with_neighbours().select_related("field", "version"),
        version__slug=version,
        number=number,
    )
    continues, continued_by = _lineage(goal)
    indicators = goal.indicators.prefetch_related("values")
    return render(
        request,
        "goals/goal_detail.html",
        {
            "goal": goal,
            "reports": goal.reports.select_related("source_document"),
            "continues": continues,
            "continued_by": continued_by,
            "indicators": [(i, indicator_chart(i)) for i in indicators],
            "verdicts": goal.verdicts.select_related("assessment").order_by("-assessment__date"),
            "text_paragraphs": goal.paragraphs.current().select_related("chapter__version"),
            "changes": changes_of(goal),
            # Other apps' content about this goal (e.g. blog posts), through the registry.
            "related": sections_for(goal),
        },
    )


def _lineage(goal) -> tuple[list[Goal], list[Goal]]:
    """The goals this one continues and those that continue it, in one query, each with
    its link's provenance and note (`link_provenance`, `link_note`)."""
    backward = Lineage.objects.filter(later=goal, earlier=OuterRef("pk"))
    forward = Lineage.objects.filter(earlier=goal, later=OuterRef("pk"))
    linked = (
        Goal.objects.with_overdue()
        .select_related("version")
        .filter(Q(continued_by=goal) | Q(continues=goal))
        .distinct()
        .annotate(
            is_earlier=Exists(backward),
            link_provenance=Coalesce(
                Subquery(backward.values("provenance")[:1]),
                Subquery(forward.values("provenance")[:1]),
            ),
            link_note=Coalesce(
                Subquery(backward.values("note")[:1]), Subquery(forward.values("note")[:1])
            ),
        )
        .order_by("-version__year", "number")
    )
    linked = list(linked)
    return [g for g in linked if g.is_earlier], [g for g in linked if not g.is_earlier]
