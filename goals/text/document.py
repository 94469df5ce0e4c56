"""Reading a whole strategy text from a Word (.docx) or Markdown file into chapters.

Nothing here touches the database: the result is a Draft the admin previews and
goals/text/importing.py stores.

- Headings of level 1 become chapters, level 2 their subchapters (the model holds one
  level of nesting, Chapter.parent); deeper headings become the next paragraph's
  heading, as "## Überschrift" does in the paste format.
- A heading that starts with a number ("2.1 Digitale Verwaltung") keeps it; others are
  numbered by position (2, 2.1, ...).
- Paragraphs become paragraphs, a list becomes one paragraph holding the list.
- Tables, images, a table of contents, empty headings and text before the first
  heading are not taken over; each gives a warning in the preview.

Word files are read with python-docx: it gives every body element in document order
with its style, outline level and numbering, which is all the structure needed; layout
is ignored. Text is escaped, since a paragraph's text is stored as HTML.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.text import Truncator, slugify

from .split import Block

TITLE_LENGTH = 300  # Chapter.title
NUMBER_LENGTH = 10  # Chapter.number
_NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})\.?\s+(\S.*)$")


def goal_pattern(word: str) -> re.Pattern:
    """ "Ziel 12", "Ziel Nr. 12" or "Ziele 12" with the editor's word; only the word is
    configurable (escaped), so no pattern an editor types can keep the server busy."""
    return re.compile(rf"\b{re.escape(word)}e?\s+(?:Nr\.\s*)?(\d{{1,3}})\b", re.IGNORECASE)


@dataclass
class DraftChapter:
    level: int
    number: str
    title: str
    blocks: list = field(default_factory=list)
    # one list of goal numbers per block
    marks: list = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.number.replace(".", "-"))

    @property
    def goal_numbers(self) -> list[int]:
        return sorted({n for found in self.marks for n in found})


@dataclass
class Draft:
    chapters: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)


class _Builder:
    """Collects headings and blocks in order; numbers chapters; finds goal references."""

    def __init__(self, pattern: re.Pattern):
        self.draft = Draft()
        self.pattern = pattern
        self.counters = [0, 0]
        self.heading = ""  # a deeper heading waiting for the next paragraph
        self.skipped_before_first = 0

    @property
    def current(self):
        return self.draft.chapters[-1] if self.draft.chapters else None

    def where(self) -> str:
        chapter = self.current
        if chapter is None:
            return "vor der ersten Überschrift"
        return f"in Kapitel {chapter.number} nach Absatz {len(chapter.blocks)}"

    def warn(self, text: str) -> None:
        self.draft.warnings.append(text)

    def add_heading(self, level: int, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            self.warn(f"Leere Überschrift (Ebene {level}) {self.where()} übersprungen.")
            return
        if level >= 3:
            self.heading = text
            return
        if level == 2 and self.current is None:
            level = 1
        match = _NUMBERED.match(text)
        if level == 1:
            self.counters = [self.counters[0] + 1, 0]
            number = f"{self.counters[0]}"
        else:
            self.counters[1] += 1
            number = f"{self.counters[0]}.{self.counters[1]}"
        if match:
            number, text = match.group(1), match.group(2)
        if len(text) > TITLE_LENGTH:
            self.warn(f"Die Überschrift „{Truncator(text).chars(60)}“ wurde gekürzt.")
            text = Truncator(text).chars(TITLE_LENGTH)
        if len(number) > NUMBER_LENGTH:
            self.draft.errors.append(f"Die Kapitelnummer „{number}“ ist zu lang.")
        self.heading = ""
        self.draft.chapters.append(DraftChapter(level=level, number=number, title=text))

    def add_block(self, html: str, plain: str) -> None:
        if not plain.strip():
            return
        if self.current is None:
            self.skipped_before_first += 1
            return
        self.current.blocks.append(Block(text=html, heading=self.heading))
        self.current.marks.append(sorted({int(n) for n in self.pattern.findall(plain)}))
        self.heading = ""

    def finish(self) -> Draft:
        draft = self.draft
        if self.skipped_before_first:
            n = self.skipped_before_first
            draft.warnings.insert(
                0,
                f"{n} Absatz vor der ersten Überschrift nicht übernommen (z. B. Titelblatt)."
                if n == 1
                else f"{n} Absätze vor der ersten Überschrift nicht übernommen (z. B. Titelblatt).",
            )
        if not draft.chapters:
            draft.errors.append(
                "Die Datei enthält keine Überschriften. Kapitel entstehen aus Überschriften "
                "(in Word die Formatvorlagen „Überschrift 1“ und „Überschrift 2“, in Markdown "
                "„#“ und „##“)."
            )
        seen = set()
        for chapter in draft.chapters:
            if chapter.slug in seen:
                draft.errors.append(
                    f"Die Kapitelnummer „{chapter.number}“ kommt mehrmals vor; bitte "
                    "nummerieren Sie die Überschriften eindeutig."
                )
            seen.add(chapter.slug)
        return draft


def _list_html(items: list[str], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


# --- Markdown -----------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$")


def read_markdown(text: str, goal_word: str = "Ziel") -> Draft:
    """Headings, paragraphs (blank lines between) and lists; inline text is kept as in
    the paste format."""
    builder = _Builder(goal_pattern(goal_word))
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False

    def flush():
        nonlocal paragraph, items
        if paragraph:
            joined = " ".join(paragraph)
            builder.add_block(joined, joined)
        if items:
            builder.add_block(_list_html(items, ordered), " ".join(items))
        paragraph, items = [], []

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        heading = _MD_HEADING.match(line)
        item = _MD_ITEM.match(raw)
        if not line:
            flush()
        elif heading:
            flush()
            builder.add_heading(len(heading.group(1)), heading.group(2) or "")
        elif line.startswith("|"):
            flush()
            if not builder.draft.warnings or "Tabelle" not in builder.draft.warnings[-1]:
                builder.warn(f"Tabelle {builder.where()} nicht übernommen.")
        elif line.startswith("!["):
            flush()
            builder.warn(f"Bild {builder.where()} nicht übernommen.")
        elif item:
            if paragraph:
                flush()
            if not items:
                ordered = item.group(2) is not None
            items.append(item.group(3).strip())
        elif items and raw[:1].isspace():
            items[-1] += " " + line
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return builder.finish()


# --- Word ---------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift)\s*([1-9])$", re.IGNORECASE)


def _outline_level(paragraph) -> int | None:
    """1-based heading level from the style name or an outline level (own or style's)."""
    style = paragraph.style
    seen = 0
    while style is not None and seen < 5:
        match = _HEADING_STYLE.match(style.name or "")
        if match:
            return int(match.group(1))
        if style.name and style.name.lower() == "title":
            return 0
        levels = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        if levels and levels[0].isdigit() and int(levels[0]) < 9:
            return int(levels[0]) + 1
        style, seen = style.base_style, seen + 1
    own = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if own and own[0].isdigit() and int(own[0]) < 9:
        return int(own[0]) + 1
    return None


def _list_kind(paragraph, numbering) -> str | None:
    """ "ol", "ul" or None: numbered in the paragraph, through its style, or a list style."""
    num_ids = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    style = paragraph.style
    if not num_ids and style is not None:
        num_ids = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    name = (style.name if style is not None else "") or ""
    if not num_ids:
        if name.lower().startswith("list"):
            return "ol" if "number" in name.lower() else "ul"
        return None
    if num_ids[0] == "0":
        return None  # numbering switched off
    formats = []
    if numbering is not None:
        abstract = numbering.xpath(f'./w:num[@w:numId="{int(num_ids[0])}"]/w:abstractNumId/@w:val')
        if abstract:
            formats = numbering.xpath(
                f'./w:abstractNum[@w:abstractNumId="{int(abstract[0])}"]/w:lvl/w:numFmt/@w:val'
            )
    if formats:
        return "ul" if formats[0] == "bullet" else "ol"
    return "ol" if "number" in name.lower() else "ul"


def read_docx(stream, goal_word: str = "Ziel") -> Draft:
    import docx
    from docx.text.paragraph import Paragraph as WordParagraph

    document = docx.Document(stream)
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    builder = _Builder(goal_pattern(goal_word))
    items: list[str] = []
    ordered = False
    # python-docx looks a paragraph's style up among all styles each time it is asked
    # (seconds for a long document); a document has few styles, so ask once per style.
    levels, kinds = {}, {}

    def flush():
        nonlocal items
        if items:
            builder.add_block(_list_html(items, ordered), " ".join(items))
        items = []

    def style_key(element):
        ids = element.xpath("./w:pPr/w:pStyle/@w:val")
        own = element.xpath("./w:pPr/w:outlineLvl/@w:val | ./w:pPr/w:numPr/w:numId/@w:val")
        return (ids[0] if ids else "", tuple(own))

    def visit(element):
        nonlocal ordered
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            flush()
            builder.warn(f"Tabelle {builder.where()} nicht übernommen.")
            return
        if tag == "sdt":
            flush()
            if element.xpath(".//w:docPartGallery[@w:val='Table of Contents']"):
                builder.warn("Inhaltsverzeichnis nicht übernommen (es entsteht aus den Kapiteln).")
                return
            for child in element.xpath("./w:sdtContent/*"):
                visit(child)
            return
        if tag != "p":
            return
        paragraph = WordParagraph(element, document._body)
        if element.xpath(".//w:drawing | .//w:pict"):
            flush()
            builder.warn(f"Bild {builder.where()} nicht übernommen.")
        text = " ".join(paragraph.text.split())
        key = style_key(element)
        if key not in levels:
            levels[key] = _outline_level(paragraph)
        level = levels[key]
        if level == 0:
            flush()
            if text:
                builder.warn(f"Dokumenttitel „{Truncator(text).chars(60)}“ nicht übernommen.")
            return
        if level is not None:
            flush()
            builder.add_heading(level, text)
            return
        if key not in kinds:
            kinds[key] = _list_kind(paragraph, numbering)
        kind = kinds[key]
        if kind and text:
            if items and ordered != (kind == "ol"):
                flush()
            if not items:
                ordered = kind == "ol"
            items.append(text)
            return
        flush()
        builder.add_block(escape(text), text)

    for element in document.element.body.iterchildren():
        visit(element)
    flush()
    return builder.finish()
