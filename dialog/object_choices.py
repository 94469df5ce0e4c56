"""Choosing objects of content apps in dialog's forms, which know no content app.

Each content app registers what may be chosen: the goal or paragraph a decision
led to (dialog.comments.decisions), the goals and chapters a statement addresses
(dialog.statements). A choice's value is "<content type id>:<pk>", so one select
or set of checkboxes can offer objects of several models, grouped by kind.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class ChoiceKind:
    model: type[models.Model]
    group: str
    # Called with the registry's arguments (none, or e.g. the phase).
    choices: Callable[..., models.QuerySet]
    label: Callable[[models.Model], str]


def value_of(obj) -> str:
    """The choice value naming `obj`."""
    return f"{ContentType.objects.get_for_model(obj).pk}:{obj.pk}"


def parse(value: str):
    """(content type, pk) for a choice value, or (None, "") for none."""
    if not value:
        return None, ""
    type_id, _, pk = value.partition(":")
    return ContentType.objects.get_for_id(int(type_id)), pk


class ObjectChoices:
    """One registry: the models whose objects may be chosen, with their group and label."""

    def __init__(self):
        self._kinds: list[ChoiceKind] = []

    def register(self, model, *, group: str, choices, label=str) -> None:
        # Registering a model again replaces it (apps' ready() may run twice in tests).
        self._kinds = [kind for kind in self._kinds if kind.model is not model]
        self._kinds.append(ChoiceKind(model, group, choices, label))

    def objects(self, *args) -> list[tuple[ChoiceKind, list[models.Model]]]:
        """Each kind with its choosable objects: one query per kind."""
        return [(kind, list(kind.choices(*args))) for kind in self._kinds]

    def grouped(self, *args) -> list[tuple[str, list[tuple[str, str]]]]:
        """Grouped choices for a select or checkboxes, empty groups left out."""
        grouped = []
        for kind, objects in self.objects(*args):
            options = [(value_of(obj), kind.label(obj)) for obj in objects]
            if options:
                grouped.append((kind.group, options))
        return grouped


def load_objects(pairs) -> dict[tuple[int, str], models.Model]:
    """The objects for (content type id, pk text) pairs: one query per model."""
    by_type: dict[int, set[str]] = {}
    for type_id, pk in pairs:
        by_type.setdefault(type_id, set()).add(pk)
    objects = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        # Their required parents come along, as links and labels usually name them
        # (a goal's version): one query per model however many objects.
        parents = [f.name for f in model._meta.concrete_fields if f.many_to_one and not f.null]
        for obj in model._default_manager.select_related(*parents).filter(pk__in=pks):
            objects[(type_id, str(obj.pk))] = obj
    return objects
