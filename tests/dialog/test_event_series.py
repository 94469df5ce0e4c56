"""A series of events has its own page listing its events and recordings; assumed times say so."""

import re
from datetime import timedelta

import pytest

from dialog.models import EventSeries
from tests.goals.conftest import text_of

from .factories import berlin, make_event

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube-nocookie.com/embed/Beispiel-LE"


@pytest.fixture
def series():
    series = EventSeries.objects.create(
        title="Digital vor Ort mit …",
        slug="digital-vor-ort-mit",
        description="<p>Live-Events 2021.</p><script>alert(1)</script>",
    )
    make_event(
        berlin(2021, 3, 17, 18), berlin(2021, 3, 17, 19), title="Zweiter Termin", series=series
    )
    make_event(
        berlin(2021, 2, 17, 18),
        berlin(2021, 2, 17, 19),
        title="Erster Termin",
        series=series,
        recording_url=VIDEO,
        recording_length=timedelta(minutes=58),
        transcript="<p>Guten Abend.</p>",
        times_provenance="annahme",
    )
    make_event(berlin(2021, 4, 1, 18), berlin(2021, 4, 1, 19), title="Andere Veranstaltung")
    return series


def test_series_page_lists_its_events_oldest_first_with_their_recordings(client, series):
    response = client.get("/veranstaltungen/reihen/digital-vor-ort-mit/")
    html, text = response.content.decode(), text_of(response)
    assert "<h1>Digital vor Ort mit …</h1>" in html
    assert "Live-Events 2021." in text and "<script>" not in html
    rows = re.findall(r"<tr>\s*<th scope=\"row\"><a href=\"([^\"]+)\">([^<]+)</a>", html)
    assert [title for _, title in rows] == ["Erster Termin", "Zweiter Termin"]
    assert "Andere Veranstaltung" not in text
    first = next(url for url, title in rows if title == "Erster Termin")
    assert f'<a href="{first}#aufzeichnung">Video, 58 Minuten, mit Abschrift' in html
    assert re.search(r"Zweiter Termin.*?<td>keine</td>", html, re.S)
    # Only the first event's times are assumed.
    assert text.count("Uhrzeit: Annahme der Redaktion") == 1


def test_event_pages_link_their_series_and_mark_assumed_times(client, series):
    listing = text_of(client.get("/veranstaltungen/"))
    assert listing.count("Reihe Digital vor Ort mit …") == 2
    assert "17. Februar 2021, 18:00 bis 19:00 Uhr Uhrzeit: Annahme der Redaktion" in listing
    html = client.get("/veranstaltungen/reihen/digital-vor-ort-mit/").content.decode()
    first = re.search(r'<a href="([^"]+)">Erster Termin</a>', html).group(1)
    detail = text_of(client.get(first))
    assert "Uhrzeit: Annahme der Redaktion" in detail
    assert "Reihe Digital vor Ort mit …" in detail
    # An event with times from a source carries no mark.
    other = text_of(client.get("/veranstaltungen/"))
    assert "1. April 2021, 18:00 bis 19:00 Uhr Uhrzeit" not in other


def test_unknown_series_is_404(client):
    response = client.get("/veranstaltungen/reihen/gibt-es-nicht/")
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


@pytest.mark.parametrize("count", [2, 20])
def test_series_page_queries_do_not_grow_with_events(client, django_assert_num_queries, count):
    series = EventSeries.objects.create(title="Reihe", slug="reihe")
    for n in range(count):
        make_event(berlin(2021, 1, 1 + n, 18), berlin(2021, 1, 1 + n, 19), series=series)
    with django_assert_num_queries(2):  # the series, its events
        html = client.get("/veranstaltungen/reihen/reihe/").content.decode()
    assert html.count('<th scope="row">') == count
