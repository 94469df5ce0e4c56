"""What a statement can address: goals, chapters, whatever content apps register for a
phase (dialog knows no content app), and the statements shown on such an object."""

from django.contrib.contenttypes.models import ContentType

from dialog.object_choices import ObjectChoices, load_objects, parse
from dialog.statements.models import Statement, StatementTarget

_targets = ObjectChoices()


def register_target(model, *, group: str, choices, label=str) -> None:
    """`choices(phase)`: the objects of `model` a statement in that phase may address."""
    _targets.register(model, group=group, choices=choices, label=label)


def target_choices(phase) -> list[tuple[str, list[tuple[str, str]]]]:
    return _targets.grouped(phase)


def set_targets(statement, values) -> None:
    StatementTarget.objects.bulk_create(
        StatementTarget(statement=statement, content_type=content_type, object_pk=pk)
        for content_type, pk in (parse(value) for value in values)
    )


def statements_on(obj):
    """Published statements addressing `obj`, oldest first, each with its decision."""
    return (
        Statement.objects.published()
        .addressing(obj)
        .select_related("decision")
        .order_by("published_at", "pk")
    )


def targets_of(statements) -> dict[int, list]:
    """The addressed objects per statement id: one query for the links, one per model."""
    links = list(StatementTarget.objects.filter(statement__in=statements))
    objects = load_objects((link.content_type_id, link.object_pk) for link in links)
    found: dict[int, list] = {}
    for link in links:
        obj = objects.get((link.content_type_id, link.object_pk))
        if obj is not None:
            found.setdefault(link.statement_id, []).append(obj)
    return found


def statements_leading_to(obj):
    """Published statements whose decision names `obj` as where they led, oldest first."""
    return (
        Statement.objects.published()
        .filter(
            decision__result_type=ContentType.objects.get_for_model(obj),
            decision__result_pk=str(obj.pk),
        )
        .select_related("decision")
        .order_by("published_at", "pk")
    )
