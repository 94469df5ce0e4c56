"""Findable from outside: the sitemap index lists every public page and nothing else;
every page has its own title, description, canonical URL and Open Graph tags."""

import html as html_lib
import re
from urllib.parse import urlparse

import pytest
from django.contrib.flatpages.models import FlatPage

from blog.models import Post
from dialog.models import Event, EventSeries, Phase, Theme
from downloads.models import Document
from goals.ideas.models import Idea
from goals.models import Chapter, Goal, Paragraph, StrategyVersion
from goals.suggestions.models import Suggestion
from tests.pages import PUBLIC_PAGES
from tests.support.sitemap import sitemap_index, sitemap_urls

pytestmark = pytest.mark.django_db


def test_sitemap_index_lists_every_public_page_and_nothing_else(client, demo, settings):
    # A draft and a login-only page, which must stay out.
    Post.objects.create(title="Entwurf", slug="entwurf", teaser="t", body="<p>x</p>")
    FlatPage.objects.create(
        url="/intern/", title="Intern", content="x", registration_required=True
    ).sites.add(settings.SITE_ID)
    paths = [urlparse(url).path for url in sitemap_urls(client)]
    assert len(paths) == len(set(paths)), "a page is listed twice"
    expected = {
        *(g.get_absolute_url() for g in Goal.objects.select_related("version")),
        *(v.get_absolute_url() for v in StrategyVersion.objects.all()),
        # Every version's text page, also of the versions without chapters (2018, 2020).
        *(f"/strategie/{v.slug}/text/" for v in StrategyVersion.objects.all()),
        *(c.get_absolute_url() for c in Chapter.objects.select_related("version")),
        *(
            p.get_absolute_url()
            for p in Paragraph.objects.current().select_related("chapter__version")
        ),
        *(p.get_absolute_url() for p in Post.objects.published()),
        *(d.get_absolute_url() for d in Document.objects.all()),
        *(
            o.get_absolute_url()
            for m in (Phase, Theme, Event, EventSeries)
            for o in m.objects.all()
        ),
        *(
            p.url
            for p in FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False)
        ),
        *(i.get_absolute_url() for i in Idea.objects.published()),
        *(f"/dialog/phasen/{p.slug}/ideen/" for p in Phase.objects.filter(ideas_allowed=True)),
        # Every phase's results; statements lists where a phase takes or has statements.
        *(f"/dialog/phasen/{p.slug}/ergebnisse/" for p in Phase.objects.all()),
        *(
            f"/dialog/phasen/{p.slug}/stellungnahmen/"
            for p in Phase.objects.filter(statements_allowed=True)
        ),
        # Wording suggestions, their phases' and chapters' lists.
        *(s.get_absolute_url() for s in Suggestion.objects.published()),
        *(f"/dialog/phasen/{slug}/vorschlaege/" for slug in {"online-phase-2021"}),
        "/strategie/2019/text/5-1/vorschlaege/",
        "/",
        "/umsetzung/",
        "/daten/",
        "/blog/",
        "/downloads/",
        "/dialog/",
        "/veranstaltungen/",
    }
    missing = expected - set(paths)
    assert missing == set()
    assert "/blog/entwurf/" not in paths and "/intern/" not in paths
    # Every listed page opens.
    for path in sorted(set(paths))[::7]:
        assert client.get(path).status_code == 200, path


def test_sitemap_index_gives_lastmod_where_pages_know_it(client, demo):
    index = sitemap_index(client)
    newest_report = max(r.date for g in Goal.objects.all() for r in g.reports.all())
    assert index["/sitemap-strategie.xml"] == newest_report.isoformat()
    newest_post = max(p.updated_at for p in Post.objects.published())
    assert index["/sitemap-blog.xml"].startswith(newest_post.date().isoformat()[:7])
    assert "/sitemap-text.xml" in index


def _meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{name}" content="([^"]*)">', html)
    return html_lib.unescape(match.group(1)) if match else None


FINDABLE_PAGES = [u for u in PUBLIC_PAGES if "?" not in u and "gibt-es-nicht" not in u]


def _findability_problems(html: str, url: str, site_url: str) -> list[str]:
    """What a page lacks: title, description, canonical URL, Open Graph tags (or a picture
    from elsewhere)."""
    problems = []
    title = html_lib.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    page_title = title.removesuffix(" – Digitalstrategie.NRW")
    if not title.endswith(" – Digitalstrategie.NRW") or page_title in ("", "Digitalstrategie.NRW"):
        problems.append(f"title {title!r}")
    description = _meta(html, "name", "description")
    if not description or len(description) <= 30:
        problems.append(f"description {description!r}")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    canonical = canonical.group(1) if canonical else None
    if canonical != site_url + urlparse(url).path:
        problems.append(f"canonical {canonical!r}")
    expected = {
        "og:title": page_title,
        "og:description": description,
        "og:url": canonical,
        "og:locale": "de_DE",
    }
    for name, value in expected.items():
        if _meta(html, "property", name) != value:
            problems.append(f"{name} {_meta(html, 'property', name)!r} != {value!r}")
    if 'property="og:image"' in html:
        problems.append("og:image")
    return problems


def test_every_page_has_title_description_canonical_and_open_graph(client, demo, settings):
    # One demo for all pages (restoring it per page cost two minutes on PostgreSQL).
    problems = {}
    for url in FINDABLE_PAGES:
        found = _findability_problems(client.get(url).content.decode(), url, settings.SITE_URL)
        if found:
            problems[url] = found
    assert problems == {}
    assert len(FINDABLE_PAGES) > 30  # the list itself did not go missing


def test_pages_describe_their_own_content(client, demo, settings):
    goal = Goal.objects.get(version__slug="2-0", number=22)
    html = client.get(goal.get_absolute_url()).content.decode()
    assert _meta(html, "name", "description").startswith(goal.title)
    post = Post.objects.published().first()
    html = client.get(post.get_absolute_url()).content.decode()
    assert _meta(html, "property", "og:type") == "article"
    assert _meta(html, "name", "description") == " ".join(post.teaser.split())
    # A paginated list names its page in the canonical URL; filters and the rest do not.
    html = client.get("/suche/?q=Ziel&seite=2&utm_source=x").content.decode()
    assert "Seite 2 von" in html
    assert f'<link rel="canonical" href="{settings.SITE_URL}/suche/?seite=2">' in html
    html = client.get("/umsetzung/?status=verzoegert").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/umsetzung/">' in html
