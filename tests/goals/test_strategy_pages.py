"""/strategie/, /strategie/<version>/ and /strategie/<version>/ziele/<number>/."""

import re

import pytest

from goals.models import Assessment, Goal, GoalVerdict, StatusReport, StrategyVersion
from goals.status import Status

from .conftest import d, text_of

pytestmark = pytest.mark.django_db


def test_version_list_shows_current_first_with_dates_counts_and_summary(client, demo):
    response = client.get("/strategie/")
    html = response.content.decode()
    titles = re.findall(r'<h2><a href="/strategie/([\w-]+)/">', html)
    assert titles == ["2-0", "fortschrittsbericht-2020", "2019", "metastudie-2018"]
    text = text_of(response)
    assert (
        "Digitalstrategie.NRW 2.0 Aktuelle Fassung Beschlossen 16. November 2021 Vorgestellt 19. November 2021 Ziele 78 Ziele"
        in text
    )
    assert "Vorgestellt 10. April 2019 Ziele 44 Ziele" in text
    assert "Metastudie 2018 Jahr 2018 Ziele keine eigenen Ziele" in text
    assert "„Teilhabe ermöglichen – Chancen eröffnen“" in text


def test_version_page_lists_fields_with_goals_and_status_breakdown(client, demo):
    response = client.get("/strategie/2019/")
    text = text_of(response)
    html = response.content.decode()
    sections = re.findall(r'<h2 id="feld-[\w-]+-titel">([^<]+)</h2>', html)
    assert sections == [
        "4.1 Wirtschaft und Arbeit in der digitalen Welt",
        "4.2 Bildung und Kultur",
        "4.3 Intelligente Mobilität",
        "4.4 Gesundheit und selbstbestimmtes Leben",
        "4.5 Intelligentes Energiesystem, Klima und Umwelt",
        "5.1 Digitale Verwaltung",
        "5.2 Forschung und Innovation",
        "5.3 Schnelles Internet",
        "5.4 Sicherheit und Datenschutz",
    ]
    assert len(re.findall(r'<th scope="row"><a href="/strategie/2019/ziele/\d+/">', html)) == 44
    goal = Goal.objects.with_overdue().get(
        version__slug="2019", title__startswith="Medienkompetenzrahmen"
    )
    row = (
        f"{goal.number} Medienkompetenzrahmen NRW in allen Lehrplänen verankern "
        f"{goal.current_status.label} mittelfristig (bis 5 Jahre) Annahme der Redaktion "
        "bis Ende 2022"
    )
    assert row in text
    # The breakdown of field 4.1 matches its goals.
    field_goals = list(
        Goal.objects.with_overdue().filter(version__slug="2019", field__number="4.1")
    )
    done = sum(g.current_status == Status.UMGESETZT for g in field_goals)
    section = html[
        html.index('id="feld-wirtschaft-und-arbeit"') : html.index('id="feld-bildung-und-kultur"')
    ]
    assert f'<span class="status status--umgesetzt">{done} umgesetzt</span>' in section


def test_version_without_goals_says_so(client, demo):
    assert "Diese Fassung enthält keine eigenen Ziele." in text_of(
        client.get("/strategie/metastudie-2018/")
    )


@pytest.mark.parametrize("url", ["/strategie/1999/", "/strategie/2019/ziele/45/"])
def test_unknown_version_or_goal_is_404(client, demo, url):
    # The 2019 version has 44 goals: there is no goal 45.
    response = client.get(url)
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


