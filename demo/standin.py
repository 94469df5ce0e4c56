"""Small, valid PDFs written by hand, standing in for the real strategy documents.

The demo cannot ship the ministry's documents, so it generates placeholders
that say what they stand for. Plain PDF 1.4 with the standard Helvetica font
(no embedding needed) in WinAnsiEncoding, which covers German umlauts.
"""

import textwrap

LINE_WIDTH = 78  # characters of 11 pt Helvetica on an A4 page with margins
A4 = (595, 842)


def _literal(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _text_string(text: str) -> bytes:
    # Metadata strings in UTF-16 with byte order mark, as the PDF spec allows.
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _page_stream(lines: list[tuple[str, int, bool]]) -> bytes:
    """Lines of (text, size, bold) from the top of the page down."""
    out = [b"BT", b"72 770 Td"]
    for text, size, bold in lines:
        font = b"/F2" if bold else b"/F1"
        out.append(font + b" %d Tf" % size)
        out.append(_literal(text) + b" Tj")
        out.append(b"0 -%d Td" % round(size * 1.5))
    out.append(b"ET")
    return b"\n".join(out)


def stand_in_pdf(title: str, paragraphs: list[str], pages: int = 1) -> bytes:
    """A PDF of `pages` A4 pages: the title and paragraphs on the first, a note on the rest."""
    first = [(title, 20, True), ("", 11, False)]
    for paragraph in paragraphs:
        first += [(line, 11, False) for line in textwrap.wrap(paragraph, LINE_WIDTH)]
        first.append(("", 11, False))
    streams = [_page_stream(first)]
    for number in range(2, pages + 1):
        streams.append(
            _page_stream(
                [
                    (title, 14, True),
                    (f"Seite {number} von {pages}: Platzhalterseite ohne Inhalt.", 11, False),
                ]
            )
        )

    # Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then page + content pairs.
    objects: list[bytes] = [b""] * (5 + 2 * pages)
    page_refs = [6 + 2 * i for i in range(pages)]
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) >>"
    kids = b" ".join(b"%d 0 R" % ref for ref in page_refs)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    for index, font in ((2, b"Helvetica"), (3, b"Helvetica-Bold")):
        objects[index] = (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font
        )
    objects[4] = b"<< /Title %s /Producer (Digitalstrategie.NRW Demo) >>" % _text_string(title)
    for ref, stream in zip(page_refs, streams, strict=True):
        objects[ref - 1] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (*A4, ref + 1)
        )
        objects[ref] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
