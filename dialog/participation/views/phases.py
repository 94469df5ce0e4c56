from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from common.related import sections_for
from dialog.participation import results
from dialog.participation.dates import format_period, time_left_text
from dialog.participation.models import Phase, Theme
from dialog.participation.phases import participation_figures, phase_overview, reported_figures


@require_safe
def phase_list(request):
    return render(request, "dialog/phase_list.html", {"overview": phase_overview(timezone.now())})


@require_safe
def phase_detail(request, slug):
    now = timezone.now()
    phase = get_object_or_404(
        Phase.objects.prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "title"))
        ),
        slug=slug,
    )
    running = phase.is_running(now)
    return render(
        request,
        "dialog/phase_detail.html",
        {
            "phase": phase,
            "period": format_period(phase.starts_at, phase.ends_at),
            "running": running,
            "upcoming": phase.starts_at > now,
            "time_left": time_left_text(phase.ends_at, now) if running else "",
            "figures": participation_figures(phase),
            "reported": reported_figures(phase),
            "statements_published": phase.statements.published().count(),
            "related": sections_for(phase),
        },
    )


@require_safe
def phase_results(request, slug):
    """/dialog/phasen/<slug>/ergebnisse/: the results report, also for printing."""
    phase = get_object_or_404(Phase, slug=slug)
    return render(
        request,
        "dialog/phase_results.html",
        {
            "phase": phase,
            "period": format_period(phase.starts_at, phase.ends_at),
            "finished": phase.ends_at <= timezone.now(),
            "results": results.phase_results(phase),
            "reported": reported_figures(phase),
            "extra_parts": results.extra_parts(phase),
        },
    )


@require_safe
def phase_results_csv(request, slug):
    phase = get_object_or_404(Phase, slug=slug)
    response = HttpResponse(
        results.results_csv(phase, settings.SITE_URL), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="ergebnisse-{phase.slug}.csv"'
    return response
