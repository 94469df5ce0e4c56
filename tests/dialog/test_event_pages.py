"""/veranstaltungen/ and /veranstaltungen/<slug>/: dates, places, recordings, transcript."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from dialog.models import Event

from .factories import UTC, berlin, make_event, make_phase, make_theme

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube-nocookie.com/embed/Beispiel-20"


def test_list_shows_upcoming_first_then_past_grouped_by_year_newest_first(client):
    now = timezone.now()
    make_event(now + timedelta(days=40), now + timedelta(days=40, hours=2), title="Später")
    make_event(now + timedelta(days=5), now + timedelta(days=5, hours=2), title="Bald")
    make_event(berlin(2019, 11, 22, 10), berlin(2019, 11, 22, 17), title="Konferenz 2019")
    make_event(berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20), title="Dialog 2019")
    make_event(berlin(2020, 11, 20, 10), berlin(2020, 11, 20, 15), title="Konferenz 2020")

    html = client.get("/veranstaltungen/").content.decode()

    order = [
        "Kommende Veranstaltungen",
        "Bald",
        "Später",
        "Vergangene Veranstaltungen",
        '<h3 id="jahr-2020">2020</h3>',
        "Konferenz 2020",
        '<h3 id="jahr-2019">2019</h3>',
        "Konferenz 2019",
        "Dialog 2019",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_a_running_event_is_still_listed_as_upcoming(client):
    now = timezone.now()
    make_event(now - timedelta(hours=1), now + timedelta(hours=1), title="Läuft gerade")
    html = client.get("/veranstaltungen/").content.decode()
    assert html.index("Läuft gerade") < html.index("Vergangene Veranstaltungen")
    assert "Noch keine Veranstaltung hat stattgefunden." in html


def test_new_years_night_event_belongs_to_the_berlin_year(client):
    # 00:30 on 1 January 2020 in Berlin is still 2019 in UTC.
    starts_at = berlin(2020, 1, 1, 0, 30)
    assert starts_at.astimezone(UTC).year == 2019
    make_event(starts_at, berlin(2020, 1, 1, 2), title="Neujahrsempfang")
    html = client.get("/veranstaltungen/").content.decode()
    assert html.index('<h3 id="jahr-2020">') < html.index("Neujahrsempfang")
    assert 'id="jahr-2019"' not in html


def test_list_shows_kind_place_or_online_and_participants(client):
    make_event(
        berlin(2018, 10, 26, 9, 30),
        berlin(2018, 10, 26, 17),
        title="Digitalkonferenz.NRW 2018",
        kind=Event.Kind.CONFERENCE,
        online=False,
        place="Düsseldorf",
        participants=500,
        participants_approximation=Event.Approximation.MORE_THAN,
    )
    make_event(berlin(2020, 11, 20, 10), berlin(2020, 11, 20, 15), participants=1234, kind="online")
    html = client.get("/veranstaltungen/").content.decode()
    assert (
        "26. Oktober 2018, 9:30 bis 17:00 Uhr</time><br>Düsseldorf · mehr als 500 Teilnehmende"
        in html
    )
    assert "online · 1.234 Teilnehmende" in html
    assert '<p class="event__kind">Konferenz</p>' in html
    assert '<p class="event__kind">Online-Dialog</p>' in html


def test_detail_shows_facts_themes_description_transcript_and_recap(client):
    phase = make_phase(berlin(2020, 9, 1), berlin(2020, 12, 1))
    theme = make_theme(phase, title="Bildung", slug="bildung")
    event = make_event(
        berlin(2020, 11, 20, 10),
        berlin(2020, 11, 20, 15),
        title="Digitalstrategie.DISRUPTED",
        kind=Event.Kind.CONFERENCE,
        participants=700,
        participants_approximation=Event.Approximation.MORE_THAN,
        description="<p>Virtuelle Konferenz.</p>",
        recording_url=VIDEO,
        recording_length=timedelta(hours=4, minutes=52),
        transcript="<p><strong>Moderation:</strong> Willkommen!</p><script>x()</script>",
        recap="<p>Die Ergebnisse flossen in das Update ein.</p>",
    )
    event.themes.add(theme)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<h1>Digitalstrategie.DISRUPTED</h1>" in html
    assert (
        '<dt>Wann</dt><dd><time datetime="2020-11-20T10:00:00+01:00">20. November 2020, 10:00 bis 15:00 Uhr</time></dd>'
        in html
    )
    assert "<dt>Wo</dt><dd>online</dd>" in html
    assert "<dt>Teilnehmende</dt><dd>mehr als 700 Teilnehmende</dd>" in html
    assert '<a href="/dialog/themen/bildung/">Bildung</a>' in html
    assert f'href="/veranstaltungen/{event.slug}.ics"' in html
    assert "Länge: 4 Stunden 52 Minuten" in html
    assert '<h3 id="abschrift">Abschrift der Aufzeichnung</h3>' in html
    assert "<p><strong>Moderation:</strong> Willkommen!</p>" in html
    assert "<script>x()" not in html
    assert "<p>Die Ergebnisse flossen in das Update ein.</p>" in html


def test_recording_is_a_link_out_with_a_notice_and_nothing_loaded_from_the_platform(client):
    event = make_event(berlin(2020, 11, 20, 10), berlin(2020, 11, 20, 15), recording_url=VIDEO)
    html = client.get(event.get_absolute_url()).content.decode()
    # Without JavaScript: a plain link to the video, described by the notice.
    assert (
        '<a class="button video-embed__control" href="https://www.youtube.com/watch?v=Beispiel-20" '
        'aria-describedby="video-hinweis">Video bei YouTube ansehen (externe Seite)</a>'
    ) in html
    notice = re.search(r'<p class="video-embed__notice" id="video-hinweis">(.*?)</p>', html).group(
        1
    )
    assert "Google Ireland Limited" in notice
    assert "www.youtube-nocookie.com" in notice
    assert "IP-Adresse" in notice
    # Nothing on the page makes the browser fetch from YouTube by itself.
    assert "<iframe" not in html
    assert not re.search(r'\s(src|srcset|poster)="https?://', html)
    assert 'src="/static/img/video-placeholder.' in html
    # The embed address is only data for the script; the script is our own file.
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/Beispiel-20"' in html
    assert re.search(r'<script src="/static/js/embed\.[0-9a-f]+\.js" defer></script>', html)


def test_recording_of_an_unknown_platform_is_only_a_link(client):
    event = make_event(
        berlin(2020, 11, 20, 10),
        berlin(2020, 11, 20, 15),
        recording_url="https://video.example.org/v/42",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'href="https://video.example.org/v/42"' in html
    assert "Das Video liegt auf video.example.org." in html
    assert "data-embed-src" not in html
    assert "embed.js" not in html


def test_event_without_recording_has_no_video_section(client):
    event = make_event(
        berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20), online=False, place="Dortmund"
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<dt>Wo</dt><dd>Dortmund</dd>" in html
    assert "Aufzeichnung" not in html
    assert "<script" not in html


def test_transcript_without_video_address_is_still_on_the_page(client):
    # The video may be gone from the platform; its transcript stays readable here.
    event = make_event(
        berlin(2021, 2, 17, 18),
        berlin(2021, 2, 17, 19),
        transcript="<p><strong>Moderation:</strong> Guten Abend.</p>",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<h2 id="aufzeichnung">Aufzeichnung</h2>' in html
    assert '<h3 id="abschrift">Abschrift der Aufzeichnung</h3>' in html
    assert "<p><strong>Moderation:</strong> Guten Abend.</p>" in html
    assert "video-embed" not in html and "<script" not in html


@pytest.mark.parametrize("events", [10, 200])
def test_list_query_count_does_not_grow_with_events(client, django_assert_num_queries, events):
    now = timezone.now()
    for i in range(events):
        start = now + timedelta(days=3 * i - 300)
        make_event(start, start + timedelta(hours=2), recording_url=VIDEO if i % 2 else "")
    with django_assert_num_queries(1):
        html = client.get("/veranstaltungen/").content.decode()
    assert html.count('<li class="card event">') == events


@pytest.mark.parametrize("themes", [1, 20])
def test_detail_query_count_does_not_grow_with_themes(client, django_assert_num_queries, themes):
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    event = make_event(berlin(2019, 11, 22, 10), berlin(2019, 11, 22, 17))
    event.themes.set([make_theme(phase) for _ in range(themes)])
    # The event, its themes, the goals it was about.
    with django_assert_num_queries(3):
        html = client.get(event.get_absolute_url()).content.decode()
    assert html.count("/dialog/themen/") == themes
