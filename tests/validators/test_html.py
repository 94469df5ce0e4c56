"""Every page the site serves is valid HTML to the Nu Html Checker (vnu.jar, Debian's Java):
each page of the sitemap, the page types of tests/pages.py, every public form after a
wrong and after a right submission, the sent pages, the pages behind mailed links and
their buttons, and the error pages. One checker run for all of them (tests/support/vnu.py).
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import csrf, defaults

from tests.pages import PUBLIC_PAGES
from tests.support import vnu

from .journeys import form_journeys

CANARY = '<!DOCTYPE html><html lang="de"><title>x</title><form action=""></form></html>'
CANARY_ERROR = (
    "Gegenprobe line 1: Bad value “” for attribute “action” on element “form”: Must be non-empty."
)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# The last page of each public journey, as its heading says.
JOURNEY_ENDS = {
    "Abonnement bestätigt",
    "Ihre Benachrichtigungen",
    "Danke, Ihre Unterstützung zählt",
    "Vielen Dank, Ihre Stimme zählt",
    "Vielen Dank, Ihre Stellungnahme ist bestätigt",
    "Vielen Dank, Ihre Idee ist bestätigt",
    "Danke für Ihre Meldung",
    "Kommentar bestätigen",
}
LINK = re.compile(r'href="(/[^"?#]*)"')


def unlisted_links(pages: dict[str, str]) -> list[str]:
    """Site addresses the pages link to, one of each kind (digits aside), whose kind none
    of the pages is; static files, media and the admin left out."""
    kind = lambda path: re.sub(r"\d+", "N", path)  # noqa: E731
    seen = {kind(urlsplit(address).path) for address in pages}
    found = {}
    for html in pages.values():
        for path in LINK.findall(html):
            if path.startswith(("/static/", "/media/", "/admin/")) or kind(path) in seen:
                continue
            found.setdefault(kind(path), path)
    return list(found.values())


def error_pages() -> dict[str, str]:
    """The pages Django shows on 400, 403, a refused form (CSRF), 404, 500, and ours on 503."""
    request = RequestFactory().get("/irgendwo/")
    return {
        "400": defaults.bad_request(request, Exception()).content.decode(),
        "403": defaults.permission_denied(request, Exception()).content.decode(),
        "403 CSRF": csrf.csrf_failure(request, reason="").content.decode(),
        "404": defaults.page_not_found(request, Exception()).content.decode(),
        "500": defaults.server_error(request).content.decode(),
        "503": render_to_string("503.html"),
    }


def keep_page(pages, address, status_code, content_type, html):
    assert status_code in (200, 400, 404), (address, status_code)
    assert content_type.startswith("text/html"), address
    pages[address] = html


# The feed check reads the same crawl of the sitemap: one test process for both.
@pytest.mark.xdist_group("sitemap_pages")
@pytest.mark.django_db
def test_every_page_is_valid_html(client, demo, tmp_path, settings, sitemap_pages):
    settings.DEBUG = False
    settings.MAIL_RECIPIENT_LIMIT = (100, 3600)
    pages = {}

    def keep(address, response):
        keep_page(
            pages,
            address,
            response.status_code,
            response["Content-Type"],
            response.content.decode(),
        )

    sitemap = list(sitemap_pages)
    for path, page in sitemap_pages.items():
        if page.content_type == "application/pdf":
            continue  # the sitemap names the downloads' PDFs too
        keep_page(pages, path, page.status_code, page.content_type, page.text)
    for path in PUBLIC_PAGES:
        if path not in pages:
            keep(path, client.get(path))
    # Twice: a comment confirmed on the way links to its reply and report pages, whose
    # forms the second round sends.
    forms_used = set()
    for _ in range(2):
        # One page of each kind the pages link to that the sitemap leaves out.
        for path in unlisted_links(pages):
            response = client.get(path)
            # Permalinks redirect to pages already read.
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                keep(path, response)
        for address, response in form_journeys(client, mail.outbox, dict(pages), forms_used):
            keep(address, response)
    pages.update(error_pages())
    # A page with a known mistake goes along: the checker must find it in the same run.
    pages["Gegenprobe"] = CANARY

    started = time.monotonic()
    found = vnu.errors(pages, tmp_path / "pages")
    seconds = time.monotonic() - started
    print(f"Nu Html Checker: {len(pages)} pages in {seconds:.1f} s")
    # Every section of the sitemap was read, each journey reached its end, and the error
    # pages are the site's own.
    assert len(sitemap) > 200
    headings = {h for html in pages.values() for h in H1.findall(html)}
    assert headings >= JOURNEY_ENDS, JOURNEY_ENDS - headings
    assert "Seite nicht gefunden" in H1.findall(pages["404"])
    assert CANARY_ERROR in found
    errors = [line for line in found if not line.startswith("Gegenprobe")]
    assert errors == [], "\n".join(errors)
