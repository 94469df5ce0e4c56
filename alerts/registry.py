"""What can be followed, and where each day's events come from.

Content apps call `register_topic()` and `register_events()` in ready(). The
digest asks every event source for the events of one day, so something that
happens by date (a scheduled post going live, a phase starting) is found
without a signal at the moment it happens.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Event:
    topic: str  # the key subscribers follow, e.g. "goal:12"
    title: str  # German, one line: what happened
    url: str  # path on this site


_labels: dict[str, Callable[[str], str | None]] = {}
_sources: list[Callable[[datetime, datetime], Iterable[Event]]] = []


def register_topic(prefix: str, label: Callable[[str], str | None]) -> None:
    """`label(rest_of_key)` returns the German name of the topic, or None if it does not exist."""
    _labels[prefix] = label


def register_events(source: Callable[[datetime, datetime], Iterable[Event]]) -> None:
    """`source(start, end)` yields the events that happened in [start, end)."""
    if source not in _sources:
        _sources.append(source)


def topic_label(topic: str) -> str | None:
    prefix, _, rest = topic.partition(":")
    label = _labels.get(prefix)
    return label(rest) if label else None


def events_between(start: datetime, end: datetime) -> list[Event]:
    return [event for source in _sources for event in source(start, end)]


def record(topic: str, title: str, url: str) -> None:
    """Remember an event now, for content that keeps no date for it.

    The hook for the decision on a contribution (issue 12) is one call:
    `record(f"goal:{goal.pk}", "Entscheidung zu einem Beitrag", url)`.
    """
    from .models import RecordedEvent

    RecordedEvent.objects.create(topic=topic, title=title, url=url)


def recorded_events(start: datetime, end: datetime) -> Iterable[Event]:
    from .models import RecordedEvent

    for topic, title, url in RecordedEvent.objects.filter(
        happened_at__gte=start, happened_at__lt=end
    ).values_list("topic", "title", "url"):
        yield Event(topic, title, url)


register_events(recorded_events)
