"""Calendar of goal deadlines for calendar apps."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from ..calendar import build_deadline_calendar
from ..models import Goal


@require_safe
def deadlines_ics(request):
    goals = (
        Goal.objects.filter(target_date__isnull=False)
        .select_related("version")
        .order_by("target_date", "version__year", "number")
    )
    body = build_deadline_calendar(
        goals, lambda g: request.build_absolute_uri(g.get_absolute_url())
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="termine.ics"'
    return response
