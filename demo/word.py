"""Word files made by code, for the tests and the import benchmark (never served).

`document(parts)` writes the parts in order with Word's own styles (python-docx's
default template: "Heading 1", "List Bullet", ...), so the importer reads them as it
reads a file saved by Word. `strategy_document(pages)` makes a long strategy text.
"""

import io

import docx
from PIL import Image

WORDS = [
    "Die",
    "Landesregierung",
    "stärkt",
    "die",
    "digitale",
    "Verwaltung",
    "mit",
    "offenen",
    "Standards,",
    "sicheren",
    "Netzen",
    "und",
    "Angeboten",
    "für",
    "Bürgerinnen,",
    "Bürger",
    "und",
    "Unternehmen",
    "in",
    "allen",
    "Regionen",
    "des",
    "Landes;",
    "Kommunen",
    "erhalten",
    "Beratung,",
    "Förderung",
    "und",
    "gemeinsame",
    "Plattformen",
]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(out, "PNG")
    return out.getvalue()


def document(parts) -> bytes:
    """parts: ("title"|"h1"|"h2"|"h3"|"p", text), ("bullets"|"numbers", [items]),
    ("table", [[cells]]), ("image", None)."""
    doc = docx.Document()
    for kind, value in parts:
        if kind == "title":
            doc.add_heading(value, 0)
        elif kind in ("h1", "h2", "h3"):
            doc.add_heading(value, int(kind[1]))
        elif kind == "p":
            doc.add_paragraph(value)
        elif kind in ("bullets", "numbers"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in value:
                doc.add_paragraph(item, style=style)
        elif kind == "table":
            table = doc.add_table(rows=len(value), cols=len(value[0]))
            for row, cells in zip(table.rows, value, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        elif kind == "image":
            doc.add_picture(io.BytesIO(_png()))
        else:
            raise ValueError(kind)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def sentence(n: int, length: int = 110) -> str:
    words = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + f" (Ziel {n % 78 + 1})."


def strategy_parts(pages: int = 100, typo: bool = False) -> list:
    """About 500 words a page: per page one subchapter heading every other page, four
    paragraphs of 110 words and a short list. With typo, every tenth paragraph has one
    word changed (a corrected file)."""
    parts = [("title", "Digitalstrategie.NRW – Beispiel")]
    n = 0
    for page in range(pages):
        if page % 10 == 0:
            parts.append(("h1", f"Handlungsfeld {page // 10 + 1}"))
        if page % 2 == 0:
            parts.append(("h2", f"Thema {page + 1}"))
        for _ in range(4):
            n += 1
            text = sentence(n)
            if typo and n % 10 == 0:
                text = text.replace("Landes", "Bundeslandes", 1)
            parts.append(("p", text))
        parts.append(("bullets", [f"Maßnahme {page}.{i}: {sentence(n + i, 12)}" for i in range(3)]))
    return parts


def strategy_document(pages: int = 100, typo: bool = False) -> bytes:
    return document(strategy_parts(pages, typo))
