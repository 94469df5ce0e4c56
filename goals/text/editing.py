"""Store a pasted chapter: the write side of goals.text.split."""

from django.db import transaction

from dialog.comments.counts import annotate_comment_counts

from .models import Paragraph
from .split import Plan, match, parse


def plan_for(chapter, source: str) -> Plan:
    return match(chapter.paragraphs.current().order_by("order", "pk"), parse(source))


def comment_counts(paragraphs) -> dict:
    pks = [p.pk for p in paragraphs]
    rows = annotate_comment_counts(Paragraph.objects.filter(pk__in=pks))
    return {p.pk: p.comment_count for p in rows}


@transaction.atomic
def apply(chapter, source: str) -> Plan:
    """Rewrite the chapter's paragraphs; removed ones with comments stay, marked removed."""
    plan = plan_for(chapter, source)
    for order, (block, paragraph) in enumerate(plan.rows, start=1):
        if paragraph is None:
            paragraph = Paragraph(chapter=chapter)
        paragraph.order, paragraph.text, paragraph.heading = order, block.text, block.heading
        paragraph.save()
    counts = comment_counts(plan.removed)
    for paragraph in plan.removed:
        if counts.get(paragraph.pk):
            paragraph.removed = True
            paragraph.save(update_fields=["removed"])
        else:
            paragraph.delete()
    return plan
