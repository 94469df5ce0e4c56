"""The results report of a phase: figures by day and sender, the most discussed objects,
every decision by outcome, reported figures kept apart, CSV, and bounded queries."""

import csv
import io
from datetime import timedelta

import pytest

from dialog.comments import decisions
from dialog.models import CommentSender, Statement
from dialog.participation.results import phase_results
from tests.support.comments import insert_comments

from .factories import berlin, make_phase, make_theme
from .test_phase_figures import comment

pytestmark = pytest.mark.django_db

START, END = berlin(2021, 2, 15), berlin(2021, 3, 29)


@pytest.fixture
def phase_with_contributions(moderator):
    phase = make_phase(START, END, title="Online-Phase 2021", slug="online-2021")
    ki = make_theme(phase, title="Künstliche Intelligenz")
    schule = make_theme(phase, title="Schule")
    day_one, day_three = START + timedelta(hours=10), START + timedelta(days=2, hours=10)
    a = comment(ki, "anna@example.org", day_one, name="Anna")
    b = comment(ki, "ben@example.org", day_one, name="Ben")
    c = comment(schule, "cem@example.org", day_three, name="Cem")
    comment(ki, "dora@example.org", day_three, name="Dora", is_removed=True)  # hidden: left out
    CommentSender.objects.create(comment=b, kind="verband", organisation="Bitkom NRW")
    CommentSender.objects.create(comment=c, kind="wissenschaft")
    decisions.decide([a, b], "beruecksichtigt", "Steht jetzt in Kapitel 3.", moderator)
    decisions.decide([c], "nicht", "Dafür ist der Bund zuständig.", moderator)
    return phase


def test_results_count_by_day_and_sender_and_group_decisions(phase_with_contributions):
    results = phase_results(phase_with_contributions)
    assert (results.figures.comments, results.figures.commenters) == (3, 3)
    days = dict(results.per_day)
    assert days[START.date()] == 2 and days[(START + timedelta(days=2)).date()] == 1
    assert len(results.per_day) == 42  # every day of the phase, empty ones included
    assert dict(results.by_sender) == {
        "Bürgerin oder Bürger": 0,
        "Verband": 1,
        "Wissenschaft": 1,
        "Unternehmen": 0,
        "Verwaltung oder Kommune": 0,
        "Zivilgesellschaft": 0,
        "sonstige Organisation": 0,
        "keine Angabe": 1,
    }
    assert [(d.label, d.comments) for d in results.most_discussed] == [
        ("Künstliche Intelligenz", 2),
        ("Schule", 1),
    ]
    assert [(g.label, [c.user_name for c in g.comments]) for g in results.decisions] == [
        ("berücksichtigt", ["Anna", "Ben"]),
        ("nicht berücksichtigt", ["Cem"]),
    ]
    assert results.undecided == 0


def test_results_page_shows_it_all_with_charts_and_tables(client, phase_with_contributions):
    html = client.get("/dialog/phasen/online-2021/ergebnisse/").content.decode()
    assert "<h1>Ergebnisse: Online-Phase 2021</h1>" in html
    assert "<div><dt>Kommentare</dt><dd>3</dd></div>" in html
    assert 'id="diagramm-tage"' in html and "<caption>Kommentare je Tag</caption>" in html
    assert '<tr><th scope="row">Verband</th><td>1</td></tr>' in html
    assert "<h3>Berücksichtigt (2)</h3>" in html
    assert "Ben, Verband: Bitkom NRW</a>" in html
    assert "Dafür ist der Bund zuständig." in html
    assert "Verborgen" not in html and "Dora" not in html
    # The phase page links here.
    phase_page = client.get("/dialog/phasen/online-2021/").content.decode()
    assert 'href="/dialog/phasen/online-2021/ergebnisse/"' in phase_page


def test_results_csv_has_public_fields_and_decisions_only(client, phase_with_contributions):
    response = client.get("/dialog/phasen/online-2021/ergebnisse.csv")
    assert response["Content-Disposition"] == 'attachment; filename="ergebnisse-online-2021.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Datum",
        "Art des Beitrags",
        "Zu",
        "Name",
        "Schreibt als",
        "Organisation",
        "Eingang",
        "Text",
        "Entscheidung",
        "Begründung",
        "Adresse",
        "Unterstützungen",
    ]
    by_name = {row[3]: row for row in rows[1:]}
    assert set(by_name) == {"Anna", "Ben", "Cem"}
    ben = dict(zip(rows[0], by_name["Ben"], strict=True))
    assert (ben["Zu"], ben["Schreibt als"], ben["Organisation"], ben["Entscheidung"]) == (
        "Künstliche Intelligenz",
        "Verband",
        "Bitkom NRW",
        "berücksichtigt",
    )
    assert ben["Art des Beitrags"] == "Kommentar"
    assert ben["Text"].startswith("Kommentar ")
    assert ben["Eingang"] == "online"
    assert ben["Begründung"] == "Steht jetzt in Kapitel 3."
    assert "example.org" not in response.content.decode("utf-8-sig")  # never an address


