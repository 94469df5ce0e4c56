"""Editors manage phases, themes and events in the admin, in Berlin time."""

from datetime import datetime

import pytest

from dialog.models import Event, Phase

from .factories import UTC, berlin, make_event, make_phase

pytestmark = pytest.mark.django_db


def _phase_form(**overrides):
    data = {
        "title": "Online-Phase Frühjahr 2021",
        "slug": "online-phase-2021",
        "description": "<p>Die ganze Strategie.</p>",
        "starts_at_0": "15.02.2021",
        "starts_at_1": "00:00:00",
        "ends_at_0": "29.03.2021",
        "ends_at_1": "00:00:00",
        "moderation": "pre",
        "evaluation": "<p>Alles floss ein.</p><script>alert(1)</script>",
        "themes-TOTAL_FORMS": "0",
        "themes-INITIAL_FORMS": "0",
        "themes-MIN_NUM_FORMS": "0",
        "themes-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_phase_in_berlin_time_with_a_sanitised_evaluation(client, editor):
    client.force_login(editor)
    response = client.post("/admin/dialog/phase/add/", _phase_form())
    assert response.status_code == 302
    phase = Phase.objects.get(slug="online-phase-2021")
    # Entered as Berlin wall-clock time: winter start, summer-time end.
    assert phase.starts_at == datetime(2021, 2, 14, 23, 0, tzinfo=UTC)
    assert phase.ends_at == datetime(2021, 3, 28, 22, 0, tzinfo=UTC)
    assert phase.moderation == "pre"
    assert phase.evaluation == "<p>Alles floss ein.</p>"


@pytest.mark.parametrize(
    ("day", "clock"),
    [
        # Skipped by the switch to summer time.
        ("28.03.2021", "2021-03-28 02:30:00"),
        # Happened twice when summer time ended: which one is meant is unclear.
        ("31.10.2021", "2021-10-31 02:30:00"),
    ],
)
def test_a_berlin_time_that_is_skipped_or_repeated_is_refused_beside_the_field(
    client, editor, day, clock
):
    client.force_login(editor)
    response = client.post(
        "/admin/dialog/phase/add/",
        _phase_form(starts_at_0="01.01.2021", ends_at_0=day, ends_at_1="02:30:00"),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "ends_at": [
            f"{clock} konnte mit der Zeitzone Europe/Berlin nicht eindeutig interpretiert "
            "werden, da es doppeldeutig oder eventuell inkorrekt ist."
        ]
    }
    # The editor's input stays in the form; nothing is stored.
    assert 'value="Online-Phase Frühjahr 2021"' in response.content.decode()
    assert not Phase.objects.exists()


def test_end_before_start_is_refused_with_a_german_message(client, editor):
    client.force_login(editor)
    response = client.post("/admin/dialog/phase/add/", _phase_form(ends_at_0="01.02.2021"))
    assert response.context["adminform"].form.errors == {
        "ends_at": ["Das Ende muss nach dem Beginn liegen."]
    }
    assert not Phase.objects.exists()


def test_event_needs_a_place_unless_online(client, editor):
    client.force_login(editor)
    data = {
        "title": "Vor-Ort-Dialog Bildung",
        "slug": "vor-ort-dialog-bildung",
        "kind": "vor-ort",
        "starts_at_0": "18.06.2019",
        "starts_at_1": "17:00:00",
        "ends_at_0": "18.06.2019",
        "ends_at_1": "20:00:00",
        "place": "",
        "participants": "",
        "participants_approximation": "",
        "times_provenance": "amtlich",
        "description": "<p>Ein langer Text, der erhalten bleibt.</p>",
    }
    response = client.post("/admin/dialog/event/add/", data)
    assert response.context["adminform"].form.errors == {
        "place": ["Bitte geben Sie einen Ort an oder kreuzen Sie „online“ an."]
    }
    assert "Ein langer Text, der erhalten bleibt." in response.content.decode()
    assert not Event.objects.exists()

    response = client.post("/admin/dialog/event/add/", {**data, "place": "Bochum"})
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at == berlin(2019, 6, 18, 17)
    assert event.location == "Bochum"


def test_phase_list_shows_state_and_period(client, editor):
    make_phase(
        berlin(2021, 2, 15), berlin(2021, 3, 29), title="Frühjahr 2021", evaluation="<p>x</p>"
    )
    client.force_login(editor)
    html = client.get("/admin/dialog/phase/").content.decode()
    assert "15. Februar 2021 bis 28. März 2021" in html
    assert "beendet" in html


def test_moderators_may_not_edit_events(client, moderator):
    event = make_event(berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20))
    client.force_login(moderator)
    assert client.get(f"/admin/dialog/event/{event.pk}/change/").status_code == 403


def test_editor_enters_reported_figures_and_the_phase_shows_them_instead_of_zero(client, editor):
    """A phase before this website: the editors type the figures of the report of the time,
    with its wording, and the phase page shows them as its figures, never "0"."""
    client.force_login(editor)
    client.get("/admin/dialog/phase/add/")
    response = client.post(
        "/admin/dialog/phase/add/",
        _phase_form(
            slug="online-beteiligung-2018",
            starts_at_0="27.08.2018",
            ends_at_0="08.10.2018",
            reported_comments="400",
            reported_comments_text="knapp 400",
            reported_responses="2000",
            reported_responses_text="mehr als 2.000",
            reported_participants="250",
            reported_source="Auswertung der Online-Beteiligung 2018",
        ),
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/dialog/phasen/online-beteiligung-2018/").content.decode()
    figures = html[html.index('<h2 id="zahlen">') : html.index("</section>", html.index("zahlen"))]
    assert "<div><dt>Kommentare</dt><dd>knapp 400</dd></div>" in figures
    assert "<div><dt>Rückmeldungen insgesamt</dt><dd>mehr als 2.000</dd></div>" in figures
    # No wording given: the number, grouped the German way.
    assert "<div><dt>Teilnehmende</dt><dd>250</dd></div>" in figures
    assert "aus dem Bericht zur Phase: Auswertung der Online-Beteiligung 2018" in figures
    assert "<dd>0</dd>" not in figures and "Kommentierende" not in figures
    results = client.get("/dialog/phasen/online-beteiligung-2018/ergebnisse/").content.decode()
    assert "<div><dt>Kommentare (laut Bericht)</dt><dd>knapp 400</dd></div>" in results


def test_a_phase_without_a_report_shows_what_the_site_counted(client, editor):
    make_phase(berlin(2021, 2, 15), berlin(2021, 3, 29), slug="online-phase-2021")
    html = client.get("/dialog/phasen/online-phase-2021/").content.decode()
    assert "<div><dt>Kommentare</dt><dd>0</dd></div>" in html
    assert "aus dem Bericht" not in html
