import io
import os

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfWriter

from downloads.models import Document


@pytest.fixture
def media_root(settings):
    return settings.MEDIA_ROOT


def stored_files(media_root):
    folder = media_root / "downloads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


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


@pytest.fixture
def make_document(db):
    def make(slug="bericht", pages=1, **fields):
        pdf = fields.pop("pdf", None) or make_pdf(pages)
        defaults = {
            "title": slug.replace("-", " ").title(),
            "kind": Document.Kind.SONSTIGES,
            "year": 2020,
        }
        return Document.objects.create(
            slug=slug, file=ContentFile(pdf, name="upload.pdf"), **(defaults | fields)
        )

    return make
