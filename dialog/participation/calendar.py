"""Events as iCalendar (RFC 5545) for calendar apps."""

from datetime import UTC, date
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from dialog.participation.models import Event
from richtext import plain_text

UID_DOMAIN = "digitalstrategie.nrw"


def event_component(event: Event, absolute_url: str) -> CalendarEvent:
    zone = ZoneInfo(settings.TIME_ZONE)
    component = CalendarEvent()
    # The primary key never changes, unlike the slug an editor may correct.
    component.add("uid", f"veranstaltung-{event.pk}@{UID_DOMAIN}")
    # Last change of the event: calendar apps use it to spot updates.
    component.add("dtstamp", event.updated_at.astimezone(UTC))
    component.add("dtstart", event.starts_at.astimezone(zone))
    component.add("dtend", event.ends_at.astimezone(zone))
    component.add("summary", event.title)
    component.add("location", event.location)
    component.add("categories", [event.get_kind_display()])
    component.add("url", absolute_url)
    description = plain_text(event.description)
    component.add(
        "description", f"{description}\n\n{absolute_url}" if description else absolute_url
    )
    return component


def build_calendar(events, absolute_url) -> bytes:
    """A VCALENDAR with one VEVENT per event and the VTIMEZONE their times refer to.

    `absolute_url(event)` gives each event's page address.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Digitalstrategie.NRW//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Digitalstrategie.NRW: Veranstaltungen")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, absolute_url(event)))
    if events:
        # The VTIMEZONE's transitions span exactly the events' years, not a fixed range
        # that would leave later events without a correct offset.
        calendar.add_missing_timezones(
            first_date=date(min(e.starts_at for e in events).year - 1, 1, 1),
            last_date=date(max(e.ends_at for e in events).year + 2, 1, 1),
        )
    return calendar.to_ical()
