"""Editors upload PDFs in the admin; anything that is not a readable, open PDF is refused."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from downloads.models import Document
from tests.support.pdfs import make_pdf, make_pdf_of_size

from .conftest import stored_files

ADD_URL = "/admin/downloads/document/add/"


def form_data(upload, **fields):
    return {
        "title": "Fortschrittsbericht 2020",
        "slug": "fortschrittsbericht-2020",
        "kind": "fortschrittsbericht",
        "year": "2020",
        "description": "Stand der Umsetzung",
        "file": upload,
        **fields,
    }


def file_error(html):
    """The error text shown in the admin beside the file field ('' if none)."""
    match = re.search(r'<ul class="errorlist" id="id_file_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_uploads_a_pdf_and_size_and_pages_are_read_from_it(editor_client, media_root):
    pdf = make_pdf(pages=7)
    response = editor_client.post(
        ADD_URL, form_data(SimpleUploadedFile("Bericht final (2).pdf", pdf, "application/pdf"))
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.file_size, document.page_count) == (
        "Fortschrittsbericht 2020",
        len(pdf),
        7,
    )
    # Stored under the slug, not under the editor's file name.
    assert stored_files(media_root) == ["fortschrittsbericht-2020.pdf"]
    assert document.file.read() == pdf


BAD_UPLOADS = {
    "png renamed to .pdf": (
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 200,
        "Die Datei ist kein PDF-Dokument, auch wenn ihr Name auf .pdf endet.",
    ),
    "word document renamed to .pdf": (
        b"PK\x03\x04" + b"word/document.xml" * 20,
        "Die Datei ist kein PDF-Dokument, auch wenn ihr Name auf .pdf endet.",
    ),
    "pdf cut off after half its bytes": (
        make_pdf(pages=3)[: len(make_pdf(pages=3)) // 2],
        "Das PDF ist beschädigt oder unvollständig",
    ),
    "pdf header followed by garbage": (
        b"%PDF-1.7\n" + b"kaputt " * 100,
        "Das PDF ist beschädigt oder unvollständig",
    ),
    "pdf encrypted with a password": (
        make_pdf(pages=2, password="geheim"),
        "Das PDF ist verschlüsselt oder mit einem Kennwort geschützt.",
    ),
    "empty file": (b"", "Die übertragene Datei ist leer."),
}


@pytest.mark.parametrize("content,message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_upload_is_refused_beside_the_field_and_nothing_is_stored(
    editor_client, media_root, content, message
):
    response = editor_client.post(
        ADD_URL, form_data(SimpleUploadedFile("bericht.pdf", content, "application/pdf"))
    )
    html = response.content.decode()
    assert message in file_error(html)
    # The other fields keep what the editor typed.
    assert 'value="Fortschrittsbericht 2020"' in html
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_pdf_over_the_configured_limit_is_refused(editor_client, media_root, settings):
    settings.DOWNLOADS_MAX_UPLOAD_MB = 1
    too_large = make_pdf_of_size(pages=1, target=int(1.3 * 1024 * 1024))
    response = editor_client.post(
        ADD_URL, form_data(SimpleUploadedFile("gross.pdf", too_large, "application/pdf"))
    )
    assert file_error(response.content.decode()) == (
        "Die Datei ist 1,3 MB groß. Erlaubt sind höchstens 1 MB. Bitte verkleinern Sie das PDF "
        "(z. B. Bilder mit geringerer Auflösung speichern)."
    )
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_pdf_just_under_the_limit_is_accepted(editor_client, settings):
    settings.DOWNLOADS_MAX_UPLOAD_MB = 1
    fits = make_pdf_of_size(pages=2, target=1024 * 1024 - 2000)
    editor_client.post(ADD_URL, form_data(SimpleUploadedFile("passt.pdf", fits)))
    assert Document.objects.get().file_size == len(fits)


def test_replacing_the_file_deletes_the_old_one_after_commit(
    editor_client, make_document, media_root, django_capture_on_commit_callbacks
):
    document = make_document("fortschrittsbericht-2020", pages=2)
    assert stored_files(media_root) == ["fortschrittsbericht-2020.pdf"]
    new_pdf = make_pdf(pages=5)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editor_client.post(
            f"/admin/downloads/document/{document.pk}/change/",
            form_data(SimpleUploadedFile("neu.pdf", new_pdf)),
        )
        # Until the transaction commits, the old file is still there.
        assert len(stored_files(media_root)) == 2
    for callback in callbacks:
        callback()
    document.refresh_from_db()
    assert stored_files(media_root) == [document.file.name.removeprefix("downloads/")]
    assert document.file.read() == new_pdf
    assert (document.page_count, document.file_size) == (5, len(new_pdf))


def test_refused_replacement_keeps_the_old_file_and_data(
    editor_client, make_document, media_root, django_capture_on_commit_callbacks
):
    document = make_document("fortschrittsbericht-2020", pages=2)
    old_size = document.file_size
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/downloads/document/{document.pk}/change/",
            form_data(SimpleUploadedFile("neu.pdf", make_pdf(pages=1, password="x"))),
        )
    assert "verschlüsselt" in file_error(response.content.decode())
    document.refresh_from_db()
    assert (document.page_count, document.file_size) == (2, old_size)
    assert stored_files(media_root) == ["fortschrittsbericht-2020.pdf"]


def test_changing_only_the_title_keeps_the_file(
    editor_client, make_document, media_root, django_capture_on_commit_callbacks
):
    document = make_document("fortschrittsbericht-2020", pages=2)
    data = form_data("", title="Neuer Titel")
    del data["file"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/downloads/document/{document.pk}/change/", data)
    document.refresh_from_db()
    assert document.title == "Neuer Titel"
    assert document.page_count == 2
    assert stored_files(media_root) == ["fortschrittsbericht-2020.pdf"]


def test_deleting_documents_in_bulk_deletes_their_files(
    editor_client, make_document, media_root, django_capture_on_commit_callbacks
):
    first, second = make_document("eins"), make_document("zwei")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            "/admin/downloads/document/",
            {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
        )
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []
