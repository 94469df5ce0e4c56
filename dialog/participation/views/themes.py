from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from common.related import sections_for
from dialog.participation.dates import format_period
from dialog.participation.models import Event, Theme


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.select_related("phase"), slug=slug)
    events = Event.objects.filter(themes=theme).order_by("-starts_at")
    return render(
        request,
        "dialog/theme_detail.html",
        {
            "theme": theme,
            "period": format_period(theme.phase.starts_at, theme.phase.ends_at),
            "events": events,
            "related": sections_for(theme),
        },
    )
