"""The dialog's part of the home page: running or next phase, next events, themes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialog.participation.teasers import home_teasers

from .factories import berlin, make_event, make_phase, make_theme

pytestmark = pytest.mark.django_db


def _teaser(client):
    html = client.get("/").content.decode()
    start = html.index('<section class="dialog-teaser"')
    return html[start : html.index("</section>", start)]


def test_running_phase_is_shown_with_time_left(client):
    now = timezone.now()
    make_phase(now + timedelta(days=30), now + timedelta(days=60), title="Nächste Phase")
    make_phase(now - timedelta(days=3), now + timedelta(days=6, hours=1), title="Laufende Phase")
    teaser = _teaser(client)
    assert "Laufende Phase" in teaser
    assert "<strong>Jetzt mitmachen: noch 6 Tage.</strong>" in teaser
    # Not "Die Phase läuft 1. März bis …": the period is named as such.
    assert "Die Phase läuft <time" not in teaser
    assert "</strong> Zeitraum: <time" in teaser
    assert "Nächste Phase" not in teaser


def test_without_running_phase_the_next_one_is_announced(client):
    now = timezone.now()
    make_phase(now - timedelta(days=90), now - timedelta(days=30), title="Vorbei")
    make_phase(now + timedelta(days=60), now + timedelta(days=90), title="Übernächste")
    make_phase(now + timedelta(days=30), now + timedelta(days=40), title="Nächste Phase")
    teaser = _teaser(client)
    assert "Nächste Beteiligungsphase:" in teaser
    assert "Nächste Phase" in teaser
    assert "Übernächste" not in teaser and "Vorbei" not in teaser


def test_without_any_coming_phase_the_teaser_points_to_the_archive(client):
    teaser = _teaser(client)
    assert "Zurzeit läuft keine Beteiligungsphase." in teaser
    assert "Zurzeit ist keine Veranstaltung angekündigt." in teaser


def test_next_three_events_soonest_first_and_the_themes(client):
    now = timezone.now()
    for days in (20, 5, 40, 10):
        make_event(
            now + timedelta(days=days),
            now + timedelta(days=days, hours=1),
            title=f"In {days} Tagen",
        )
    make_event(now - timedelta(days=5), now - timedelta(days=5, hours=-1), title="Gestern")
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    make_theme(phase, title="Bildung", position=2)
    make_theme(phase, title="Künstliche Intelligenz", position=1)
    teaser = _teaser(client)
    positions = [teaser.index(f"In {d} Tagen") for d in (5, 10, 20)]
    assert positions == sorted(positions)
    assert "In 40 Tagen" not in teaser and "Gestern" not in teaser
    assert teaser.index("Künstliche Intelligenz") < teaser.index("Bildung")


@pytest.mark.parametrize("size", [2, 50])
def test_teaser_query_count_does_not_grow_with_dialog_content(django_assert_num_queries, size):
    now = timezone.now()
    for i in range(size):
        phase = make_phase(now + timedelta(days=10 * i - 100), now + timedelta(days=10 * i - 95))
        make_theme(phase)
        make_event(now + timedelta(days=i), now + timedelta(days=i, hours=1))
    # Phase, events, themes: the dialog's share of the home page, whatever other apps add.
    with django_assert_num_queries(3):
        teasers = home_teasers()
    assert len(teasers["dialog_events"]) == min(size, 3)
    assert len(teasers["dialog_themes"]) == min(size, 6)
