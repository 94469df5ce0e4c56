"""Every page the site serves is valid HTML to the Nu Html Checker (vnu.jar, Debian's Java):
each page of the sitemap, the page types of tests/pages.py, every public form after a
wrong and after a right submission, the sent pages, the pages behind mailed links and
their buttons, and the error pages. One checker run for all of them (tests/support/vnu.py).
"""

import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import csrf, defaults

from tests.pages import PUBLIC_PAGES
from tests.support import vnu
from tests.support.sitemap import sitemap_urls

from .journeys import form_journeys


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


@pytest.mark.django_db
def test_every_page_is_valid_html(client, demo, tmp_path, settings):
    settings.DEBUG = False
    pages = {}

    def keep(address, response):
        assert response.status_code in (200, 404), (address, response.status_code)
        assert response["Content-Type"].startswith("text/html"), address
        pages[address] = response.content.decode()

    sitemap = [urlsplit(url).path for url in sitemap_urls(client)]
    for path in dict.fromkeys([*sitemap, *PUBLIC_PAGES]):
        response = client.get(path)
        if response.get("Content-Type") == "application/pdf":
            continue  # the sitemap names the downloads' PDFs too
        keep(path, response)
    for address, response in form_journeys(client, mail.outbox):
        keep(address, response)
    pages.update(error_pages())

    started = time.monotonic()
    found = vnu.errors(pages, tmp_path / "pages")
    seconds = time.monotonic() - started
    print(f"Nu Html Checker: {len(pages)} pages in {seconds:.1f} s")
    # Every section of the sitemap was read, and the error pages are the site's own.
    assert len(sitemap) > 200
    assert "Seite nicht gefunden" in pages["404"] or "nicht gefunden" in pages["404"]
    assert found == [], "\n".join(found)
