"""Querysets for reading the strategy text, each a fixed number of queries."""

import difflib

from django.db.models import Prefetch
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from dialog.comments.counts import annotate_comment_counts

from ..models import Chapter, Goal, Paragraph


def marked_goals():
    return Goal.objects.with_overdue().select_related("version").order_by("number")


def paragraphs():
    return annotate_comment_counts(
        Paragraph.objects.current().select_related("chapter__version")
    ).prefetch_related(Prefetch("goals", queryset=marked_goals()))


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
    """Word-level difference as HTML with <ins>/<del>; text is escaped."""
    a, b = strip_tags(old).split(), strip_tags(new).split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(
                '<del><span class="visually-hidden">[gestrichen:] </span>'
                f"{escape(' '.join(a[i1:i2]))}</del>"
            )
        if op in ("insert", "replace"):
            out.append(
                '<ins><span class="visually-hidden">[eingefügt:] </span>'
                f"{escape(' '.join(b[j1:j2]))}</ins>"
            )
    return mark_safe(" ".join(out))  # noqa: S308 - every piece is escaped above
