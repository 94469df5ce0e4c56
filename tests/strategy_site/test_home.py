import pytest
from django.contrib.flatpages.models import FlatPage

from tests.support.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db


def test_home_explains_the_site_and_shows_the_timeline(client):
    html = client.get("/").content.decode()
    assert "verfolgen Ziel für Ziel" in html
    # Timeline in order, with machine-readable dates.
    dates = [
        '<time datetime="2018">2018</time>',
        '<time datetime="2019-04-10">10. April 2019</time>',
        '<time datetime="2019-11-22">22. November 2019</time>',
        '<time datetime="2020-07-17">17. Juli 2020</time>',
        '<time datetime="2020-11-20">20. November 2020</time>',
        '<time datetime="2021-03">Frühjahr 2021</time>',
        '<time datetime="2021-11-16">16. November 2021</time>',
        '<time datetime="2021-11-19">19. November 2021</time>',
    ]
    positions = [html.index(d) for d in dates]
    assert positions == sorted(positions)
    assert "44 Ziele" in html and "78 Zielen" in html
    assert "Digitalstrategie.DISRUPTED" in html
    # Who presented the strategy in the Landtag (seed text), and the 2019 conference.
    assert (
        "Wirtschafts- und Digitalminister Prof. Dr. Andreas Pinkwart stellt die Strategie vor"
        in html
    )
    assert "Digitalkonferenz 2019" in html


def test_home_links_easy_language_sign_language_and_ways_to_take_part(client):
    html = client.get("/").content.decode()
    assert '<a href="/leichte-sprache/">Leichte Sprache</a>' in html
    assert '<a href="/gebaerdensprache/">Gebärdensprache</a>' in html
    assert 'href="mailto:digitalstrategie@mwide.nrw.de"' in html
    assert "Auf dieser Website kommentieren" in html


def test_base_layout_has_navigation_search_footer_and_skip_link(client):
    html = client.get("/").content.decode()
    assert '<html lang="de">' in html
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in html
    assert '<main id="inhalt"' in html
    for label in ["Strategie", "Umsetzung", "Dialog", "Blog", "Downloads"]:
        assert f">{label}</a></li>" in html
    assert (
        '<form class="site-search" role="search" aria-label="Schnellsuche" action="/suche/"' in html
    )
    for label in [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
        "Leichte Sprache",
        "Netiquette",
        "Kontakt",
    ]:
        assert f">{label}</a></li>" in html


def test_pages_use_only_our_own_assets(client, settings):
    html = client.get("/").content.decode()
    assert "<script" not in html
    assert "style=" not in html
    assert "<style" not in html
    # Absolute addresses only name this site itself (canonical URL, link previews).
    own = html.replace(f'"{settings.SITE_URL}/"', '""')
    assert "http://" not in own.replace("http://www.w3.org", "")
    # Only links (not resources) may point elsewhere.
    for attr in ['src="http', 'href="//', "@import"]:
        assert attr not in html


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/impressum/", "§ 5 Digitale-Dienste-Gesetz"),
        ("/impressum/", "§ 18 Absatz 2 Medienstaatsvertrag"),
        ("/datenschutz/", "LDI NRW"),
        ("/barrierefreiheit/", 'href="https://www.lbbp.nrw.de/ombudsstelle"'),
        ("/leichte-sprache/", "Oben auf jeder Seite ist ein Menü."),
        ("/leichte-sprache/", "Barriere-Freiheit"),
        ("/gebaerdensprache/", "MP4, 48 MB, 6 Minuten"),
        ("/netiquette/", "keine Diskriminierung"),
        ("/kontakt/", "digitalstrategie@mwide.nrw.de"),
    ],
)
def test_service_pages_show_their_texts(client, url, text):
    assert text in client.get(url).content.decode()


def test_gebaerdensprache_embeds_nothing_external(client):
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<iframe" not in html and "<video" not in html


def test_edited_service_page_is_shown_and_sanitised(client):
    page = FlatPage.objects.get(url="/impressum/")
    page.content = (
        '<p>Neue Anschrift</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    )
    page.save()
    html = client.get("/impressum/").content.decode()
    assert "<p>Neue Anschrift</p>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html


def test_unknown_page_is_404_in_german(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_sitemap_lists_home_and_service_pages(client, settings):
    # Links use the configured public address (SITE_URL), not the request's host.
    urls = sitemap_urls(client)
    assert f"{settings.SITE_URL}/" in urls
    assert f"{settings.SITE_URL}/barrierefreiheit/" in urls
    assert f"{settings.SITE_URL}/leichte-sprache/" in urls


def test_robots_txt_points_to_sitemap_and_keeps_admin_out(client):
    text = client.get("/robots.txt").content.decode()
    assert text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_sitemap_lists_strategy_versions_and_goals_in_bounded_queries(
    client, settings, django_assert_max_num_queries
):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    # The index asks each of the seven sections for its newest change: a query or two
    # per kind of page, not per page (the current Site is cached after the first request).
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(17):
        client.get("/sitemap.xml")
    # The strategy's section: its size (two aggregates) and its versions and goals,
    # however many goals.
    with django_assert_max_num_queries(4):
        client.get("/sitemap-strategie.xml")
    urls = sitemap_urls(client)
    assert f"{settings.SITE_URL}/strategie/2-0/" in urls
    assert f"{settings.SITE_URL}/strategie/2019/ziele/44/" in urls
    assert f"{settings.SITE_URL}/strategie/2-0/ziele/78/" in urls
    assert f"{settings.SITE_URL}/umsetzung/" in urls
    # The demo's published statement and its phase's list.
    assert f"{settings.SITE_URL}/dialog/phasen/online-phase-2021/stellungnahmen/" in urls
    assert any(url.startswith(f"{settings.SITE_URL}/dialog/stellungnahmen/") for url in urls)


@pytest.mark.parametrize(
    ("url", "feeds"),
    [
        ("/", ["/blog/feed/", "/blog/atom/", "/umsetzung/feed/"]),
        ("/strategie/2-0/", ["/umsetzung/feed/"]),
        ("/umsetzung/", ["/umsetzung/feed/"]),
        ("/strategie/2-0/ziele/1/", ["/strategie/2-0/ziele/1/feed/"]),
        ("/blog/", ["/blog/feed/", "/blog/atom/"]),
    ],
)
def test_every_page_with_a_feed_announces_it_in_its_head(client, demo, url, feeds):
    import re

    head = client.get(url).content.decode().split("</head>")[0]
    announced = re.findall(
        r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"', head
    )
    assert announced == feeds
    for feed in announced:
        assert client.get(feed).status_code == 200
