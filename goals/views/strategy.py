"""The strategy: all versions, one version with its fields and goals, one goal."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404, render

from common.related import sections_for

from ..indicators import indicator_chart
from ..models import Goal, Lineage, StrategyVersion
from ..progress import breakdown
from ..text.reading import most_commented


def version_list(request):
    versions = StrategyVersion.objects.with_goal_counts().select_related("document").current_first()
    return render(request, "goals/version_list.html", {"versions": versions})


def version_detail(request, version):
    version = get_object_or_404(StrategyVersion.objects.select_related("document"), slug=version)
    goals = (
        Goal.objects.with_overdue()
        .with_comment_counts()
        .select_related("version")
        .order_by("number")
    )
    fields = list(version.fields.prefetch_related(Prefetch("goals", queryset=goals)))
    sections = [(f, breakdown(f.goals.all(), f"{f.number} {f.title}", f.slug)) for f in fields]
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
        Goal.objects.with_overdue().select_related("field", "version"),
        version__slug=version,
        number=number,
    )
    related = Goal.objects.with_overdue().select_related("version").order_by("-version__year")
    siblings = Goal.objects.filter(version=goal.version).select_related("version")
    indicators = goal.indicators.prefetch_related("values")
    return render(
        request,
        "goals/goal_detail.html",
        {
            "goal": goal,
            "reports": goal.reports.select_related("source_document"),
            "continues": _with_link(related.filter(continued_by=goal), later=goal),
            "continued_by": _with_link(related.filter(continues=goal), earlier=goal),
            "indicators": [(i, indicator_chart(i)) for i in indicators],
            "verdicts": goal.verdicts.select_related("assessment").order_by("-assessment__date"),
            "text_paragraphs": goal.paragraphs.current().select_related("chapter__version"),
            "previous_goal": siblings.filter(number__lt=goal.number).order_by("-number").first(),
            "next_goal": siblings.filter(number__gt=goal.number).order_by("number").first(),
            # Other apps' content about this goal (e.g. blog posts), through the registry.
            "related": sections_for(goal),
        },
    )


def _with_link(goals, *, later=None, earlier=None):
    """Annotate each goal with its lineage link to the page's goal: provenance and note."""
    if later is not None:
        link = Lineage.objects.filter(later=later, earlier=OuterRef("pk"))
    else:
        link = Lineage.objects.filter(earlier=earlier, later=OuterRef("pk"))
    return goals.annotate(
        link_provenance=Subquery(link.values("provenance")[:1]),
        link_note=Subquery(link.values("note")[:1]),
    )
