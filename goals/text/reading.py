"""Querysets for reading the strategy text, each a fixed number of queries."""

import html

from django.db.models import Count, Prefetch, Q
from django.utils.html import strip_tags

from dialog.comments.counts import annotate_comment_counts

from ..contributions.models import Contribution
from ..models import Chapter, Goal, Paragraph
from . import difference


def marked_goals():
    return Goal.objects.with_overdue().select_related("version").order_by("number")


def paragraphs():
    """Current paragraphs with their comment and published-suggestion counts."""
    suggestions = Count(
        "suggestions",
        filter=Q(suggestions__status=Contribution.Status.PUBLISHED),
        distinct=True,
    )
    return (
        annotate_comment_counts(Paragraph.objects.current().select_related("chapter__version"))
        .annotate(suggestion_count=suggestions)
        .prefetch_related(Prefetch("goals", queryset=marked_goals()))
    )


def chapters_with_counts(version):
    """The version's chapters, each with the sum of its paragraphs' comments."""
    chapters = list(
        Chapter.objects.filter(version=version).select_related("version").order_by("order", "pk")
    )
    counted = annotate_comment_counts(Paragraph.objects.filter(chapter__version=version))
    per_paragraph = counted.values_list("chapter_id", "comment_count")
    totals: dict[int, int] = {}
    for chapter_id, count in per_paragraph:
        totals[chapter_id] = totals.get(chapter_id, 0) + count
    for chapter in chapters:
        chapter.comment_count = totals.get(chapter.pk, 0)
    return chapters


def most_commented(version, limit=5):
    """The version's paragraphs that drew most comments, for evaluation at a glance."""
    counted = annotate_comment_counts(
        Paragraph.objects.filter(chapter__version=version).select_related("chapter__version")
    )
    return counted.filter(comment_count__gt=0).order_by("-comment_count", "chapter__order")[:limit]


def word_diff(old: str, new: str) -> str:
    """Word-level difference of two versions' paragraphs (HTML in, marked-up text out;
    goals/text/difference.py); line breaks and spacing of the markup do not count."""
    return difference.as_html(difference.pieces(plain_text(old), plain_text(new)))


def plain_text(markup: str) -> str:
    """A paragraph's words as a reader sees them: no tags, entities read ("&amp;" is "&"),
    spacing made single."""
    return " ".join(html.unescape(strip_tags(markup)).split())