def test_goal_page_shows_facts_history_lineage_and_neighbours(client, demo):
    goal = Goal.objects.get(version__slug="2-0", title__startswith="Das digitale Gewerbeamt")
    earlier = Goal.objects.get(
        version__slug="2019", title__startswith="Alle Verfahren rund um das Gewerbe"
    )
    response = client.get(f"/strategie/2-0/ziele/{goal.number}/")
    html = response.content.decode()
    text = text_of(response)
    assert "<h1>Das digitale Gewerbeamt bis Ende 2022 starten</h1>" in html
    assert "Handlungsfeld 3 Digitale Verwaltung und offene Daten" in text
    # The horizon and the ministry are the editors' assumptions and say so; the target
    # date is from the source and carries no mark.
    assert (
        "Zeithorizont kurzfristig (bis 2 Jahre) Annahme der Redaktion Zieltermin bis Ende 2022 "
        "Zuständig Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie "
        "Annahme der Redaktion"
    ) in text
    assert "Unternehmen erledigen alle Gewerbeangelegenheiten online" in text
    # History newest first, each report dated.
    dates = re.findall(
        r'<li class="report" id="bericht-\d+">\s*<h3 class="report__title"><time datetime="([\d-]+)"',
        html,
    )
    expected = [r.date.isoformat() for r in goal.reports.order_by("-date")]
    assert dates == expected and len(dates) == 3
    # Lineage both ways, each link marked as assumed, with its note, the moved deadline
    # and, on the earlier goal, why it ended there.
    assert (
        f'<a href="/strategie/2019/ziele/{earlier.number}/">Digitalstrategie.NRW 2019, Ziel {earlier.number}:'
        in html
    )
    lineage = text[text.index("Dieses Ziel führt fort:") : text.index("Berichte zum Stand")]
    assert "Verbindung: Annahme der Redaktion" in lineage
    assert "Aus dem Gewerbe-Service-Portal wird das digitale Gewerbeamt." in lineage
    assert "Zieltermin verschoben: Ende 2020 → Ende 2022" in lineage
    assert (
        f"Warum es dort endete: Annahme der Redaktion: In der Digitalstrategie 2.0 geht die Aufgabe weiter in Ziel {goal.number}."
        in lineage
    )
    back_response = client.get(f"/strategie/2019/ziele/{earlier.number}/")
    back, back_text = back_response.content.decode(), text_of(back_response)
    assert (
        f'<a href="/strategie/2-0/ziele/{goal.number}/">Digitalstrategie.NRW 2.0, Ziel {goal.number}:'
        in back
    )
    assert "Warum dieses Ziel endete" in back_text
    forward = back_text[back_text.index("Fortgeführt in:") : back_text.index("Berichte zum Stand")]
    assert "Verbindung: Annahme der Redaktion" in forward
    assert "Zieltermin verschoben: Ende 2020 → Ende 2022" in forward
    # Neighbours in the same version.
    assert f'href="/strategie/2-0/ziele/{goal.number - 1}/" rel="prev"' in html
    assert f'href="/strategie/2-0/ziele/{goal.number + 1}/" rel="next"' in html


def test_example_goal_is_marked_by_its_provenance_not_by_its_title(
    client, version, make_field, make_goal
):
    field = make_field(version)
    make_goal(field, 1, title="Ausgedachtes Ziel", provenance="beispiel")
    make_goal(field, 2, title="Beispielziel im Titel, aber amtlich")
    notice = "Beispielinhalt: Dieses Ziel ist ein ausgedachtes Beispiel"
    assert notice in text_of(client.get("/strategie/2-0/ziele/1/"))
    assert notice not in text_of(client.get("/strategie/2-0/ziele/2/"))


def test_first_and_last_goal_have_one_neighbour(client, version, make_field, make_goal):
    field = make_field(version)
    make_goal(field, 1, title="Erstes Ziel")
    make_goal(field, 2, title="Letztes Ziel")
    first = client.get("/strategie/2-0/ziele/1/").content.decode()
    last = client.get("/strategie/2-0/ziele/2/").content.decode()
    assert 'rel="prev"' not in first and "Nächstes Ziel: 2. Letztes Ziel" in first
    assert 'rel="next"' not in last and "Vorheriges Ziel: 1. Erstes Ziel" in last


def test_goal_shows_overdue_and_status_date(client, version, make_field, make_goal, today):
    make_goal(
        make_field(version), 1, target=d("2023-12-31"), reports=[(d("2023-03-01"), "verzoegert")]
    )
    html = client.get("/strategie/2-0/ziele/1/").content.decode()
    assert (
        '<span class="status status--verzoegert">verzögert</span> <span class="status status--ueberfaellig">überfällig seit 31. Dezember 2023</span>'
        in html
    )
    assert '<time datetime="2023-03-01">1. März 2023</time>' in html


