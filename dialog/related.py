"""Content of other apps shown on dialog pages, without dialog importing those apps.

A content app that links its objects to themes or events (e.g. goals with
Goal.themes) registers a section in its AppConfig.ready():

    related.register(Theme, "Ziele zu diesem Thema", lambda theme: theme.goals.all())

Phase, theme and event pages then list each section's objects (by `label`,
default str, linked to get_absolute_url), one query per section.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Section:
    heading: str
    items_of: Callable[[models.Model], object]
    label: Callable[[models.Model], str] = str


@dataclass(frozen=True)
class Item:
    label: str
    url: str


_sections: dict[type[models.Model], list[Section]] = {}


def register(
    model: type[models.Model], heading: str, items_of: Callable, label: Callable = str
) -> None:
    sections = _sections.setdefault(model, [])
    if all(s.heading != heading for s in sections):
        sections.append(Section(heading, items_of, label))


def unregister(model: type[models.Model], heading: str) -> None:
    _sections[model] = [s for s in _sections.get(model, []) if s.heading != heading]


def sections_for(obj) -> list[tuple[str, list]]:
    """[(heading, [Item])] for every registered section that has objects."""
    found = []
    for section in _sections.get(type(obj), []):
        items = [Item(section.label(o), o.get_absolute_url()) for o in section.items_of(obj)]
        if items:
            found.append((section.heading, items))
    return found
