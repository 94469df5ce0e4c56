"""The editor's view of how an edited chapter's paragraphs pair with the stored ones.

The chapter form shows one row per new paragraph: its start, a choice of the stored
paragraph it continues (preset by the alignment of goals/text/split.py), their
similarity and the word difference. A plain <select> per row, so it works without
JavaScript. The rows belong to the text they were computed for (a hash travels with
them); choices sent for another text are ignored, not misapplied.
"""

import hashlib

from django import forms
from django.template.loader import render_to_string
from django.utils.text import Truncator

from . import difference
from .reading import plain_text
from .split import words

PREFIX = "pairing"


def text_key(source: str) -> str:
    return hashlib.sha256(source.replace("\r\n", "\n").strip().encode()).hexdigest()[:16]


def percent(value: float) -> str:
    return f"{round(value * 100)} %"


def start_of(text: str) -> str:
    return Truncator(" ".join(words_as_read(text))).words(10)


def words_as_read(text: str) -> list[str]:
    return plain_text(text).split()


class PairingWidget(forms.Widget):
    """Renders the plan the form put on it; reads back {new index: pk or None} and the key."""

    plan = None
    stored = ()
    key = ""

    def id_for_label(self, id_):
        return ""  # one label per select inside the table; the field's own label has no target

    def value_from_datadict(self, data, files, name):
        chosen = {}
        for field_name, value in data.items():
            head, _, index = field_name.partition("-")
            if head == PREFIX and index.isdigit():
                chosen[int(index)] = int(value) if value.isdigit() else None
        return {"key": data.get(f"{PREFIX}_key", ""), "chosen": chosen}

    def render(self, name, value, attrs=None, renderer=None):
        if self.plan is None:
            return render_to_string("admin/goals/chapter/pairing.html", {"plan": None})
        rows = []
        for index, (block, paragraph) in enumerate(self.plan.rows):
            row = {
                "index": index,
                "start": start_of(block.text),
                "paragraph": paragraph,
                "similarity": percent(self.plan.similarity.get(index, 0)) if paragraph else "",
                "options": [
                    (p.pk, f"Absatz {p.order}: „{start_of(p.text)}“", p == paragraph)
                    for p in self.stored
                ],
            }
            if paragraph is not None and words(paragraph.text) != words(block.text):
                found = difference.pieces(
                    " ".join(words_as_read(paragraph.text)), " ".join(words_as_read(block.text))
                )
                row["difference"] = difference.as_html(found)
            rows.append(row)
        removed = [(p, start_of(p.text)) for p in self.plan.removed]
        return render_to_string(
            "admin/goals/chapter/pairing.html",
            {
                "plan": self.plan,
                "rows": rows,
                "removed": removed,
                "key": self.key,
                "prefix": PREFIX,
            },
        )


class PairingField(forms.Field):
    widget = PairingWidget

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return value or {"key": "", "chosen": {}}


def chosen_pairing(value: dict, source: str, stored) -> tuple[dict | None, str]:
    """The editor's pairing for this text, or None (then the alignment decides); and an
    error sentence when it pairs one stored paragraph twice or names a foreign one."""
    if not value["chosen"] or value["key"] != text_key(source):
        return None, ""
    by_pk = {p.pk: p for p in stored}
    seen = {}
    for index, pk in sorted(value["chosen"].items()):
        if pk is None:
            continue
        if pk not in by_pk:
            return None, "Die Zuordnung nennt einen Absatz, den es in diesem Kapitel nicht gibt."
        if pk in seen:
            return None, (
                f"Der bisherige Absatz {by_pk[pk].order} ist den neuen Absätzen {seen[pk] + 1} "
                f"und {index + 1} zugeordnet; jeder kann nur einen fortsetzen."
            )
        seen[pk] = index
    return value["chosen"], ""