def test_reported_figures_stand_apart_from_the_sites_own_count(client):
    make_phase(
        berlin(2018, 8, 27),
        berlin(2018, 10, 8),
        slug="online-2018",
        reported_comments=400,
        reported_responses=2000,
        reported_source="Auswertung 2018: knapp 400 Kommentare, mehr als 2.000 Rückmeldungen",
    )
    html = client.get("/dialog/phasen/online-2018/ergebnisse/").content.decode()
    assert "Zahlen aus dem Bericht der damaligen Beteiligung" in html
    assert "knapp 400 Kommentare, mehr als 2.000 Rückmeldungen" in html
    assert "<div><dt>Kommentare (laut Bericht)</dt><dd>400</dd></div>" in html
    # Without a wording the number, grouped the German way.
    assert "<div><dt>Rückmeldungen insgesamt (laut Bericht)</dt><dd>2.000</dd></div>" in html
    # No "0 Kommentare" beside the reported figure.
    assert "<dt>Kommentare</dt><dd>0</dd>" not in html
    assert "hat diese Website keine veröffentlichten Kommentare gezählt" in html


def test_unknown_phase_has_no_results_page(client, db):
    assert client.get("/dialog/phasen/gibt-es-nicht/ergebnisse/").status_code == 404


@pytest.mark.parametrize("count", [10, 5000])
def test_results_page_queries_do_not_grow_with_contributions(
    client, moderator, django_assert_num_queries, count
):
    from django_comments_xtd.models import XtdComment

    phase = make_phase(START, END, slug="gross")
    themes = [make_theme(phase, title=f"Thema {n}") for n in range(3)]
    insert_comments(themes, count, lambda n: START + timedelta(hours=n % 900))
    some = list(XtdComment.objects.order_by("pk")[:5])
    decisions.decide(some, "teilweise", "Zum Teil.", moderator)
    statements = Statement.objects.bulk_create(
        Statement(
            phase=phase,
            organisation=f"Verband {n}",
            kind="verband" if n % 2 else "verwaltung",
            title=f"Stellungnahme {n}",
            text="Text",
            email=f"v{n}@example.org",
            status=Statement.Status.PUBLISHED,
            published_at=START,
        )
        for n in range(count // 50 + 1)
    )
    decisions.decide(statements, "beantwortet", "Danke.", moderator, notify=False)
    client.get("/dialog/phasen/gross/ergebnisse/")  # warm the content-type cache
    # Phase; decided comments and the undecided count; totals and one breakdown per kind of
    # commentable object (goals, paragraphs, themes, ideas, suggestions); per sender; per day;
    # most discussed and the objects they are about (here one query: themes); statements: per
    # kind of organisation, the decided ones; ideas and suggestions: their counts by status.
    with django_assert_num_queries(17):
        html = client.get("/dialog/phasen/gross/ergebnisse/").content.decode()
    assert f"<div><dt>Kommentare</dt><dd>{count}</dd></div>" in html
    assert f"<h3>Beantwortet ({count // 50 + 1})</h3>" in html


def test_demo_results_show_decisions_marked_as_examples(client, demo):
    html = client.get("/dialog/phasen/online-phase-2021/ergebnisse/").content.decode()
    # The partly considered ones: a comment and the example statement of an association.
    for heading in ("Berücksichtigt (1)", "Teilweise berücksichtigt (2)", "Beantwortet (1)"):
        assert f"<h3>{heading}</h3>" in html
    assert "Beispielinhalt: Die Strategie 2.0 stärkt Medienkompetenz" in html
    assert "Stellungnahme von Beispielverband Digitale Bildung NRW (Verband)" in html
    old = client.get("/dialog/phasen/online-beteiligung-2018/ergebnisse/").content.decode()
    assert "<div><dt>Kommentare (laut Bericht)</dt><dd>knapp 400</dd></div>" in old
    # The phase page of the 2018 demo phase: the figures of FACTS.md, never "0".
    page = client.get("/dialog/phasen/online-beteiligung-2018/").content.decode()
    assert "<div><dt>Kommentare</dt><dd>knapp 400</dd></div>" in page
    assert "<div><dt>Rückmeldungen insgesamt</dt><dd>mehr als 2.000</dd></div>" in page
    assert "<dd>0</dd>" not in page
