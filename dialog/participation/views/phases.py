from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from common.related import sections_for
from dialog.participation.dates import format_period, time_left_text
from dialog.participation.models import Phase, Theme
from dialog.participation.phases import participation_figures, phase_overview


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
            "related": sections_for(phase),
        },
    )
