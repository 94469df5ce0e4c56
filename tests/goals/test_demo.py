"""The demo content: 44 + 78 goals, the real ones from FACTS.md, the rest marked as examples."""

import pytest

from dialog.comments.xtd import XtdComment
from goals.models import FieldOfAction, Goal, StrategyVersion
from goals.status import Status

from .conftest import text_of

pytestmark = pytest.mark.django_db

REAL_2019 = [
    "Medienkompetenzrahmen NRW",
    "E-Government-Gesetz novellieren",
    "Gewerbe-Service-Portal.NRW",
    "50 Prozent mehr Ausgründungen",
    "Wagniskapital von 0,5 Milliarden Euro",
    "Digitalisierungskredit der NRW.BANK",
    "Alle Schulen an das Gigabit-Netz",
    "Gewerbegebiete bis 2022 und ganz NRW bis 2025",
    "Die Landesverwaltung vollständig digitalisieren",
    "Alle Funklöcher schließen und mit 5G starten",
    "EXIST-Gründerstipendien",
    "Gründerstipendium.NRW",
    "Blockchain-Institut",
    "KI.NRW",
    "Start-ups in der Energiewirtschaft",
    "Digitales Lernen in der Aus- und Fortbildung von Lehrkräften",
    "Open Access und Open Science",
]
REAL_20 = [
    "digitale Gewerbeamt",
    "digitale Bürgeramt",
    "Leitmarkt für 5G",
    "90 Prozent der Haushalte",
    "mindestens 7.500 Maßnahmen",
    "Digitalisierungskredit der NRW.BANK",
    "Präsenz- und Distanzunterricht",
    "Orte für digitale Künste",
    "EdTech-Inkubator",
    "Medienkompetenz gezielt für einzelne Gruppen",
    "Open-Data-Verordnung",
    "Scale-ups bis 2025 verdoppeln",
    "Quantencomputing",
]


def test_versions_fields_and_goal_counts(demo):
    counts = {v.slug: v.goal_count for v in StrategyVersion.objects.with_goal_counts()}
    assert counts == {"2-0": 78, "fortschrittsbericht-2020": 0, "2019": 44, "metastudie-2018": 0}
    assert StrategyVersion.objects.get(is_current=True).slug == "2-0"
    numbers = list(
        FieldOfAction.objects.filter(version__slug="2019").values_list("number", flat=True)
    )
    assert numbers == ["4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4"]
    for slug, total in (("2019", 44), ("2-0", 78)):
        assert sorted(
            Goal.objects.filter(version__slug=slug).values_list("number", flat=True)
        ) == list(range(1, total + 1))


@pytest.mark.parametrize(("slug", "fragments"), [("2019", REAL_2019), ("2-0", REAL_20)])
def test_every_known_real_goal_is_there_and_not_marked_as_example(demo, slug, fragments):
    for fragment in fragments:
        goal = Goal.objects.get(version__slug=slug, title__contains=fragment)
        assert not goal.title.startswith("Beispielziel"), goal.title
        assert goal.provenance == "amtlich", goal.title


def test_all_other_goals_are_clearly_examples(demo):
    examples = Goal.objects.filter(provenance="beispiel")
    assert examples.filter(version__slug="2019").count() == 44 - len(REAL_2019)
    assert examples.filter(version__slug="2-0").count() == 78 - len(REAL_20)
    assert all(g.title.startswith("Beispielziel: ") for g in examples)
    assert all("Beispielinhalt" in g.description for g in examples)


def test_invented_reports_and_assumed_fields_carry_their_provenance(demo):
    from goals.models import StatusReport

    invented = StatusReport.objects.filter(provenance="beispiel")
    assert invented.count() == StatusReport.objects.filter(text__contains="Beispielinhalt").count()
    assert invented.count() > 300
    # The two reports grounded in public facts are not examples and name their source.
    official = StatusReport.objects.filter(provenance="amtlich").order_by("date")
    assert [(r.source_title, str(r.date)) for r in official] == [
        ("Fortschrittsbericht 2020", "2020-07-17"),
        ("Open-Data-Verordnung NRW", "2022-01-14"),
    ]
    assert official[0].source_document.slug == "fortschrittsbericht-2020"
    assumed = FieldOfAction.objects.filter(provenance="annahme")
    assert set(assumed.values_list("version__slug", flat=True)) == {"2-0"}


def test_demo_goal_files_are_in_the_editors_import_format():
    """The demo's CSV files have exactly the columns the admin import and export use."""
    import csv
    from pathlib import Path

    from goals.resources import GoalResource, StatusReportResource

    data = Path(__file__).resolve().parents[2] / "demo" / "data"
    for name, resource in (
        ("goals.csv", GoalResource),
        ("status_reports.csv", StatusReportResource),
    ):
        with open(data / name, newline="", encoding="utf-8") as file:
            header = next(csv.reader(file))
        assert header == [f.column_name for f in resource().get_export_fields()], name


def test_status_histories_are_varied_with_overdue_done_and_lineage(demo):
    goals = list(Goal.objects.with_overdue())
    statuses = {g.current_status for g in goals}
    assert statuses == set(Status)
    assert sum(g.is_overdue for g in goals) >= 10
    assert sum(g.current_status == Status.UMGESETZT for g in goals) >= 30
    assert all(g.reports.count() >= 1 for g in goals[:5])
    continuing = Goal.objects.filter(
        version__slug="2-0", continues__version__slug="2019"
    ).distinct()
    assert continuing.count() >= 10
    gewerbeamt = Goal.objects.get(title__contains="digitale Gewerbeamt")
    assert [g.title for g in gewerbeamt.continues.all()] == [
        "Alle Verfahren rund um das Gewerbe vollständig digital anbieten (Gewerbe-Service-Portal.NRW)"
    ]


def test_open_data_ordinance_report_carries_the_real_date(demo):
    goal = Goal.objects.with_overdue().get(title__contains="Open-Data-Verordnung")
    assert (goal.current_status, str(goal.current_status_date), goal.is_overdue) == (
        Status.UMGESETZT,
        "2022-01-14",
        False,
    )


def test_demo_thread_counts_in_the_running_demo_phase(client, demo):
    """The demo comments on goal 2.0/1 and on the example ideas fall inside the phase that
    runs now, so its figures show them."""
    from django_comments_xtd.models import XtdComment

    from dialog.models import Phase
    from dialog.participation.phases import participation_figures

    phase = Phase.objects.get(slug="mitdiskutieren-digitalstrategie-2-0")
    on_goal = XtdComment.objects.filter(
        content_type__model__in=["goal", "idea"],
        is_public=True,
        is_removed=False,
        submit_date__gte=phase.starts_at,
        submit_date__lt=phase.ends_at,
    )
    figures = participation_figures(phase)
    assert on_goal.count() >= 4
    assert figures.comments == on_goal.count()
    html = client.get("/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/").content.decode()
    assert f"<dt>Kommentare</dt><dd>{figures.comments}</dd>" in html


def test_demo_official_answer_fits_its_goal_is_marked_and_names_no_login(client, demo):
    answer = XtdComment.objects.get(user__username="demo.landesregierung")
    goal = Goal.objects.get(pk=answer.object_pk)
    # The citizen asks about applying online at any hour: the Bürgeramt goal.
    assert goal.title == "Das digitale Bürgeramt bis Ende 2022 starten"
    text = text_of(client.get(goal.get_absolute_url()))
    thread = text[text.index("Lea aus Bielefeld") :]
    assert "Redaktion Digitalstrategie.NRW Antwort der Landesregierung" in thread
    assert "Beispielinhalt: Diese Antwort ist für die Vorführung der Website ausgedacht" in thread
    assert "demo.landesregierung" not in text


def test_demo_events_series_assumed_times_indicators_and_assessments(client, demo):
    series = text_of(client.get("/veranstaltungen/reihen/digital-vor-ort-mit/"))
    assert "Digital vor Ort mit … (17. Februar 2021)" in series
    assert "Uhrzeit: Annahme der Redaktion" in series
    events = text_of(client.get("/veranstaltungen/"))
    # Every demo event's time is assumed or invented; each says so.
    assert events.count("Uhrzeit: Annahme der Redaktion") == 5
    assert events.count("Uhrzeit: Beispielinhalt") == 3
    five_g = Goal.objects.get(version__slug="2-0", number=31)
    page = text_of(client.get(five_g.get_absolute_url()))
    assert "Ziel: 10.300 Ausbauten bis 31.12.2024." in page
    assert "9.400 Ausbauten Beispielinhalt" in page
    dashboard = text_of(client.get("/umsetzung/?fassung=2019"))
    assert "Opposition im Landtag Nordrhein-Westfalen" in dashboard
    assert "43 8 20 15 –" in dashboard


def test_home_page_says_what_the_strategy_is_for(client, demo):
    text = text_of(client.get("/"))
    lead = text[text.index("Die Digitalisierung verändert") : text.index("Die Strategie lesen")]
    for words in (
        "das Dach über den vielen Vorhaben",
        "Leitplanken",
        "wie Nordrhein-Westfalen im digitalen Zeitalter aussehen soll",
        "Im Mittelpunkt steht der Mensch",
        "den Menschen und der Gesellschaft dienen",
    ):
        assert words in lead
