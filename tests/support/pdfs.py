"""Real PDFs for upload tests (downloads, statements)."""

import io
import os

from pypdf import PdfWriter


def make_pdf(pages=1, padding=0, password=None) -> bytes:
    """A real PDF written by pypdf: blank A4 pages, optionally padded with an attachment."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if padding:
        # Random bytes do not compress, so the file grows by about `padding`.
        writer.add_attachment("fuellung.bin", os.urandom(padding))
    if password:
        # RC4 needs no extra crypto library; any encryption must be refused.
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf_of_size(pages, target) -> bytes:
    """A real PDF of `pages` pages and close to `target` bytes (within a few hundred)."""
    base = len(make_pdf(pages))
    data = make_pdf(pages, padding=target - base)
    return make_pdf(pages, padding=target - base - (len(data) - target))