def test_report_text_is_rendered_safely(client, version, make_field, make_goal):
    goal = make_goal(make_field(version), 1)
    report = StatusReport.objects.create(
        goal=goal, date=d("2024-01-01"), status="geplant", text="<p>Gut</p>"
    )
    # Even if unsafe HTML reached the database by another way, the page stays inert.
    StatusReport.objects.filter(pk=report.pk).update(
        text='<p>Gut</p><img src=x onerror="alert(1)">'
    )
    html = client.get("/strategie/2-0/ziele/1/").content.decode()
    assert "<p>Gut</p>" in html and "onerror" not in html


@pytest.mark.parametrize("count", [10, 200])
def test_version_page_queries_do_not_grow_with_goals(
    client, version, make_field, make_goal, django_assert_num_queries, count
):
    fields = [make_field(version, str(n), f"Feld {n}", position=n) for n in range(1, 6)]
    for number in range(1, count + 1):
        make_goal(
            fields[number % 5],
            number,
            target=d("2023-12-31"),
            reports=[(d("2022-01-01"), "geplant"), (d("2023-01-01"), "verzoegert")],
        )
    client.get("/strategie/2-0/")  # content types are looked up once per process
    # Version, fields with goals, the most commented paragraphs of the text.
    with django_assert_num_queries(4):
        response = client.get("/strategie/2-0/")
    html = response.content.decode()
    # Each of the five fields lists up to 30 goals and links to all of them.
    per_field = count // 5
    assert html.count('<th scope="row"><a href="/strategie/2-0/ziele/') == 5 * min(per_field, 20)
    if per_field > 20:
        assert f"Alle {per_field} Ziele im Handlungsfeld 1</a> (hier stehen die ersten 20)" in html
        assert '<a href="/umsetzung/?fassung=2-0&amp;feld=feld-1#alle-ziele">' in html


@pytest.mark.parametrize("links", [1, 20])
def test_goal_page_queries_do_not_grow_with_history_or_lineage(
    client, version, old_version, make_field, make_goal, django_assert_num_queries, links
):
    old_field = make_field(old_version, "4.1")
    goal = make_goal(
        make_field(version),
        5,
        reports=[(d(f"2022-01-{n:02d}"), "in-umsetzung") for n in range(1, links + 1)],
    )
    make_goal(make_field(version, "2", slug="zwei"), 4)
    make_goal(make_field(version, "3", slug="drei"), 6)
    goal.continues.add(*[make_goal(old_field, n) for n in range(1, links + 1)])
    assessment = Assessment.objects.create(
        version=version,
        author="Rechnungshof",
        title="Prüfung",
        date=d("2023-05-01"),
        goals_assessed=1,
    )
    GoalVerdict.objects.create(assessment=assessment, goal=goal, verdict="teilweise")
    for n in range(1, links + 1):
        goal.ministry = f"Ressort {n}"  # a public change each (goals/changes.py)
        goal.save()
        indicator = goal.indicators.create(name=f"Indikator {n}", target_value=100)
        for day in range(1, links + 1):
            indicator.values.create(date=d(f"2023-01-{day:02d}"), value=day, source_title="Amt")
    # Goal (with its neighbours), reports, the goals it continues and that continue it,
    # indicators, their values, verdicts of other sources, published blog posts about
    # it, paragraphs of the strategy text that mark it, the comments, statements and ideas
    # it came from, the statements addressing it, the changes after publication (one
    # query for all revisions), and 3 for its (empty) comment thread: options, phases
    # covering the version, totals.
    with django_assert_num_queries(16):
        response = client.get("/strategie/2-0/ziele/5/")
    html = response.content.decode()
    assert html.count('class="report"') == links
    assert html.count('class="indicator"') == links
    assert html.count("teilweise erreicht</strong> laut Rechnungshof") == 1
    assert html.count('<li class="goal-change">') == links


@pytest.mark.parametrize("count", [2, 20])
def test_version_list_queries_do_not_grow_with_versions(
    client, make_field, make_goal, django_assert_num_queries, count
):
    for year in range(2000, 2000 + count):
        version = StrategyVersion.objects.create(title=f"Fassung {year}", slug=str(year), year=year)
        field = make_field(version)
        for number in (1, 2, 3):
            make_goal(field, number)
    # Versions with their goal count and document in one query.
    with django_assert_num_queries(1):
        response = client.get("/strategie/")
    assert text_of(response).count("Ziele 3 Ziele") == count
