"""/downloads/: grouped by kind, newest first, with format, size and pages in the link text."""

import re

import pytest

from downloads.models import Document
from tests.support.pdfs import make_pdf_of_size


def link_texts(html):
    """Visible text of each download link, in page order."""
    links = re.findall(r'<a class="download-link" href="[^"]+">(.*?)</a>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", link)).strip() for link in links]


def headings(html):
    return re.findall(r"<h2 id=\"art-[a-z]+\">(.*?)</h2>", html)


@pytest.mark.django_db
def test_documents_are_grouped_by_kind_and_newest_first(client, make_document):
    make_document("strategie-2019", title="Digitalstrategie", kind="strategie", year=2019)
    make_document("metastudie", title="Metastudie", kind="studie", year=2018)
    make_document("strategie-2022", title="Digitalstrategie 2.0", kind="strategie", year=2022)
    make_document("bericht", title="Fortschrittsbericht", kind="fortschrittsbericht", year=2020)

    html = client.get("/downloads/").content.decode()

    assert headings(html) == ["Strategien", "Fortschrittsberichte", "Studien"]
    assert [t.split(" (")[0] for t in link_texts(html)] == [
        "Digitalstrategie 2.0",
        "Digitalstrategie",
        "Fortschrittsbericht",
        "Metastudie",
    ]
    assert "Erschienen 2022" in html


@pytest.mark.django_db
def test_link_text_tells_format_size_and_pages_in_german(client, make_document):
    make_document(
        "strategie",
        title="Digitalstrategie 2.0",
        pdf=make_pdf_of_size(pages=64, target=int(2.4 * 1024 * 1024)),
    )
    make_document("kurz", title="Kurzfassung", pages=1)

    texts = link_texts(client.get("/downloads/").content.decode())

    assert texts[0] == "Digitalstrategie 2.0 (PDF, 2,4 MB, 64 Seiten)"
    assert re.fullmatch(r"Kurzfassung \(PDF, \d KB, 1 Seite\)", texts[1])


@pytest.mark.django_db
def test_empty_download_page_says_so(client):
    html = client.get("/downloads/").content.decode()
    assert "Zurzeit stehen keine Dokumente zum Herunterladen bereit." in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_list_needs_one_query_however_many_documents(
    client, make_document, django_assert_num_queries, count
):
    for number in range(count):
        make_document(f"dokument-{number}", kind=Document.Kind.values[number % 4])
    with django_assert_num_queries(1):
        html = client.get("/downloads/").content.decode()
    assert len(link_texts(html)) == count


@pytest.mark.django_db
def test_home_page_links_the_newest_documents(client, make_document):
    for year in range(2016, 2022):
        make_document(f"bericht-{year}", title=f"Bericht {year}", year=year)
    html = client.get("/").content.decode()
    assert [t.split(" (")[0] for t in link_texts(html)] == [
        "Bericht 2021",
        "Bericht 2020",
        "Bericht 2019",
        "Bericht 2018",
    ]
    assert '<a href="/downloads/">Alle Downloads</a>' in html


@pytest.mark.django_db
def test_site_search_finds_documents(client, make_document):
    make_document("metastudie", title="Metastudie", description="Stand der Forschung", pages=3)
    html = client.get("/suche/", {"q": "Forschung"}).content.decode()
    assert re.search(
        r'<a href="/downloads/metastudie/">Metastudie \(PDF, \d KB, 3 Seiten\)</a>', html
    )


def test_only_stand_in_files_carry_the_stand_in_notice(client, make_document):
    make_document("original", title="Amtliche Fassung")
    make_document("platzhalter", title="Vorführfassung", stand_in=True)
    html = client.get("/downloads/").content.decode()
    assert html.count("Platzhalter: Diese Datei vertritt das Original") == 1
    notice_at = html.index("Platzhalter: Diese Datei")
    assert html.rfind("Vorführfassung", 0, notice_at) > html.rfind("Amtliche Fassung", 0, notice_at)
