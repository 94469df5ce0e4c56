"""Finding English or informal ("du") text on a page staff read.

A word list, not a language detector: the words are the ones Django and the
installed packages print in their untranslated or informal strings (app names,
buttons, import/export hints). Content words a German text may borrow from
English ("Online", "Link", "Feed", "Blog", "Format", "Filter", "Status",
"Download") are deliberately absent, so demo content cannot trip the check.
"""

import re

ENGLISH = re.compile(
    r"\b(the|and|your|you|please|select|selecting|choose|add|change|delete|save|remove|"
    r"show|search|history|view|action|yes|no|unknown|today|none|comments?|flags?|xtd|"
    r"django_comments|flat\s+pages|user|submit|entries|import\s+finished|export\s+format|hold down)\b",
    re.IGNORECASE,
)
# Informal address: pronouns and the imperatives the packages' German catalogues use.
INFORMAL = re.compile(
    r"\b(du|dein|deine|deiner|deinen|deinem|dich|dir|korrigiere|wähle|stelle sicher|lade)\b",
    re.IGNORECASE,
)
TAGS = re.compile(r"<(script|style|textarea|select)\b.*?</\1>|<[^>]+>", re.S | re.IGNORECASE)
ATTRIBUTES = re.compile(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"')


def readable_text(html: str) -> str:
    """What staff read: visible text and the attributes that are announced or shown."""
    shown = " ".join(ATTRIBUTES.findall(html))
    text = TAGS.sub(" ", html)
    return re.sub(r"\s+", " ", f"{text} {shown}")


def foreign_words(html: str) -> set[str]:
    text = readable_text(html)
    return {m.group(0) for m in ENGLISH.finditer(text)} | {
        m.group(0) for m in INFORMAL.finditer(text)
    }
