"""Split a pasted chapter into paragraphs and match them to the stored ones.

Paste format: blank lines separate paragraphs; a line "## Überschrift" gives the
next paragraph its heading.

Which stored paragraph a new one continues (so it keeps its anchor, comments,
suggestions and links) is decided by this rule, documented in docs/architecture.md:

- Similarity is difflib's ratio over the paragraphs' words (letters and digits,
  lower case, markup and punctuation ignored): 2 x words in common, in order, divided
  by all words of both. A typo fix or a changed number in a sentence of ten words
  gives 0.9, a sentence reworded around its key words about 0.5 to 0.7, an unrelated
  paragraph of the same chapter mostly below 0.3.
- Two paragraphs can be the same one from SIMILARITY on.
- The pairing is an alignment, not a greedy best match: pairs keep the text's order
  (no two pairs cross), and among those pairings the one with the greatest sum of
  similarities wins. A paragraph moved elsewhere therefore counts as removed and new;
  the editor can pair it by hand in the admin's preview (goals/text/admin.py).
"""

import difflib
import html
import re
from dataclasses import dataclass, field

# Chosen on the examples above: a reworded one-sentence paragraph keeps its identity,
# two different sentences that share a few words ("Die Landesregierung ... digital")
# do not.
SIMILARITY = 0.5
# Above this many pairs to compare (a chapter of 300 paragraphs pasted over one of
# 300), only pairs near the diagonal are compared, so a save stays well below a second.
MAX_PAIRS = 40_000
BAND = 60

_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*$")


@dataclass
class Block:
    text: str
    heading: str = ""


def parse(source: str) -> list[Block]:
    blocks: list[Block] = []
    heading = ""
    for chunk in re.split(r"\n\s*\n", source.replace("\r\n", "\n")):
        lines = [line for line in chunk.strip().split("\n") if line.strip()]
        body = []
        for line in lines:
            match = _HEADING.match(line.strip())
            if match:
                heading = match.group(1)
            else:
                body.append(line.strip())
        if body:
            blocks.append(Block(text=" ".join(body), heading=heading))
            heading = ""
    return blocks


@dataclass
class Plan:
    # (block, existing paragraph or None), in the new order
    rows: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    # {new index: similarity} of each paired row
    similarity: dict = field(default_factory=dict)
    # the stored paragraphs in the new order, once goals.text.editing.store() wrote them
    saved: list = field(default_factory=list)

    def removed_with_comments(self, counts: dict) -> list:
        return [p for p in self.removed if counts.get(p.pk, 0)]


_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)).lower())


def similarity(a: str, b: str) -> float:
    return ratio(words(a), words(b))


def ratio(a: list[str], b: list[str]) -> float:
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
        return 0.0
    return matcher.ratio()


def align(old: list[list[str]], new: list[list[str]]) -> dict[int, tuple[int, float]]:
    """{new index: (old index, similarity)}: the order-keeping pairing with the greatest
    sum of similarities at or above SIMILARITY (a weighted longest common subsequence)."""
    n, m = len(old), len(new)
    banded = n * m > MAX_PAIRS

    def score(i, j):
        if banded and abs(i * m / max(n, 1) - j) > BAND and old[i] != new[j]:
            return 0.0
        value = ratio(old[i], new[j])
        return value if value >= SIMILARITY else 0.0

    scores = [[score(i, j) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            paired = below[j + 1] + scores[i][j] if scores[i][j] else 0.0
            row[j] = max(below[j], row[j + 1], paired)
    pairs = {}
    i = j = 0
    while i < n and j < m:
        if scores[i][j] and best[i][j] == best[i + 1][j + 1] + scores[i][j]:
            pairs[j] = (i, scores[i][j])
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def match(existing, blocks: list[Block], chosen: dict | None = None) -> Plan:
    """Pair each new block with at most one stored paragraph.

    `chosen` ({new index: stored paragraph's pk or None}) is the editor's own pairing
    from the preview; it replaces the alignment for every index it names.
    """
    existing = list(existing)
    if chosen is None:
        pairs = align([words(p.text) for p in existing], [words(b.text) for b in blocks])
    else:
        index = {p.pk: i for i, p in enumerate(existing)}
        pairs = {
            j: (index[pk], similarity(existing[index[pk]].text, blocks[j].text))
            for j, pk in chosen.items()
            if pk in index and j < len(blocks)
        }
    plan = Plan()
    for j, block in enumerate(blocks):
        if j in pairs:
            i, value = pairs[j]
            plan.rows.append((block, existing[i]))
            plan.similarity[j] = value
        else:
            plan.rows.append((block, None))
    used = {i for i, _ in pairs.values()}
    plan.removed = [p for i, p in enumerate(existing) if i not in used]
    return plan
