"""Which rows the public pages show: the page cache's allow-list.

Each app declares in its AppConfig.ready(), beside the other registrations of what its
pages show, the models those pages display, with a rule for rows that are shown only in
some states (a ballot once confirmed, a statement once published). A saved or deleted row
of a declared model, in a shown state, renews every kept page (strategy_site/page_cache.py);
a row of any other model (sessions, rate counters, unconfirmed requests, mail, reports)
never does, so an anonymous write that changes no public page changes nothing in the cache.
tests/strategy_site/test_page_cache.py checks that every model staff edit in the admin was
declared one way or the other.
"""

from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist

_ALWAYS = None
_rules: dict[str, Callable | None] = {}


def shows(*labels: str, when: Callable | None = _ALWAYS) -> None:
    """Public pages show rows of these models ("app_label.model"); only those for which
    `when(row)` is true, if given. Proxy models count as their concrete model."""
    for label in labels:
        _rules[label.lower()] = when


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
