"""A word-level difference between two plain texts that a screen reader can follow.

Texts are cut into words, single punctuation marks and runs of white space, so the pieces
put together give back each text exactly: the unchanged and deleted pieces the old text,
the unchanged and inserted pieces the new one (tests/goals/test_text_difference.py
checks that for arbitrary text). Deletions and insertions are marked up as <del> and <ins>
with a hidden "gestrichen:"/"eingefügt:" in words, so the change is not told by colour or
strike-through alone.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Every character is white space, a word character or neither: nothing falls out.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

EQUAL, DELETED, INSERTED = "equal", "deleted", "inserted"


@dataclass(frozen=True)
class Piece:
    kind: str
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


# The matcher's work grows with the product of the changed parts' lengths (and worse for
# repetitive text): above this many token pairs the changed middle is shown as replaced
# as a whole, so no text a visitor sends can keep a page busy for seconds.
MAX_WORK = 250_000


def pieces(old: str, new: str) -> list[Piece]:
    """The difference as pieces; a replaced run is its deletion, then its insertion."""
    a, b = tokens(old), tokens(new)
    # The unchanged beginning and end cost nothing to find and are most of a typical edit.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a_mid, b_mid = a[start : len(a) - end], b[start : len(b) - end]
    found = [Piece(EQUAL, "".join(a[:start]))] if start else []
    if len(a_mid) * len(b_mid) > MAX_WORK:
        found += [Piece(DELETED, "".join(a_mid)), Piece(INSERTED, "".join(b_mid))]
    else:
        matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                found.append(Piece(EQUAL, "".join(a_mid[i1:i2])))
                continue
            if op in ("delete", "replace"):
                found.append(Piece(DELETED, "".join(a_mid[i1:i2])))
            if op in ("insert", "replace"):
                found.append(Piece(INSERTED, "".join(b_mid[j1:j2])))
    if end:
        found.append(Piece(EQUAL, "".join(a[len(a) - end :])))
    return _merged([p for p in found if p.text])


def _merged(found: list[Piece]) -> list[Piece]:
    """Join changes bridged only by unchanged white space ("a b" -> "c d" is one change,
    not two), so a screen reader hears whole phrases. Each text stays exact: the bridge
    goes into both the deletion and the insertion."""
    out: list[Piece] = []
    i = 0
    while i < len(found):
        if found[i].kind == EQUAL:
            out.append(found[i])
            i += 1
            continue
        end = j = i
        while j < len(found):
            if found[j].kind != EQUAL:
                end = j = j + 1
            elif found[j].text.isspace() and j + 1 < len(found) and found[j + 1].kind != EQUAL:
                j += 1
            else:
                break
        run = found[i:end]
        deleted = "".join(p.text for p in run if p.kind != INSERTED)
        inserted = "".join(p.text for p in run if p.kind != DELETED)
        if any(p.kind == EQUAL for p in run) and deleted.strip() and inserted.strip():
            out += [Piece(DELETED, deleted), Piece(INSERTED, inserted)]
        else:
            out += run
        i = end
    return out


def as_html(found: list[Piece]) -> SafeString:
    out = []
    for piece in found:
        text = escape(piece.text)
        if piece.kind == EQUAL:
            out.append(text)
        elif piece.kind == DELETED:
            out.append(
                f'<del><span class="visually-hidden">[gestrichen: </span>{text}'
                '<span class="visually-hidden">]</span></del>'
            )
        else:
            out.append(
                f'<ins><span class="visually-hidden">[eingefügt: </span>{text}'
                '<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def counts(found: list[Piece]) -> tuple[int, int]:
    """How many words were struck and inserted, for a summary line."""
    struck = sum(len(re.findall(r"\w+", p.text)) for p in found if p.kind == DELETED)
    added = sum(len(re.findall(r"\w+", p.text)) for p in found if p.kind == INSERTED)
    return struck, added
