"""The demo's four downloads are real, readable PDFs that say they are stand-ins."""

import io

import pytest
from pypdf import PdfReader

from downloads.models import Document


@pytest.mark.django_db
def test_demo_documents_are_readable_stand_in_pdfs(client, demo):

    documents = {d.title: d for d in Document.objects.all()}
    assert [(d.kind, d.year) for d in documents.values()] == [
        ("strategie", 2022),
        ("fortschrittsbericht", 2020),
        ("strategie", 2019),
        ("studie", 2018),
    ]
    for document in documents.values():
        data = b"".join(client.get(document.get_absolute_url()).streaming_content)
        reader = PdfReader(io.BytesIO(data), strict=True)
        assert (len(reader.pages), len(data)) == (document.page_count, document.file_size)
        first_page = reader.pages[0].extract_text()
        assert document.title in first_page
        assert "Dies ist ein Platzhalter der Demo-Website, nicht das echte Dokument." in first_page
        assert reader.metadata.title == f"{document.title} ({document.year})"


def test_demo_stand_in_pdfs_say_so_where_they_are_listed(client, demo):
    html = client.get("/downloads/").content.decode()
    assert html.count("Platzhalter: Diese Datei vertritt das Original") == 4
