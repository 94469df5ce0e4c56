"""/blog/: newest first, ten a page, with an accessible page navigation."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'class="post-card__title"><a href="[^"]+">([^<]+)</a>', html)


def pagination(html):
    """The page navigation as (link text, href, is current) triples; [] when there is none."""
    nav = re.search(r'<nav class="pagination" aria-label="Seiten">(.*?)</nav>', html, re.S)
    if not nav:
        return []
    links = re.findall(r'<a href="([^"]*)"( aria-current="page")?[^>]*>(.*?)</a>', nav.group(1))
    return [(re.sub(r"<[^>]+>", "", text), href, bool(current)) for href, current, text in links]


@pytest.fixture
def posts(make_post):
    """`make(n)`: n published posts, "Beitrag 1" the newest."""

    def make(count):
        now = timezone.now()
        return [
            make_post(f"Beitrag {n}", published_at=now - timedelta(hours=n))
            for n in range(1, count + 1)
        ]

    return make


def test_posts_are_listed_newest_first(client, make_post):
    now = timezone.now()
    make_post("Mittel", published_at=now - timedelta(days=2))
    make_post("Neu", published_at=now - timedelta(minutes=1))
    make_post("Alt", published_at=now - timedelta(days=300))
    assert titles(client.get("/blog/").content.decode()) == ["Neu", "Mittel", "Alt"]


def test_list_shows_date_teaser_and_categories(client, make_post, category):
    make_post(
        "Mit Kategorie",
        teaser="Kurz gesagt.",
        published_at=timezone.make_aware(timezone.datetime(2020, 7, 17, 10)),
        categories=[category],
    )
    html = client.get("/blog/").content.decode()
    assert '<time datetime="2020-07-17T10:00:00+02:00">17. Juli 2020</time>' in html
    assert "<p>Kurz gesagt.</p>" in html
    assert '<a href="/blog/kategorie/mobilitaet/">Mobilität</a>' in html


def test_ten_posts_fit_on_one_page_without_navigation(client, posts):
    posts(10)
    html = client.get("/blog/").content.decode()
    assert len(titles(html)) == 10
    assert pagination(html) == []


def test_eleventh_post_goes_to_page_two(client, posts):
    posts(11)
    first = client.get("/blog/").content.decode()
    second = client.get("/blog/?seite=2").content.decode()
    assert titles(first) == [f"Beitrag {n}" for n in range(1, 11)]
    assert titles(second) == ["Beitrag 11"]
    assert "Seite 1 von 2" in first
    assert pagination(first) == [
        ("Seite 1", "/blog/", True),
        ("Seite 2", "?seite=2", False),
        ("Ältere Beiträge", "?seite=2", False),
    ]
    assert pagination(second) == [
        ("Neuere Beiträge", "/blog/", False),
        ("Seite 1", "/blog/", False),
        ("Seite 2", "?seite=2", True),
    ]
    assert "<title>Blog, Seite 2 – Digitalstrategie.NRW</title>" in second


def test_long_lists_elide_page_numbers(client, posts):
    posts(150)
    html = client.get("/blog/?seite=8").content.decode()
    numbers = [text for text, _, _ in pagination(html) if text.startswith("Seite")]
    assert numbers == [f"Seite {n}" for n in (1, 6, 7, 8, 9, 10, 15)]
    assert html.count('<li><span aria-hidden="true">…</span></li>') == 2


# Not named "page": that is pytest-playwright's fixture, and the name would pull
# these tests in among the browser tests.
@pytest.mark.parametrize("number", ["3", "0", "-1", "zwei", "999999999999999999999"])
def test_page_outside_the_list_is_404(client, posts, number):
    posts(11)
    response = client.get("/blog/", {"seite": number})
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_empty_blog_says_so_and_page_two_is_404(client):
    assert "Noch gibt es keine Beiträge." in client.get("/blog/").content.decode()
    assert client.get("/blog/?seite=2").status_code == 404


def test_list_links_feeds_for_readers_and_feed_readers(client):
    html = client.get("/blog/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert (
        '<a href="/blog/feed/">RSS-Feed</a>' in html
        and '<a href="/blog/atom/">Atom-Feed</a>' in html
    )


def test_category_navigation_lists_only_categories_with_published_posts(
    client, make_post, category, draft
):
    from blog.models import Category

    empty = Category.objects.create(name="Gesundheit", slug="gesundheit")
    draft.categories.set([empty])
    make_post(categories=[category])
    html = client.get("/blog/").content.decode()
    nav = re.search(r'<nav class="category-nav".*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", nav) == ["Mobilität"]


@pytest.mark.parametrize("count", [3, 30])
def test_list_queries_do_not_grow_with_posts(
    client, make_post, category, django_assert_num_queries, count
):
    for _ in range(count):
        make_post(categories=[category])
    # Categories for the navigation, count, posts, their categories.
    with django_assert_num_queries(4):
        html = client.get("/blog/").content.decode()
    assert len(titles(html)) == min(count, 10)
