"""Goal deadlines as iCalendar (RFC 5545): one all-day event per goal with a target date."""

from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

UID_DOMAIN = "digitalstrategie.nrw"


def deadline_component(goal, absolute_url: str, stamp: datetime) -> CalendarEvent:
    component = CalendarEvent()
    # The primary key never changes, unlike number or title after an editor's correction.
    component.add("uid", f"zieltermin-{goal.pk}@{UID_DOMAIN}")
    component.add("dtstamp", stamp)
    # All-day: DATE values, the end is exclusive (the next day).
    component.add("dtstart", goal.target_date)
    component.add("dtend", goal.target_date + timedelta(days=1))
    component.add("summary", f"Zieltermin: Ziel {goal.number} – {goal.title}")
    component.add("categories", [goal.version.title])
    component.add("url", absolute_url)
    when = (
        f"Festgelegt ist nur das Jahr {goal.target_date.year}."
        if goal.target_is_year
        else "Zieltermin laut Strategie."
    )
    component.add(
        "description", f"{goal.version.title}, Ziel {goal.number}. {when}\n\n{absolute_url}"
    )
    return component


def build_deadline_calendar(goals, absolute_url) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Digitalstrategie.NRW//Zieltermine//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Digitalstrategie.NRW: Zieltermine")
    # Goals keep no revision time; the file's creation time is the honest stamp.
    stamp = datetime.now(UTC).replace(microsecond=0)
    for goal in goals:
        calendar.add_component(deadline_component(goal, absolute_url(goal), stamp))
    return calendar.to_ical()
