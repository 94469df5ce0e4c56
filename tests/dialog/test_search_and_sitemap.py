"""Dialog content is found by the site search and listed in the sitemap."""

import pytest

from tests.support.sitemap import sitemap_urls

from .factories import berlin, make_event, make_phase, make_theme

pytestmark = pytest.mark.django_db


def test_search_finds_phases_themes_and_events(client):
    phase = make_phase(
        berlin(2019, 5, 6),
        berlin(2019, 11, 23),
        title="Themendialog 2019",
        description="<p>Zukunftsthemen vertieft.</p>",
    )
    make_theme(phase, title="Demografischer Wandel", slug="demografischer-wandel")
    make_event(
        berlin(2019, 11, 22, 10),
        berlin(2019, 11, 22, 17),
        title="Digitalkonferenz 2019",
        recap="<p>Der demografische Wandel war ein Schwerpunkt.</p>",
    )
    html = client.get("/suche/", {"q": "demografisch"}).content.decode()
    assert "2 Treffer für „demografisch“." in html
    assert (
        '<a href="/dialog/themen/demografischer-wandel/"><mark>Demografischer</mark> Wandel</a>'
        in html
    )
    assert "Digitalkonferenz 2019</a>" in html
    assert "Der <mark>demografische</mark> Wandel war ein Schwerpunkt." in html
    html = client.get("/suche/", {"q": "Zukunftsthemen"}).content.decode()
    assert f'<a href="/dialog/phasen/{phase.slug}/">Themendialog 2019</a>' in html


def test_sitemap_lists_dialog_pages(client, settings):
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    theme = make_theme(phase)
    event = make_event(berlin(2019, 11, 22, 10), berlin(2019, 11, 22, 17))
    urls = sitemap_urls(client)
    for path in [
        "/dialog/",
        "/veranstaltungen/",
        phase.get_absolute_url(),
        theme.get_absolute_url(),
        event.get_absolute_url(),
    ]:
        assert f"{settings.SITE_URL}{path}" in urls
