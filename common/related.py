"""Cross-links between content apps, without either importing the other's pages.

An app that links its objects to another app's (goals to themes, posts to
goals) registers a section in its AppConfig.ready():

    related.register(Theme, "Ziele zu diesem Thema", lambda theme: theme.goals.all())
    related.register(Goal, "Aus dem Blog", lambda goal: goal.posts.published(),
                     date=lambda post: post.published_at, anchor="beitraege-zum-ziel")

The page of a Theme or a Goal then lists each section's objects (by `label`,
default str, linked to get_absolute_url, with `date` if given), one query per
section, through templates/includes/related.html.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models


@dataclass(frozen=True)
class Section:
    heading: str
    items_of: Callable[[models.Model], object]
    label: Callable[[models.Model], str] = str
    date: Callable[[models.Model], datetime] | None = None
    anchor: str = ""


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    date: datetime | None = None


@dataclass(frozen=True)
class Found:
    heading: str
    anchor: str
    items: list[Item]


_sections: dict[type[models.Model], list[Section]] = {}


def register(
    model: type[models.Model],
    heading: str,
    items_of: Callable,
    label: Callable = str,
    *,
    date: Callable | None = None,
    anchor: str = "",
) -> None:
    sections = _sections.setdefault(model, [])
    if all(s.heading != heading for s in sections):
        sections.append(Section(heading, items_of, label, date, anchor))


def unregister(model: type[models.Model], heading: str) -> None:
    _sections[model] = [s for s in _sections.get(model, []) if s.heading != heading]


def sections_for(obj) -> list[Found]:
    """Every registered section of obj's model that has objects, in registration order."""
    found = []
    for section in _sections.get(type(obj), []):
        items = [
            Item(
                section.label(o),
                o.get_absolute_url(),
                section.date(o) if section.date else None,
            )
            for o in section.items_of(obj)
        ]
        if items:
            anchor = section.anchor or f"verwandt-{len(found) + 1}"
            found.append(Found(section.heading, anchor, items))
    return found
