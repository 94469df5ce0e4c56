"""How staff read a goal, a chapter or a paragraph: one label per kind, with its version.

Both versions have a "Ziel 1" and a "Kapitel 2", so every label that staff see in a
picker, a list, a moderation queue, an export or a mail starts with the version's short
name: "2.0 · Ziel 21: Das digitale Gewerbeamt …", "2.0 · Kapitel 2 Digitale Verwaltung ·
Absatz 1: „Die Landesregierung …“". The models' __str__ use these, so Django's own
pickers, autocomplete answers and admin lists show them without code of their own.

Callers that list many objects select the version along (`select_related`), otherwise each
label costs a query.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

SEPARATOR = " · "
GOAL_TITLE_WORDS = 12
PARAGRAPH_QUOTE_WORDS = 6


def version_short(version) -> str:
    """The name staff say: "2.0" for "Digitalstrategie.NRW 2.0", "2019", "2018".

    The last word of the title when it holds a digit (titles end in their number or
    year), else the year.
    """
    last = version.title.rsplit(maxsplit=1)[-1] if version.title else ""
    return last if re.search(r"\d", last) else str(version.year)


def goal_label(goal) -> str:
    title = Truncator(goal.title).words(GOAL_TITLE_WORDS, truncate=" …")
    return f"{version_short(goal.version)}{SEPARATOR}Ziel {goal.number}: {title}"


def public_goal_label(goal) -> str:
    """For readers, who know the versions by their full title."""
    return f"Ziel {goal.number}: {goal.title} ({goal.version.title})"


def chapter_label(chapter) -> str:
    return f"{version_short(chapter.version)}{SEPARATOR}Kapitel {chapter.number} {chapter.title}"


def paragraph_place(paragraph) -> str:
    """Version, chapter and paragraph number, without the quote (for columns beside the text)."""
    removed = " (entfernt)" if paragraph.removed else ""
    return f"{chapter_label(paragraph.chapter)}{SEPARATOR}Absatz {paragraph.order}{removed}"


def paragraph_quote(paragraph) -> str:
    text = " ".join(html.unescape(strip_tags(paragraph.heading or paragraph.text)).split())
    return Truncator(text).words(PARAGRAPH_QUOTE_WORDS, truncate=" …")


def paragraph_label(paragraph) -> str:
    return f"{paragraph_place(paragraph)}: „{paragraph_quote(paragraph)}“"


def find_goal_number(term: str) -> int | None:
    """The goal number a search means: "21", "Ziel 21", "ziel21", "Nr. 21"; else None."""
    match = re.fullmatch(r"\s*(?:ziel|nr\.?)?\s*(\d{1,4})\s*", term, flags=re.IGNORECASE)
    return int(match.group(1)) if match else None
