"""/umsetzung/: how far the government has got with one version's goals."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from common.provenance import Provenance

from .. import charts
from ..filters import parse_as_of, parse_filters
from ..models import Assessment, Goal, StrategyVersion
from ..progress import breakdown, by_field, by_horizon
from ..status import Horizon, Status

# Long lists are cut so the page stays fast at any number of goals.
PAGE_SIZE = 50
OVERDUE_SHOWN = 20


def _page_link(request, number: int) -> str:
    params = request.GET.copy()
    params["seite"] = str(number)
    return "?" + params.urlencode() + "#alle-ziele"


def dashboard(request):
    all_versions = list(StrategyVersion.objects.with_goal_counts().current_first())
    versions = [v for v in all_versions if v.goal_count]
    if not versions:
        raise Http404("Es gibt noch keine Ziele.")
    notices = []
    wanted = request.GET.get("fassung", "").strip()
    version = next((v for v in versions if v.slug == wanted), None)
    if version is None:
        without_goals = next((v for v in all_versions if v.slug == wanted), None)
        if without_goals:
            notices.append(
                f"Die Fassung „{without_goals.title}“ enthält keine eigenen Ziele; "
                "gezeigt wird die aktuelle Fassung."
            )
        elif wanted:
            notices.append(
                f"Die Fassung „{wanted[:40]}“ kennen wir nicht; gezeigt wird die aktuelle Fassung."
            )
        version = versions[0]

    fields = list(version.fields.all())
    today = timezone.localdate()
    as_of, as_of_notices = parse_as_of(request.GET.get("stand", ""), today)
    notices += as_of_notices
    goals = (
        Goal.objects.with_overdue(as_of=as_of)
        .with_comment_counts()
        .filter(version=version)
        .select_related("field", "version")
    )
    all_goals = list(goals.order_by("number"))
    goal_filter = parse_filters(request.GET, fields)
    notices += goal_filter.notices
    # Filtered and paged in Python: the goals are loaded anyway for the figures, and a
    # filter on the status annotation would repeat its subquery in SQL.
    filtered = [g for g in all_goals if goal_filter.matches(g)]
    page = Paginator(filtered, PAGE_SIZE).get_page(request.GET.get("seite"))
    overdue = [g for g in all_goals if g.is_overdue]
    total = breakdown(all_goals, version.title)
    per_field = by_field(fields, all_goals)
    per_horizon = by_horizon(all_goals)

    return render(
        request,
        "goals/dashboard.html",
        {
            "version": version,
            "versions": versions,
            "fields": fields,
            "notices": notices,
            "filter": goal_filter,
            "filtered_count": len(filtered),
            "filtered_page": page,
            "previous_page_link": _page_link(request, page.number - 1)
            if page.has_previous()
            else "",
            "next_page_link": _page_link(request, page.number + 1) if page.has_next() else "",
            "overdue_goals": overdue[:OVERDUE_SHOWN],
            "overdue_count": len(overdue),
            "total": total,
            "total_groups": [total],
            "per_field": per_field,
            "per_horizon": per_horizon,
            "status_chart": charts.status_chart("diagramm-stand", "Ziele nach Stand", total),
            "field_chart": charts.stacked_chart(
                "diagramm-felder", "Stand nach Handlungsfeld", per_field
            ),
            "horizon_chart": charts.stacked_chart(
                "diagramm-horizont", "Stand nach Zeithorizont", per_horizon
            ),
            "legend": charts.legend_items(total),
            "statuses": Status,
            "horizons": Horizon,
            "stale_after_days": settings.GOALS_STALE_AFTER_DAYS,
            "assumed_fields": [f for f in fields if f.provenance != Provenance.AMTLICH],
            # Other sources' verdicts, beside the official figures and never in them.
            "assessments": assessments_until(version, as_of),
            "as_of": as_of,
            "shown_day": as_of or today,
            "today": today,
        },
    )


def assessments_until(version, as_of):
    """The version's assessments from other sources, newest first; with a day, those dated by then."""
    assessments = Assessment.objects.filter(version=version).order_by("-date", "pk")
    if as_of is not None:
        assessments = assessments.filter(date__lte=as_of)
    return list(assessments)
