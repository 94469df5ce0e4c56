"""RSS and Atom feeds, parsed back with feedparser: the published posts, full text, newest first."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

from blog.feeds import FEED_SIZE

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"  # SITE_URL in tests; the Site domain follows it


@pytest.fixture
def two_posts(make_post, category, draft, scheduled):
    older = make_post(
        "Fortschrittsbericht",
        slug="bericht",
        teaser="Der Stand der Umsetzung.",
        body='<p>Siehe <a href="/downloads/bericht/">den Bericht</a>.</p>',
        author="Redaktion",
        published_at=datetime(2020, 7, 17, 8, 0, tzinfo=UTC),
    )
    newer = make_post(
        "mobil.nrw",
        slug="mobil",
        teaser="Eine App für alle Tarife.",
        body="<h2>Unterwegs</h2><p>Mit <strong>einer</strong> App.</p>",
        author="Erika Beispiel",
        published_at=datetime(2020, 9, 14, 8, 0, tzinfo=UTC),
        categories=[category],
    )
    return newer, older


def entries(feed):
    return [
        {
            "title": e.title,
            "link": e.link,
            "summary": e.summary,
            "content": e.content[0].value,
            "published": e.published_parsed[:6],
            "author": e.author,
            "tags": [t.term for t in e.get("tags", [])],
        }
        for e in feed.entries
    ]


EXPECTED = [
    {
        "title": "mobil.nrw",
        "link": f"{BASE}/blog/mobil/",
        "summary": "Eine App für alle Tarife.",
        "content": "<h2>Unterwegs</h2><p>Mit <strong>einer</strong> App.</p>",
        "published": (2020, 9, 14, 8, 0, 0),
        "author": "Erika Beispiel",
        "tags": ["Mobilität"],
    },
    {
        "title": "Fortschrittsbericht",
        "link": f"{BASE}/blog/bericht/",
        "summary": "Der Stand der Umsetzung.",
        # Relative links become absolute: a feed reader shows the text elsewhere.
        "content": f'<p>Siehe <a href="{BASE}/downloads/bericht/" rel="noopener noreferrer">'
        "den Bericht</a>.</p>",
        "published": (2020, 7, 17, 8, 0, 0),
        "author": "Redaktion",
        "tags": [],
    },
]


def test_rss_feed_has_published_posts_with_full_text(client, two_posts):
    response = client.get("/blog/feed/")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.version == "rss20"
    assert feed.feed.title == "Digitalstrategie.NRW – Blog"
    assert feed.feed.link == f"{BASE}/blog/"
    assert entries(feed) == EXPECTED


def test_atom_feed_has_published_posts_with_full_text(client, two_posts):
    response = client.get("/blog/atom/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.version == "atom10"
    assert feed.feed.subtitle == (
        "Erfolgsgeschichten und Berichte zur Umsetzung der Digitalstrategie.NRW"
    )
    assert entries(feed) == EXPECTED
    assert feed.entries[0].updated_parsed >= feed.entries[0].published_parsed


@pytest.mark.parametrize("url", ["/blog/feed/", "/blog/atom/"])
def test_feeds_carry_the_newest_posts_only(client, make_post, url):
    now = timezone.now()
    for n in range(FEED_SIZE + 5):
        make_post(f"Beitrag {n}", published_at=now - timedelta(hours=n))
    titles = [e.title for e in feedparser.parse(client.get(url).content).entries]
    assert titles == [f"Beitrag {n}" for n in range(FEED_SIZE)]


@pytest.mark.parametrize("url", ["/blog/feed/", "/blog/atom/"])
@pytest.mark.parametrize("count", [2, 25])
def test_feed_queries_do_not_grow_with_posts(
    client, make_post, category, django_assert_num_queries, url, count
):
    client.get(url)  # the Site is cached after the first request
    for _ in range(count):
        make_post(categories=[category])
    # Posts, their categories.
    with django_assert_num_queries(2):
        response = client.get(url)
    feed = feedparser.parse(response.content)
    assert [[t.term for t in e.tags] for e in feed.entries] == [["Mobilität"]] * min(
        count, FEED_SIZE
    )
