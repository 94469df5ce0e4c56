from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from common.related import sections_for
from dialog.participation.calendar import build_calendar
from dialog.participation.models import Event, EventSeries
from dialog.participation.recordings import recording_for
from dialog.participation.schedule import split_events


@require_safe
def event_list(request):
    return render(
        request,
        "dialog/event_list.html",
        split_events(Event.objects.select_related("series"), timezone.now()),
    )


@require_safe
def series_detail(request, slug):
    series = get_object_or_404(EventSeries, slug=slug)
    events = series.events.select_related("series").order_by("starts_at")
    return render(request, "dialog/series_detail.html", {"series": series, "events": events})


@require_safe
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("series"), slug=slug)
    return render(
        request,
        "dialog/event_detail.html",
        {
            "event": event,
            "themes": event.themes.order_by("position", "title"),
            "recording": recording_for(event.recording_url),
            "related": sections_for(event),
        },
    )


def _calendar_response(events, request, filename):
    body = build_calendar(events, lambda e: request.build_absolute_uri(e.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def event_list_ics(request):
    return _calendar_response(Event.objects.order_by("starts_at"), request, "veranstaltungen.ics")


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return _calendar_response([event], request, f"{event.slug}.ics")
