"""Reading the strategy text: contents, one chapter, one paragraph with its thread."""

from django.shortcuts import get_object_or_404, render

from ..models import Chapter, Paragraph, StrategyVersion
from . import reading


def contents(request, version):
    version = get_object_or_404(StrategyVersion.objects.select_related("document"), slug=version)
    chapters = reading.chapters_with_counts(version)
    return render(request, "goals/text/contents.html", {"version": version, "chapters": chapters})


def chapter(request, version, chapter):
    chapter = get_object_or_404(
        Chapter.objects.select_related("version", "parent"), version__slug=version, slug=chapter
    )
    siblings = Chapter.objects.filter(version=chapter.version)
    paragraphs = list(reading.paragraphs().filter(chapter=chapter).order_by("order", "pk"))
    return render(
        request,
        "goals/text/chapter.html",
        {
            "chapter": chapter,
            "paragraphs": paragraphs,
            "suggestion_total": sum(p.suggestion_count for p in paragraphs),
            "previous": siblings.filter(order__lt=chapter.order).order_by("-order").first(),
            "next": siblings.filter(order__gt=chapter.order).order_by("order").first(),
        },
    )


def paragraph(request, version, chapter, anchor):
    # Removed paragraphs stay reachable so their comments can still be read.
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("chapter__version", "continues__chapter__version"),
        chapter__version__slug=version,
        chapter__slug=chapter,
        anchor=anchor,
    )
    neighbours = Paragraph.objects.current().filter(chapter=paragraph.chapter)
    continues = paragraph.continues
    return render(
        request,
        "goals/text/paragraph.html",
        {
            "paragraph": paragraph,
            "chapter": paragraph.chapter,
            "goals": reading.marked_goals().filter(paragraphs=paragraph),
            "previous": neighbours.filter(order__lt=paragraph.order).order_by("-order").first(),
            "next": neighbours.filter(order__gt=paragraph.order).order_by("order").first(),
            "continues": continues,
            "continued_by": paragraph.continued_by.select_related("chapter__version"),
            "diff": reading.word_diff(continues.text, paragraph.text) if continues else "",
        },
    )
