"""Which objects a phase puts up for discussion, per commentable model.

dialog knows no content app, so each app that has content governed by phases
registers it, both ways round:

    phase_content.register(
        Goal,
        phases_of=lambda goal: goal.version.phases.all(),     # for the comment rule
        objects_of=lambda phase: Goal.objects.filter(version__phases=phase),  # for figures
        group=Concat("field__number", Value(" "), "field__title"),
        group_name="Handlungsfeld",
    )

`phases_of` feeds the PhaseRule of the comment policy (dialog/phase_rules.py);
`objects_of` and `group` feed the participation figures on the phase page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from dialog.participation.models import Phase


@dataclass(frozen=True)
class PhaseContent:
    model: type[models.Model]
    phases_of: Callable[[models.Model], object]
    objects_of: Callable[[Phase], models.QuerySet]
    # A lookup ("title") or expression naming the group a comment is counted in.
    group: object
    group_name: str
    # A lookup to sort the groups by (e.g. the field's position); default: the group label.
    order: str | None = None


_contents: dict[type[models.Model], PhaseContent] = {}


def register(model, *, phases_of, objects_of, group, group_name, order=None) -> PhaseContent:
    _contents[model] = PhaseContent(model, phases_of, objects_of, group, group_name, order)
    return _contents[model]


def unregister(model) -> None:
    _contents.pop(model, None)


def contents() -> list[PhaseContent]:
    return list(_contents.values())


def content_for(model) -> PhaseContent | None:
    return _contents.get(model)
