"""Suggestions as visitors see them: published, with support and comment counts, status,
and the difference to the wording they started from; a bounded number of queries."""

from dialog.comments.counts import annotate_comment_counts

from ..text import difference
from .models import Suggestion

SORTS = {
    "neu": "Neueste zuerst",
    "unterstuetzt": "Meiste Unterstützung",
    "alt": "Älteste zuerst",
}


def published():
    return annotate_comment_counts(Suggestion.objects.published().with_counts()).select_related(
        "paragraph__chapter__version", "decision"
    )


def sorted_by(queryset, sort: str):
    if sort == "unterstuetzt":
        return queryset.order_by("-support_count", "-published_at", "-pk")
    if sort == "alt":
        return queryset.order_by("published_at", "pk")
    return queryset.order_by("-published_at", "-pk")


def public_status(suggestion) -> str:
    decision = getattr(suggestion, "decision", None)
    if decision is not None:
        return decision.outcome_label
    return "in Prüfung" if suggestion.in_review else "eingegangen"


def prepare(suggestions) -> None:
    """Status and difference on each suggestion, for the templates (no queries)."""
    for suggestion in suggestions:
        suggestion.public_status = public_status(suggestion)
        found = difference.pieces(suggestion.original, suggestion.text)
        suggestion.difference = difference.as_html(found)
        suggestion.struck, suggestion.added = difference.counts(found)


def for_paragraph(paragraph) -> list:
    """The paragraph's published suggestions, most supported first (one query)."""
    found = list(sorted_by(published().filter(paragraph=paragraph), "unterstuetzt"))
    prepare(found)
    return found
