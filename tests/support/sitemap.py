"""Read /sitemap.xml as a search engine does: the index, then every section it names.

The XML comes from our own test server, not from outside: the standard parser is fine.
"""

from urllib.parse import urlparse
from xml.etree import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_index(client) -> dict[str, str | None]:
    """Section path -> lastmod (or None) from /sitemap.xml."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return {
        urlparse(entry.find("s:loc", NS).text).path: getattr(
            entry.find("s:lastmod", NS), "text", None
        )
        for entry in root.findall("s:sitemap", NS)
    }


def sitemap_urls(client) -> list[str]:
    """Every <loc> of every section, as full URLs, in order."""
    urls = []
    for path in sitemap_index(client):
        root = ElementTree.fromstring(client.get(path).content)  # noqa: S314
        urls += [loc.text for loc in root.findall("s:url/s:loc", NS)]
    return urls
