"""/dialog/ and /dialog/phasen/<slug>/: what a visitor reads about phases."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .factories import berlin, make_phase, make_theme

pytestmark = pytest.mark.django_db


def _positions(html, *texts):
    return [html.index(t) for t in texts]


def test_overview_shows_running_phase_first_with_time_left_then_upcoming_then_past(client):
    now = timezone.now()
    make_phase(now - timedelta(days=400), now - timedelta(days=300), title="Alte Phase")
    make_phase(now - timedelta(days=100), now - timedelta(days=50), title="Letzte Phase")
    make_phase(now + timedelta(days=30), now + timedelta(days=60), title="Nächste Phase")
    make_phase(now + timedelta(days=90), now + timedelta(days=120), title="Übernächste Phase")
    make_phase(now - timedelta(days=1), now + timedelta(days=3, hours=2), title="Laufende Phase")

    html = client.get("/dialog/").content.decode()

    assert "Läuft: noch 3 Tage" in html
    positions = _positions(
        html,
        "Laufende Phase",
        "Nächste Phase",
        "Übernächste Phase",
        "Letzte Phase",
        "Alte Phase",
    )
    assert positions == sorted(positions)
    assert "Zurzeit läuft keine Beteiligungsphase" not in html


def test_overview_says_so_when_no_phase_runs(client):
    now = timezone.now()
    make_phase(now - timedelta(days=100), now - timedelta(days=50), title="Letzte Phase")
    html = client.get("/dialog/").content.decode()
    assert "Zurzeit läuft keine Beteiligungsphase." in html
    assert "Weitere Beteiligungsphasen sind noch nicht geplant." in html
    assert "Letzte Phase" in html


def test_overview_links_themes_and_evaluation_of_a_past_phase(client):
    phase = make_phase(
        berlin(2019, 5, 6),
        berlin(2019, 11, 23),
        title="Themendialog",
        evaluation="<p>Ausgewertet.</p>",
    )
    make_theme(phase, title="Bildung", slug="bildung")
    html = client.get("/dialog/").content.decode()
    assert '<a href="/dialog/themen/bildung/">Bildung</a>' in html
    assert (
        f'<a href="/dialog/phasen/{phase.slug}/#auswertung">Was aus Ihren Beiträgen wurde</a>'
        in html
    )
    assert "6. Mai 2019 bis 22. November 2019" in html


def test_past_phase_page_shows_period_state_description_and_sanitised_evaluation(client):
    phase = make_phase(
        berlin(2021, 2, 15),
        berlin(2021, 3, 29),
        title="Online-Phase Frühjahr 2021",
        slug="online-phase-2021",
        description="<p>Die ganze Strategie stand zur Diskussion.</p>",
        evaluation='<p>Alles floss ein.</p><script>alert("x")</script><img src=x onerror=alert(1)>',
    )
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "<h1>Online-Phase Frühjahr 2021</h1>" in html
    assert "<strong>Abgeschlossen.</strong>" in html
    assert "15. Februar 2021 bis 28. März 2021" in html
    assert "<p>Die ganze Strategie stand zur Diskussion.</p>" in html
    assert '<h2 id="auswertung">Was aus Ihren Beiträgen wurde</h2>' in html
    assert "<p>Alles floss ein.</p>" in html
    assert "<script>alert" not in html and "onerror" not in html


def test_running_phase_page_shows_time_left_and_promises_an_evaluation(client):
    now = timezone.now()
    phase = make_phase(now - timedelta(days=2), now + timedelta(hours=5, minutes=10))
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "<strong>Läuft: noch 5 Stunden.</strong>" in html
    assert (
        "Nach dem Ende der Phase berichten wir hier, was aus Ihren Beiträgen geworden ist." in html
    )


def test_pre_moderated_phase_says_comments_are_checked_first(client):
    now = timezone.now()
    phase = make_phase(now - timedelta(days=2), now + timedelta(days=2), moderation="pre")
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "In dieser Phase prüft die Moderation jeden Kommentar, bevor er erscheint." in html
    overview = client.get("/dialog/").content.decode()
    assert (
        "Kommentare erscheinen in dieser Phase erst, nachdem die Moderation sie geprüft hat."
        in overview
    )


def test_upcoming_phase_page_says_it_has_not_begun(client):
    now = timezone.now()
    phase = make_phase(now + timedelta(days=2), now + timedelta(days=20))
    html = client.get(phase.get_absolute_url()).content.decode()
    assert "<strong>Noch nicht begonnen.</strong>" in html


def test_unknown_phase_is_a_german_404(client):
    response = client.get("/dialog/phasen/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.parametrize("phases", [2, 40])
def test_overview_query_count_does_not_grow_with_phases_or_themes(
    client, django_assert_num_queries, phases
):
    now = timezone.now()
    for i in range(phases):
        phase = make_phase(now + timedelta(days=10 * i - 200), now + timedelta(days=10 * i - 195))
        make_theme(phase)
        make_theme(phase)
    # One query for the phases, one for all their themes.
    with django_assert_num_queries(2):
        html = client.get("/dialog/").content.decode()
    assert html.count('class="card phase') == phases


@pytest.mark.parametrize("themes", [1, 30])
def test_phase_page_query_count_does_not_grow_with_themes(
    client, django_assert_num_queries, themes
):
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    for _ in range(themes):
        make_theme(phase)
    # The phase, its themes, the versions it covers, the comment totals (no comments:
    # no breakdown query), the published statements.
    with django_assert_num_queries(5):
        html = client.get(phase.get_absolute_url()).content.decode()
    assert html.count("/dialog/themen/") == themes


def test_overview_names_the_period_of_an_upcoming_phase_in_plain_german(client):
    # "Beginnt am 1. März 2099 bis 11. April 2099" was printed before: a start
    # date followed by a period reads wrong.
    make_phase(berlin(2099, 3, 1), berlin(2099, 4, 12), title="Ferne Phase")
    html = client.get("/dialog/").content.decode()
    assert "Zeitraum: <time" in html
    assert ">1. März 2099 bis 11. April 2099</time>" in html
    assert "Beginnt am" not in html
