"""Drafts and scheduled posts: hidden from visitors everywhere, previewed by editors."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from tests.support.sitemap import sitemap_urls

pytestmark = pytest.mark.django_db


def titles_on(client, url):
    return re.findall(
        r'class="post-card__title"><a href="[^"]+">([^<]+)</a>', client.get(url).content.decode()
    )


@pytest.mark.parametrize("who", ["anonymous", "outsider", "moderator"])
@pytest.mark.parametrize("post_fixture", ["draft", "scheduled"])
def test_unpublished_post_is_404_for_everyone_but_editors(client, request, who, post_fixture):
    post = request.getfixturevalue(post_fixture)
    if who != "anonymous":
        # A logged-in citizen, and staff without rights on the blog.
        client.force_login(request.getfixturevalue(who))
    response = client.get(post.get_absolute_url())
    assert response.status_code == 404
    assert post.title not in response.content.decode()


def test_editor_previews_a_draft_at_its_real_address(client, editor, draft):
    client.force_login(editor)
    response = client.get("/blog/entwurf/")
    html = response.content.decode()
    assert '<h1 id="seitentitel">Unfertiger Entwurf</h1>' in html
    assert "<strong>Vorschau</strong> – nur für die Redaktion sichtbar." in html
    assert "Dieser Beitrag ist ein Entwurf und noch nicht veröffentlicht." in html
    # Never kept by a shared cache, never indexed.
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html


def test_editor_previews_a_scheduled_post_with_its_date(client, editor, make_post):
    publish_at = timezone.make_aware(timezone.datetime(2030, 5, 6, 9, 30))
    make_post("Zukunft", slug="zukunft", published_at=publish_at)
    client.force_login(editor)
    html = client.get("/blog/zukunft/").content.decode()
    assert "Dieser Beitrag erscheint am 6. Mai 2030 um 09:30 Uhr." in html


def test_published_post_shows_no_preview_notice_to_editors(client, editor, make_post):
    make_post("Fertig", slug="fertig")
    client.force_login(editor)
    html = client.get("/blog/fertig/").content.decode()
    assert '<h1 id="seitentitel">Fertig</h1>' in html
    assert "Vorschau" not in html


def test_previews_never_appear_in_lists_even_for_editors(
    client, editor, draft, scheduled, make_post
):
    make_post("Öffentlich")
    client.force_login(editor)
    assert titles_on(client, "/blog/") == ["Öffentlich"]


def test_scheduled_post_appears_once_its_time_has_come(client, make_post, monkeypatch):
    publish_at = timezone.now() + timedelta(hours=2)
    make_post("Pünktlich", slug="puenktlich", published_at=publish_at)
    assert client.get("/blog/puenktlich/").status_code == 404
    assert titles_on(client, "/blog/") == []

    later = publish_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert '<h1 id="seitentitel">Pünktlich</h1>' in client.get("/blog/puenktlich/").content.decode()
    assert titles_on(client, "/blog/") == ["Pünktlich"]


def test_unpublished_posts_are_not_in_the_sitemap(client, draft, scheduled, make_post):
    make_post("Öffentlich", slug="oeffentlich")
    paths = [urlparse(url).path for url in sitemap_urls(client)]
    assert "/blog/oeffentlich/" in paths
    assert "/blog/" in paths and "/downloads/" in paths
    assert "/blog/entwurf/" not in paths and "/blog/geplant/" not in paths


def test_site_search_finds_published_posts_only(client, draft, make_post):
    make_post("Gigabit für Schulen", slug="gigabit", body="<p>Alle Schulen ans Glasfasernetz</p>")
    draft.body = "<p>Glasfasernetz im Entwurf</p>"
    draft.save()
    html = client.get("/suche/", {"q": "Glasfasernetz"}).content.decode()
    assert '<a href="/blog/gigabit/">Gigabit für Schulen</a>' in html
    assert "/blog/entwurf/" not in html
