"""Store an imported strategy text (goals/text/document.py) in a version, in place.

A chapter of the file updates the version's chapter with the same number;
its paragraphs are paired with the stored ones by the same alignment as a pasted edit
(goals/text/split.py), so every paragraph that is still recognisably the same keeps
its anchor, comments, suggestions and links. Stored paragraphs that no new one
continues go; those with contributions stay, marked removed (the preview lists them,
confirming the import is the editor's consent). Chapters of the version that the file
does not have are left as they are. Goal references become marks (added, never taken
away, so marks set by hand stay).
"""

from dataclasses import dataclass, field

from django.db import transaction

from ..models import Chapter, Goal
from . import editing
from .split import match


@dataclass
class ChapterPreview:
    draft: object
    existing: object  # the stored chapter, or None
    kept: int = 0
    new: int = 0
    removed: list = field(default_factory=list)  # (paragraph, "1 Kommentar") with contributions
    dropped: int = 0  # removed without contributions
    goals: list = field(default_factory=list)  # (number, goal or None)


@dataclass
class Preview:
    chapters: list
    warnings: list
    errors: list
    untouched: list  # stored chapters the file does not name

    @property
    def paragraph_count(self) -> int:
        return sum(len(c.draft.blocks) for c in self.chapters)


def _stored(chapters) -> dict:
    """The version's chapters by number, and by slug for those whose number changed form
    ("2.1" vs "2-1"); a chapter typed in by hand may have any slug."""
    found = {}
    for chapter in chapters:
        found.setdefault(("slug", chapter.slug), chapter)
        found.setdefault(("number", chapter.number), chapter)
    return found


def _find(stored: dict, item):
    return stored.get(("number", item.number)) or stored.get(("slug", item.slug))


def preview(version, draft) -> Preview:
    stored = _stored(Chapter.objects.filter(version=version))
    goals = {g.number: g for g in Goal.objects.filter(version=version)}
    chapters, warnings = [], list(draft.warnings)
    for item in draft.chapters:
        row = ChapterPreview(draft=item, existing=_find(stored, item))
        if row.existing is not None:
            plan = match(row.existing.paragraphs.current().order_by("order", "pk"), item.blocks)
            row.kept = sum(1 for _, p in plan.rows if p is not None)
            described = editing.describe_removed(plan.removed)
            row.removed = [(p, described[p.pk]) for p in plan.removed if p.pk in described]
            row.dropped = len(plan.removed) - len(row.removed)
        row.new = len(item.blocks) - row.kept
        row.goals = [(n, goals.get(n)) for n in item.goal_numbers]
        for number, goal in row.goals:
            if goal is None:
                warnings.append(
                    f"Kapitel {item.number}: Ziel {number} gibt es in dieser Fassung nicht; "
                    "der Verweis wird nicht markiert."
                )
        chapters.append(row)
    named = {row.existing.pk for row in chapters if row.existing is not None}
    untouched = [
        c for c in Chapter.objects.filter(version=version).order_by("order") if c.pk not in named
    ]
    return Preview(chapters, warnings, list(draft.errors), untouched)


@transaction.atomic
def store(version, draft) -> dict:
    """Write the draft; all or nothing. Returns counts for the editor's message."""
    if draft.errors:
        raise ValueError("A draft with errors cannot be stored.")
    stored = _stored(Chapter.objects.select_for_update().filter(version=version))
    goals = {g.number: g for g in Goal.objects.filter(version=version)}
    counts = {"chapters": 0, "created": 0, "paragraphs": 0, "kept": 0, "marks": 0}
    parent = None
    for order, item in enumerate(draft.chapters, start=1):
        chapter = _find(stored, item) or Chapter(version=version, slug=item.slug)
        counts["created"] += chapter.pk is None
        chapter.number, chapter.title, chapter.order = item.number, item.title, order
        chapter.parent = parent if item.level == 2 else None
        chapter.save()
        if item.level == 1:
            parent = chapter
        plan = editing.store(
            chapter, match(chapter.paragraphs.current().order_by("order", "pk"), item.blocks)
        )
        counts["chapters"] += 1
        counts["paragraphs"] += len(plan.saved)
        counts["kept"] += sum(1 for _, p in plan.rows if p is not None)
        for paragraph, numbers in zip(plan.saved, item.marks, strict=True):
            found = [goals[n] for n in numbers if n in goals]
            if found:
                paragraph.goals.add(*found)
                counts["marks"] += len(found)
    return counts
