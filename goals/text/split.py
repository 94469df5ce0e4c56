"""Split a pasted chapter into paragraphs and match them to the stored ones.

Paste format: blank lines separate paragraphs; a line "## Überschrift" gives the
next paragraph its heading. Re-splitting keeps a stored paragraph (its anchor and
its comments) when its text is unchanged or lightly edited.
"""

import difflib
import re
from dataclasses import dataclass, field

# Light edits (typos, a changed word or two) stay well above this; a rewritten
# paragraph falls below and counts as new.
SIMILARITY = 0.6

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

    def removed_with_comments(self, counts: dict) -> list:
        return [p for p in self.removed if counts.get(p.pk, 0)]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split()).ratio()


def match(existing, blocks: list[Block]) -> Plan:
    """Pair each new block with at most one stored paragraph, best match first."""
    existing = list(existing)
    candidates = sorted(
        (
            (_ratio(p.text, b.text), -abs(i - j), i, j)
            for i, p in enumerate(existing)
            for j, b in enumerate(blocks)
        ),
        reverse=True,
    )
    paired: dict[int, int] = {}
    used: set[int] = set()
    for ratio, _, i, j in candidates:
        if ratio < SIMILARITY:
            break
        if i in used or j in paired:
            continue
        paired[j] = i
        used.add(i)
    plan = Plan()
    for j, block in enumerate(blocks):
        plan.rows.append((block, existing[paired[j]] if j in paired else None))
    plan.removed = [p for i, p in enumerate(existing) if i not in used]
    return plan
