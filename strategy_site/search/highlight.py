"""Excerpts with the words a visitor searched for in <mark>, the same on every database.

A word is marked when its stem is one of the query's stems, so "Schulen" is
marked for a search for "Schule". Everything else is escaped.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .words import stem

WORD = re.compile(r"\w+", re.UNICODE)
EXCERPT = 260  # characters
LEAD = 70  # characters shown before the first hit


def marked(text: str, stems: set[str]) -> SafeString:
    """The whole text, escaped, with matching words in <mark>."""
    out, last = [], 0
    for match in WORD.finditer(text):
        if stem(match.group()) in stems:
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def excerpt(text: str, stems: set[str]) -> SafeString:
    """About EXCERPT characters around the first hit (or the start), cut at word ends."""
    first = next(
        (m.start() for m in WORD.finditer(text) if stem(m.group()) in stems),
        0,
    )
    start = max(first - LEAD, 0)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + EXCERPT
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    piece = marked(text[start:end], stems)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(text) else ""))
