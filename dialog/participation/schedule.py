"""Events split into upcoming and past-by-year for the event list."""

from datetime import datetime
from itertools import groupby

from django.utils import timezone


def split_events(events, now: datetime) -> dict:
    """Upcoming events (soonest first) and past ones grouped by year (newest first).

    One query: everything is fetched once and split here. An event counts as
    upcoming until it has ended; years are Berlin years, so an event on New
    Year's night falls into the year a visitor sees on its date.
    """
    events = list(events.order_by("starts_at"))
    upcoming = [e for e in events if e.ends_at > now]
    past = sorted((e for e in events if e.ends_at <= now), key=lambda e: e.starts_at, reverse=True)
    years = [
        (year, list(group))
        for year, group in groupby(past, key=lambda e: timezone.localtime(e.starts_at).year)
    ]
    return {"upcoming": upcoming, "past_by_year": years}
