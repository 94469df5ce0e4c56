"""Which rows the public pages show: the page cache's allow-list.

Each app declares in its AppConfig.ready(), beside the other registrations of what its
pages show, the models those pages display, with a rule for rows that are shown only in
some states (a ballot once confirmed, a statement once published). A saved or deleted row
of a declared model, in a shown state, renews every kept page (strategy_site/page_cache.py);
a row of any other model (sessions, rate counters, unconfirmed requests, mail, reports)
never does, so an anonymous write that changes no public page changes nothing in the cache.
tests/strategy_site/test_page_cache.py checks that every model staff edit in the admin was
declared one way or the other.

Which kept pages a change renews follows from the same declarations (`subject_tags`):
a shown row that has a page of its own (a goal, a chapter, a post: it defines
get_absolute_url) is a *subject*; a page is tagged with the subjects it loaded, and a
change renews the pages tagged with the subject it concerns: the row itself, or for a
row without a page of its own (a status report, a comment, a paragraph, a confirmed
ballot) the subject(s) it hangs under through its foreign keys or generic target.
Rows that sit by the dozen on one page (comments) are declared `items`: they never tag
a page, only their target does. A subject shown in full on its parent's page (a
paragraph on its chapter's) is declared `part_of` that parent: it tags pages as the
parent, and a change under it renews the parent's page and its own at once.
"""

import functools
from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist

_ALWAYS = None
_rules: dict[str, Callable | None] = {}
_items: set[str] = set()
_part_of: dict[str, str] = {}
_in_lists_only: set[str] = set()
# A change climbs at most this many foreign keys to find the subjects it concerns.
_MAX_CLIMB = 3


def shows(*labels: str, when: Callable | None = _ALWAYS) -> None:
    """Public pages show rows of these models ("app_label.model"); only those for which
    `when(row)` is true, if given. Proxy models count as their concrete model."""
    for label in labels:
        _rules[label.lower()] = when
    is_subject.cache_clear()


def _label(model) -> str:
    return model._meta.concrete_model._meta.label_lower


def declared(model) -> bool:
    return _label(model) in _rules


def changes_pages(instance, raw: bool = False) -> bool:
    """Whether saving or deleting this row can change what a public page shows. Fixtures
    (raw saves) load rows in any order, so their rules, which may read related rows, are
    not asked then; a rule that meets a row whose parent is gone counts the change."""
    label = _label(type(instance))
    if label not in _rules:
        return False
    when = _rules[label]
    if when is _ALWAYS or raw:
        return True
    try:
        return bool(when(instance))
    except ObjectDoesNotExist:
        return True


def items(*labels: str) -> None:
    """Rows shown by the dozen on one page (comments): never the subject of a page."""
    _items.update(label.lower() for label in labels)
    is_subject.cache_clear()


def in_lists_only(*labels: str) -> None:
    """Rows shown only in lists and search results, which lag by a minute anyway: their
    changes stamp no subject (a search entry names its version, yet renews no goal page)."""
    _in_lists_only.update(label.lower() for label in labels)


def part_of(label: str, parent_field: str) -> None:
    """Rows of this model are shown in full on the page of the row `parent_field` names."""
    _part_of[label.lower()] = parent_field
    is_subject.cache_clear()


@functools.cache  # asked for every row a rendering page loads
def is_subject(model) -> bool:
    label = _label(model)
    return (
        label in _rules
        and label not in _items
        and label not in _part_of
        and hasattr(model, "get_absolute_url")
    )


def subject_tag(model, pk) -> str:
    return f"{_label(model)}:{pk}"


def page_tag(model, instance) -> str | None:
    """The tag a loaded row gives the page that renders it (None: it gives none)."""
    parent_field = _part_of.get(_label(model))
    if parent_field is not None:
        field = model._meta.get_field(parent_field)
        if field.attname in instance.get_deferred_fields():  # reading it would be a query
            return None
        return subject_tag(field.related_model, getattr(instance, field.attname))
    if instance.pk is not None and is_subject(model):
        return subject_tag(model, instance.pk)
    return None


def subject_tags(instance, _depth: int = 0) -> set[str]:
    """The subjects a change of this row concerns (see the module's docstring). Reads
    parents only for rows without a page of their own: a change, not a page view."""
    model = type(instance)
    if _label(model) in _in_lists_only:
        return set()
    parent_field = _part_of.get(_label(model))
    if parent_field is not None:
        field = model._meta.get_field(parent_field)
        return tags_of(field.related_model, getattr(instance, field.attname), _depth)
    if is_subject(model):
        return {subject_tag(model, instance.pk)} if instance.pk is not None else set()
    if _depth >= _MAX_CLIMB:
        return set()
    tags = set()
    for parent_model, pk in _parents(instance):
        tags |= tags_of(parent_model, pk, _depth + 1)
    return tags


def tags_of(model, pk, _depth: int = 0) -> set[str]:
    """The subjects of the row `model` with this primary key (read only if needed)."""
    if model is None or pk in (None, "") or not declared(model):
        return set()
    if is_subject(model):
        return {subject_tag(model, pk)}
    if _depth >= _MAX_CLIMB:
        return set()
    try:
        row = model._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError):  # a generic key that is no valid primary key
        return set()
    return subject_tags(row, _depth) if row is not None else set()


def _parents(instance):
    """(model, primary key) of every row this one hangs under, read from its own columns."""
    from django.contrib.contenttypes.fields import GenericForeignKey
    from django.contrib.contenttypes.models import ContentType

    meta = instance._meta
    for field in meta.concrete_fields:
        if field.many_to_one and field.related_model is not ContentType:
            yield field.related_model, getattr(instance, field.attname)
    generic = [
        (f.ct_field, f.fk_field) for f in meta.private_fields if isinstance(f, GenericForeignKey)
    ]
    if not generic and hasattr(instance, "content_type_id") and hasattr(instance, "object_id"):
        generic = [("content_type", "object_id")]  # a counter row keyed like a generic one
    for ct_field, fk_field in generic:
        ct_id = getattr(instance, f"{ct_field}_id", None)
        if ct_id is not None:
            yield ContentType.objects.get_for_id(ct_id).model_class(), getattr(instance, fk_field)
