"""Strategy versions and status reports link to their PDFs in Downloads."""

import pytest

from goals.models import StatusReport, StrategyVersion

pytestmark = pytest.mark.django_db


def test_demo_links_every_version_to_its_document(demo):
    links = dict(StrategyVersion.objects.values_list("slug", "document__slug"))
    assert links == {
        "metastudie-2018": "metastudie-2018",
        "2019": "digitalstrategie-2019",
        "fortschrittsbericht-2020": "fortschrittsbericht-2020",
        "2-0": "digitalstrategie-2-0",
    }


def test_version_page_offers_its_pdf_with_format_size_and_pages(client, demo):
    version = StrategyVersion.objects.select_related("document").get(slug="2-0")
    html = client.get("/strategie/2-0/").content.decode()
    link = (
        f'<a class="download-link" href="/downloads/digitalstrategie-2-0/">{version.document.title}'
    )
    assert link in html
    assert f"({version.document.format_label})" in html
    assert "PDF, " in version.document.format_label and "Seite" in version.document.format_label


def test_version_list_offers_every_pdf(client, demo):
    html = client.get("/strategie/").content.decode()
    for slug in [
        "metastudie-2018",
        "digitalstrategie-2019",
        "fortschrittsbericht-2020",
        "digitalstrategie-2-0",
    ]:
        assert f'href="/downloads/{slug}/"' in html


def test_report_cites_its_source_document(client, demo):
    report = StatusReport.objects.select_related("goal__version").get(
        source_document__slug="fortschrittsbericht-2020"
    )
    html = client.get(report.goal.get_absolute_url()).content.decode()
    section = html[html.index(f'id="bericht-{report.pk}"') :]
    assert (
        'Quelle: <a class="download-link" href="/downloads/fortschrittsbericht-2020/">'
        in section[:2000]
    )


def test_deleting_a_document_keeps_the_version(demo):
    version = StrategyVersion.objects.get(slug="2019")
    version.document.delete()
    version.refresh_from_db()
    assert version.document is None
