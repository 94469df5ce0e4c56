"""/downloads/<slug>/ delivers the PDF with a readable name and caching validators."""

import pytest
from django.core.files.base import ContentFile
from django.utils.http import http_date

from tests.support.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def test_file_is_delivered_as_pdf_with_a_readable_name(client, make_document):
    pdf = make_pdf(pages=3)
    make_document("digitalstrategie-2-0", pdf=pdf)

    response = client.get("/downloads/digitalstrategie-2-0/")

    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="digitalstrategie-2-0.pdf"'
    assert response["Content-Length"] == str(len(pdf))
    assert response["Cache-Control"] == "public, no-cache"


def test_unchanged_file_is_answered_with_304(client, make_document):
    document = make_document("bericht")
    first = client.get("/downloads/bericht/")
    assert first["Last-Modified"] == http_date(document.updated_at.timestamp())

    by_etag = client.get("/downloads/bericht/", headers={"if-none-match": first["ETag"]})
    by_date = client.get(
        "/downloads/bericht/", headers={"if-modified-since": first["Last-Modified"]}
    )

    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert (by_date.status_code, by_date.content) == (304, b"")


def test_replaced_file_is_sent_again_to_a_browser_holding_the_old_one(client, make_document):
    document = make_document("bericht", pages=1)
    old_etag = client.get("/downloads/bericht/")["ETag"]
    new_pdf = make_pdf(pages=4)
    document.file = ContentFile(new_pdf, name="neu.pdf")
    document.save()

    response = client.get("/downloads/bericht/", headers={"if-none-match": old_etag})

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == new_pdf
    assert response["ETag"] != old_etag


def test_head_request_is_answered_with_the_validators(client, make_document):
    make_document("bericht")
    get, head = client.get("/downloads/bericht/"), client.head("/downloads/bericht/")
    assert (head["Content-Type"], head["ETag"], head["Last-Modified"]) == (
        "application/pdf",
        get["ETag"],
        get["Last-Modified"],
    )


def test_unknown_document_is_a_german_404(client):
    response = client.get("/downloads/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_download_needs_one_query(client, make_document, django_assert_num_queries):
    pdf = make_pdf(pages=2)
    make_document("bericht", pdf=pdf)
    with django_assert_num_queries(1):
        response = client.get("/downloads/bericht/")
    assert b"".join(response.streaming_content) == pdf
    assert response["ETag"]


def test_posting_to_a_download_is_refused(client, make_document):
    make_document("bericht")
    assert client.post("/downloads/bericht/").status_code == 403  # CSRF: no form posts here
    assert client.post_holding_a_token("/downloads/bericht/").status_code == 405
