"""Store a pasted chapter: the write side of goals.text.split."""

from django.db import transaction
from django.db.models import Count

from dialog.comments.counts import annotate_comment_counts

from .models import Paragraph
from .split import Plan, match, parse


def plan_for(chapter, source: str, chosen: dict | None = None) -> Plan:
    return match(chapter.paragraphs.current().order_by("order", "pk"), parse(source), chosen)


def comment_counts(paragraphs) -> dict:
    pks = [p.pk for p in paragraphs]
    rows = annotate_comment_counts(Paragraph.objects.filter(pk__in=pks))
    return {p.pk: p.comment_count for p in rows}


def suggestion_counts(paragraphs) -> dict:
    """Wording suggestions on each paragraph, in any state: a paragraph that has them stays
    (marked removed) so they keep the wording they were made on."""
    pks = [p.pk for p in paragraphs]
    rows = Paragraph.objects.filter(pk__in=pks).annotate(n=Count("suggestions"))
    return {p.pk: p.n for p in rows}


def describe_removed(paragraphs) -> dict:
    """{pk: "1 Kommentar, 2 Formulierungsvorschläge"} for paragraphs with contributions."""
    comments, suggestions = comment_counts(paragraphs), suggestion_counts(paragraphs)
    described = {}
    for paragraph in paragraphs:
        parts = []
        if n := comments.get(paragraph.pk, 0):
            parts.append(f"{n} Kommentar{'' if n == 1 else 'e'}")
        if n := suggestions.get(paragraph.pk, 0):
            parts.append(f"{n} Formulierungsvorschl{'ag' if n == 1 else 'äge'}")
        if parts:
            described[paragraph.pk] = ", ".join(parts)
    return described


@transaction.atomic
def apply(chapter, source: str, chosen: dict | None = None) -> Plan:
    """Rewrite the chapter's paragraphs; removed ones with comments stay, marked removed."""
    return store(chapter, plan_for(chapter, source, chosen))


def store(chapter, plan: Plan) -> Plan:
    """Write a plan (call inside a transaction); plan.saved lists the paragraphs in order."""
    plan.saved = []
    for order, (block, paragraph) in enumerate(plan.rows, start=1):
        if paragraph is None:
            paragraph = Paragraph(chapter=chapter)
        elif (paragraph.order, paragraph.text, paragraph.heading) == (
            order,
            block.text,
            block.heading,
        ):
            # Unchanged: no write, no search index update, no cache invalidation (a
            # corrected 100-page file changes a few paragraphs, not all of them).
            plan.saved.append(paragraph)
            continue
        paragraph.order, paragraph.text, paragraph.heading = order, block.text, block.heading
        paragraph.save()
        plan.saved.append(paragraph)
    kept = describe_removed(plan.removed)
    for paragraph in plan.removed:
        if paragraph.pk in kept:
            paragraph.removed = True
            paragraph.save(update_fields=["removed"])
        else:
            paragraph.delete()
    return plan
