"""/dialog/themen/<slug>/: the theme, its phase and its events."""

from datetime import timedelta

import pytest

from common import related
from dialog.models import Theme

from .factories import berlin, make_event, make_phase, make_theme

pytestmark = pytest.mark.django_db


def test_theme_page_shows_introduction_phase_and_events(client):
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23), title="Themendialog 2019")
    theme = make_theme(
        phase,
        title="Künstliche Intelligenz",
        slug="kuenstliche-intelligenz",
        introduction='<p>Chancen und Grenzen.</p><a href="javascript:alert(1)">x</a>',
    )
    conference = make_event(
        berlin(2019, 11, 22, 10),
        berlin(2019, 11, 22, 17),
        title="Digitalkonferenz 2019",
        online=False,
        place="Düsseldorf",
    )
    dialog = make_event(berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20), title="Vor-Ort-Dialog KI")
    make_event(berlin(2019, 7, 1, 17), berlin(2019, 7, 1, 18), title="Anderes Thema")
    conference.themes.add(theme)
    dialog.themes.add(theme)

    html = client.get("/dialog/themen/kuenstliche-intelligenz/").content.decode()

    assert "<h1>Künstliche Intelligenz</h1>" in html
    assert "<p>Chancen und Grenzen.</p>" in html
    assert "javascript:" not in html
    assert f'<a href="/dialog/phasen/{phase.slug}/">Themendialog 2019</a>' in html
    assert "6. Mai 2019 bis 22. November 2019" in html
    # Newest event first; unrelated events are not listed.
    assert html.index("Digitalkonferenz 2019") < html.index("Vor-Ort-Dialog KI")
    assert "22. November 2019, 10:00 bis 17:00 Uhr</time>, Düsseldorf" in html
    assert "Anderes Thema" not in html


def test_theme_without_events_says_so(client):
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)))
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Zu diesem Thema gibt es noch keine Veranstaltung." in html


@pytest.mark.parametrize("events", [1, 50])
def test_theme_page_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, events
):
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)))
    for day in range(events):
        start = berlin(2019, 1, 1, 10) + timedelta(days=day)
        make_event(start, start + timedelta(hours=2)).themes.add(theme)
    # The theme with its phase, its events, its goals, its blog posts, ideas;
    # the (empty) thread: options, totals.
    with django_assert_num_queries(7):
        html = client.get(theme.get_absolute_url()).content.decode()
    assert html.count("/veranstaltungen/") == events


@pytest.fixture
def events_listed_as_related_content():
    """Stands in for a content app (goals) that registers a section on theme pages."""
    heading = "Veranstaltungen, registriert von einer anderen App"
    related.register(Theme, heading, lambda theme: theme.events.order_by("starts_at"))
    yield heading
    related.unregister(Theme, heading)


def test_sections_registered_by_content_apps_are_listed(client, events_listed_as_related_content):
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)))
    event = make_event(berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20), title="Vor-Ort-Dialog")
    event.themes.add(theme)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert f'<h2 id="verwandt-1">{events_listed_as_related_content}</h2>' in html
    assert f'<li><a href="{event.get_absolute_url()}">Vor-Ort-Dialog</a></li>' in html


def test_empty_sections_are_left_out(client, events_listed_as_related_content):
    theme = make_theme(make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23)))
    html = client.get(theme.get_absolute_url()).content.decode()
    assert events_listed_as_related_content not in html
