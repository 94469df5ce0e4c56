"""What changed in a goal after it was published: title, description, target date and
ministry, dated, for its public page ("Änderungen an diesem Ziel") and its open data.

Read from the goal's revisions (common/revisions.py) in one query for any number of
goals. A goal is published when it is stored (there is no draft state), so its first
revision is the publication and each later one that changed one of these fields is a
change; saves that changed nothing of it (a re-run demo import, a new category) are none.
Who changed it is the ministry's business, not the public's: no names here.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.safestring import SafeString

from .models import Goal
from .text import reading

SHOWN = ("title", "description", "target_date", "target_is_year", "ministry")


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    # For the description: the words struck and inserted, as on the strategy's paragraphs.
    difference: SafeString | str = ""


@dataclass(frozen=True)
class GoalChange:
    day: date
    fields: list[FieldChange]

    @property
    def summary(self) -> str:
        """One line for a CSV cell: "2025-03-01: Zieltermin bis Ende 2024 → bis 30.06.2025"."""
        parts = []
        for field in self.fields:
            if field.difference:
                parts.append(f"{field.label} überarbeitet")
            else:
                parts.append(f"{field.label} {field.old} → {field.new}")
        return f"{self.day.isoformat()}: " + "; ".join(parts)


def target_text(target_date, target_is_year) -> str:
    if not target_date:
        return "ohne Termin"
    if target_is_year:
        return f"bis Ende {target_date.year}"
    return f"bis {target_date:%d.%m.%Y}"


def _fields_changed(before: dict, after: dict) -> list[FieldChange]:
    found = []
    if before["title"] != after["title"]:
        found.append(FieldChange("Titel", f"„{before['title']}“", f"„{after['title']}“"))
    if reading.plain_text(before["description"]) != reading.plain_text(after["description"]):
        found.append(
            FieldChange(
                "Beschreibung",
                reading.plain_text(before["description"]),
                reading.plain_text(after["description"]),
                reading.word_diff(before["description"], after["description"]),
            )
        )
    old_target = target_text(before["target_date"], before["target_is_year"])
    new_target = target_text(after["target_date"], after["target_is_year"])
    if old_target != new_target:
        found.append(FieldChange("Zieltermin", old_target, new_target))
    if before["ministry"] != after["ministry"]:
        found.append(
            FieldChange(
                "Zuständiges Ressort",
                before["ministry"] or "nicht genannt",
                after["ministry"] or "nicht genannt",
            )
        )
    return found


def changes_by_goal(goal_ids=None) -> dict[int, list[GoalChange]]:
    """The public changes per goal id, newest first; one query."""
    revisions = Goal.history.order_by("id", "history_date", "history_id").values(
        "id", "history_date", "history_type", *SHOWN
    )
    if goal_ids is not None:
        revisions = revisions.filter(id__in=goal_ids)
    found: dict[int, list[GoalChange]] = {}
    previous = None
    for revision in revisions:
        if revision["history_type"] == "-":
            continue
        if previous is not None and previous["id"] == revision["id"]:
            fields = _fields_changed(previous, revision)
            if fields:
                day = timezone.localdate(revision["history_date"])
                found.setdefault(revision["id"], []).append(GoalChange(day, fields))
        previous = revision
    for changes in found.values():
        changes.reverse()
    return found


def changes_of(goal) -> list[GoalChange]:
    return changes_by_goal([goal.pk]).get(goal.pk, [])
