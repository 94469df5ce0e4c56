"""Every feed the site offers, found as a feed reader finds it (the <link rel="alternate">
of each page in the sitemap and the feed links in the pages), read with feedparser and
checked for what RFC 4287 requires of an Atom document."""

import re
from xml.etree import ElementTree

import feedparser
import pytest

from common.feeds import AUTHOR_NAME
from goals.models import FieldOfAction

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_TYPES = ("application/atom+xml", "application/rss+xml")
ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"')
FEED_HREF = re.compile(r'href="(/[^"]*/(?:feed|atom)/(?:\?[^"]*)?)"')


def feeds_on_the_site(client, sitemap_pages) -> set[str]:
    """The feeds the pages of the sitemap announce or link to."""
    pages = [
        page.text for page in sitemap_pages.values() if page.content_type.startswith("text/html")
    ]
    # The dashboard filtered by a field offers that field's feed.
    field = FieldOfAction.objects.select_related("version").order_by("pk").first()
    filtered = client.get(f"/umsetzung/?fassung={field.version.slug}&feld={field.slug}")
    found = set()
    for html in [*pages, filtered.content.decode()]:
        found |= {href for kind, href in ALTERNATE.findall(html) if kind in FEED_TYPES}
        found |= {href.replace("&amp;", "&") for href in FEED_HREF.findall(html)}
    return found


def rfc4287_problems(address: str, xml: bytes) -> list[str]:
    """The elements RFC 4287 requires (4.1.1, 4.1.2) that a feed leaves out."""
    feed = ElementTree.fromstring(xml)  # noqa: S314 (our own test server's answer)
    problems = [
        f"{address}: atom:{name} fehlt"
        for name in ("id", "title", "updated")
        if feed.find(ATOM + name) is None
    ]
    entries = feed.findall(ATOM + "entry")
    if feed.find(f"{ATOM}author/{ATOM}name") is None and not all(
        entry.find(f"{ATOM}author/{ATOM}name") is not None for entry in entries
    ):
        problems.append(f"{address}: atom:author fehlt")
    for entry in entries:
        problems += [
            f"{address}: atom:{name} fehlt in einem Eintrag"
            for name in ("id", "title", "updated")
            if entry.find(ATOM + name) is None
        ]
        if entry.find(ATOM + "content") is None and entry.find(ATOM + "link") is None:
            problems.append(f"{address}: Eintrag ohne Inhalt und ohne Link")
    return problems


# The HTML check reads the same crawl of the sitemap: one test process for both.
@pytest.mark.xdist_group("sitemap_pages")
@pytest.mark.django_db
def test_every_feed_names_its_author_and_has_what_rfc_4287_requires(client, demo, sitemap_pages):
    feeds = feeds_on_the_site(client, sitemap_pages)
    problems, kinds, entries = [], set(), 0
    for address in sorted(feeds):
        response = client.get(address)
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (address, parsed.get("bozo_exception"))
        entries += len(parsed.entries)
        kinds.add(parsed.version)
        # The feed as a reader shows it: by the editors.
        assert parsed.feed.get("author_detail", {}).get("name") == AUTHOR_NAME, address
        if parsed.version == "atom10":
            problems += rfc4287_problems(address, response.content)
    # The status feed (whole and by field), the feed of every goal, the ideas, the blog.
    assert {"/umsetzung/feed/", "/blog/feed/", "/blog/atom/"} <= feeds
    assert any(a.startswith("/umsetzung/feed/?feld=") for a in feeds), feeds
    assert sum(bool(re.fullmatch(r"/strategie/[^/]+/ziele/\d+/feed/", a)) for a in feeds) > 100
    assert any(a.endswith("/ideen/feed/") for a in feeds), feeds
    assert kinds == {"atom10", "rss20"}
    assert entries > len(feeds)  # the readers see reports, ideas and posts
    assert problems == []
