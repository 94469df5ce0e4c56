"""Everything that makes a paragraph commentable, in one place.

Called from GoalsConfig.ready(). Paragraph threads follow the same phase rule as
goal threads: open exactly while a phase covering the paragraph's version runs.
"""

from django.db.models import Value
from django.db.models.functions import Concat

from dialog.comments.commentable import ExportScope
from dialog.registration import make_commentable


def describe(paragraph) -> dict:
    chapter = paragraph.chapter
    return {
        "version": chapter.version.title,
        "chapter": f"{chapter.number} {chapter.title}",
        "paragraph": str(paragraph.order) + (" (entfernt)" if paragraph.removed else ""),
    }


def export_scopes():
    from ..models import Chapter, Paragraph

    for chapter in Chapter.objects.select_related("version").order_by("-version__year", "order"):
        yield ExportScope(
            f"kapitel-{chapter.pk}",
            f"{chapter.version.title}: Kapitel {chapter}",
            "Kapitel des Strategietexts",
            Paragraph.objects.filter(chapter=chapter),
        )


def paragraph_phases(paragraph):
    return paragraph.chapter.version.phases.all()


def connect() -> None:
    from ..models import Paragraph

    make_commentable(
        Paragraph,
        describe=describe,
        export_scopes=export_scopes,
        prepare_export=lambda qs: qs.select_related("chapter__version"),
        phases_of=paragraph_phases,
        objects_of=lambda phase: Paragraph.objects.filter(chapter__version__phases=phase),
        group=Concat("chapter__number", Value(" "), "chapter__title"),
        group_name="Kapitel",
        order="chapter__order",
    )
