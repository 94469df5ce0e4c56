import pytest
from django.core.files.base import ContentFile

from downloads.models import Document
from tests.support.pdfs import make_pdf


@pytest.fixture
def media_root(settings):
    return settings.MEDIA_ROOT


def stored_files(media_root):
    folder = media_root / "downloads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


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
