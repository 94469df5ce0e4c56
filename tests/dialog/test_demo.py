"""The dialog's demo content matches the facts in seed/FACTS.md."""

import pytest
from django.utils import timezone

from dialog.models import Event, Phase

from .factories import berlin

pytestmark = pytest.mark.django_db


def test_demo_phases_have_the_known_dates_and_one_runs_now(demo):
    phases = {p.slug: p for p in Phase.objects.all()}
    first = phases["online-beteiligung-2018"]
    assert (first.starts_at, first.ends_at) == (berlin(2018, 8, 27), berlin(2018, 10, 8))
    spring = phases["online-phase-2021"]
    # Six weeks of calendar days (one hour short: clocks went forward), ending with 28 March.
    assert spring.ends_at == berlin(2021, 3, 29)
    days = timezone.localtime(spring.ends_at).date() - timezone.localtime(spring.starts_at).date()
    assert days.days == 42
    assert [p.slug for p in Phase.objects.running()] == ["mitdiskutieren-digitalstrategie-2-0"]
    assert "Beispielinhalt" in phases["mitdiskutieren-digitalstrategie-2-0"].description
    themes = phases["themendialog-2019"].themes.values_list("title", flat=True)
    assert list(themes) == ["Künstliche Intelligenz", "Bildung", "Demografischer Wandel"]


def test_demo_conferences_and_live_events(demo):
    conferences = {
        timezone.localtime(e.starts_at).date().isoformat(): e
        for e in Event.objects.filter(kind=Event.Kind.CONFERENCE)
    }
    assert sorted(conferences) == ["2018-10-26", "2019-11-22", "2020-11-20", "2021-11-19"]
    assert conferences["2018-10-26"].participants_text == "mehr als 500 Teilnehmende"
    assert "Düsseldorf" in conferences["2018-10-26"].place
    assert conferences["2019-11-22"].place == "Congress Center Düsseldorf"
    assert conferences["2019-11-22"].participants_text == "etwa 300 Teilnehmende"
    disrupted = conferences["2020-11-20"]
    assert "Digitalstrategie.DISRUPTED" in disrupted.title
    assert (disrupted.online, disrupted.participants_text) == (True, "mehr als 700 Teilnehmende")
    live = Event.objects.get(slug="digital-vor-ort-2021-02-17")
    assert live.title.startswith("Digital vor Ort mit")
    assert live.kind == Event.Kind.LIVE
    # Video addresses are marked as placeholders where they are shown.
    for event in Event.objects.exclude(recording_url=""):
        assert event.recording_url.startswith("https://www.youtube-nocookie.com/embed/Beispiel-")
        assert "Platzhalter" in event.transcript
    assert Event.objects.upcoming(timezone.now()).exists()


def test_demo_pages_render_with_their_content(client, demo):
    html = client.get("/veranstaltungen/digitalkonferenz-2020-disrupted/").content.decode()
    assert "mehr als 700 Teilnehmende" in html
    assert "Video bei YouTube ansehen (externe Seite)" in html
    html = client.get("/dialog/").content.decode()
    assert html.index("Mitdiskutieren: die Ziele der Digitalstrategie 2.0") < html.index(
        "Online-Phase Frühjahr 2021"
    )


def test_demo_phase_pages_show_figures_of_the_demo_comments(client, demo):
    from demo.loaders.datafiles import table

    comments = table("dialog/goal_comments_2021.csv")
    html = client.get("/dialog/phasen/online-phase-2021/").content.decode()
    people = {row["name"] for row in comments}
    assert (len(comments), len(people)) == (5, 4)
    # And one comment on a wording suggestion of that phase (demo/data/dialog/suggestions.csv).
    on_suggestions = [
        row
        for row in table("dialog/suggestions.csv")
        if row["comment"] and row["phase"] == "online-phase-2021"
    ]
    people |= {row["comment_name"] for row in on_suggestions}
    assert f"<dt>Kommentare</dt><dd>{len(comments) + len(on_suggestions)}</dd>" in html
    assert f"<dt>Kommentierende</dt><dd>{len(people)}</dd>" in html
    assert '<tr><th scope="row">4.2 Bildung und Kultur</th><td>3</td><td>2</td></tr>' in html
