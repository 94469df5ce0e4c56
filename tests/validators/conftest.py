"""One crawl of the sitemap for the validators that read every page (HTML, feeds)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import override_settings

from tests.support.browser_client import BrowserClient
from tests.support.sitemap import sitemap_urls


@dataclass(frozen=True)
class Page:
    status_code: int
    content_type: str
    text: str  # decoded for HTML, XML and other text; empty for PDFs and other files


@pytest.fixture(scope="session")
def sitemap_pages(django_db_blocker, demo_snapshot, tmp_path_factory) -> dict[str, Page]:
    """Every address of the sitemap as a visitor without cookies gets it, with the demo
    content: {path: Page}, in sitemap order. Read once per test process (about 230 pages);
    the demo is restored for the crawl and rolled back after it, so every test still
    starts from its own database state."""
    media = tmp_path_factory.mktemp("crawl-media")
    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    pages = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, CACHES=local, PAGE_CACHE_SECONDS=0),
        transaction.atomic(),
    ):
        demo_snapshot.restore(media)
        client = BrowserClient(enforce_csrf_checks=True)
        for path in dict.fromkeys(urlsplit(url).path for url in sitemap_urls(client)):
            response = client.get(path)
            kind = response.get("Content-Type", "")
            is_text = kind.startswith(("text/", "application/xml", "application/atom+xml"))
            text = response.content.decode() if is_text else ""
            pages[path] = Page(response.status_code, kind, text)
        transaction.set_rollback(True)
    return pages
