"""/blog/<slug>/: the whole post with author, categories and image."""

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_post_page_shows_title_meta_teaser_and_body(client, make_post, category):
    make_post(
        "Gigabit für Schulen",
        slug="gigabit",
        teaser="Alle Schulen am schnellen Netz.",
        body="<p>Bis 2022 sollen <strong>alle</strong> Schulen angeschlossen sein.</p>",
        author="Erika Beispiel",
        published_at=timezone.make_aware(timezone.datetime(2021, 3, 1, 12)),
        categories=[category],
    )
    html = client.get("/blog/gigabit/").content.decode()
    assert '<h1 id="seitentitel">Gigabit für Schulen</h1>' in html
    assert (
        '<time datetime="2021-03-01T12:00:00+01:00">1. März 2021</time> · Erika Beispiel · '
        '<span class="visually-hidden">Kategorien: </span>'
        '<a href="/blog/kategorie/mobilitaet/">Mobilität</a>'
    ) in html
    assert '<p class="lead">Alle Schulen am schnellen Netz.</p>' in html
    assert "<p>Bis 2022 sollen <strong>alle</strong> Schulen angeschlossen sein.</p>" in html
    assert "<title>Gigabit für Schulen – Blog – Digitalstrategie.NRW</title>" in html


def test_unsafe_markup_in_the_body_is_removed_on_save(client, make_post):
    post = make_post(
        slug="unsicher",
        body='<p onclick="alert(1)">Hallo</p><script>alert(2)</script>'
        '<a href="javascript:alert(3)">Link</a><iframe src="https://example.org"></iframe>',
    )
    post.refresh_from_db()
    assert post.body == '<p>Hallo</p><a rel="noopener noreferrer">Link</a>'
    html = client.get("/blog/unsicher/").content.decode()
    assert "alert(" not in html and "<iframe" not in html


def test_unknown_post_is_404(client):
    response = client.get("/blog/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
