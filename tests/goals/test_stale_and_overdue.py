"""Overdue shows since when, never beside "im Zeitplan" unexplained; an old status is flagged stale."""

import datetime

import pytest
from django.utils import timezone

from goals.status import Status, is_stale

from .conftest import TODAY, d

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("age_days", "status", "expected"),
    [
        (365, Status.IN_UMSETZUNG, False),  # exactly the allowed age: still current
        (366, Status.IN_UMSETZUNG, True),
        (366, Status.IM_ZEITPLAN, True),
        (366, Status.GEPLANT, True),
        (2000, Status.UMGESETZT, False),  # a finished goal keeps its final status
        (2000, Status.ENTFALLEN, False),
    ],
)
def test_stale_rule_at_the_edges(age_days, status, expected):
    assert is_stale(TODAY - age_days * DAY, status, TODAY, 365) is expected


def test_a_goal_without_any_report_is_not_called_stale():
    assert is_stale(None, Status.GEPLANT, TODAY, 365) is False


def test_goal_page_says_since_when_overdue_and_explains_a_contradicting_report(
    client, version, make_field, make_goal, today
):
    field = make_field(version)
    make_goal(
        field,
        1,
        target=d("2023-12-31"),
        target_is_year=True,
        reports=[(d("2023-10-27"), "im-zeitplan")],
    )
    make_goal(field, 2, target=d("2024-03-31"), reports=[(d("2024-05-01"), "verzoegert")])
    first = client.get("/strategie/2-0/ziele/1/").content.decode()
    assert "überfällig seit Ende 2023</span>" in first
    assert "(Zieltermin überschritten; der letzte Bericht nannte das Ziel im Zeitplan)" in first
    assert 'laut Bericht vom <time datetime="2023-10-27">27. Oktober 2023</time>' in first
    # "seit" is the target date, never the date of the last report.
    assert "überfällig seit 27. Oktober 2023" not in first
    second = client.get("/strategie/2-0/ziele/2/").content.decode()
    assert "überfällig seit 31. März 2024</span>" in second
    assert "Zieltermin überschritten;" not in second


def test_overdue_starts_at_midnight_in_berlin_not_utc(
    client, version, make_field, make_goal, monkeypatch
):
    make_goal(
        make_field(version), 1, target=d("2023-12-31"), reports=[(d("2023-06-01"), "verzoegert")]
    )
    utc = datetime.UTC
    # 23:30 UTC on 31 December is already 1 January in Berlin (UTC+1 in winter).
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2023, 12, 31, 23, 30, tzinfo=utc)
    )
    assert "überfällig seit" in client.get("/strategie/2-0/ziele/1/").content.decode()
    # 22:59 UTC is 23:59 on the target day in Berlin: still in time.
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2023, 12, 31, 22, 59, tzinfo=utc)
    )
    assert "überfällig seit" not in client.get("/strategie/2-0/ziele/1/").content.decode()


def test_stale_status_is_flagged_on_the_goal_in_lists_totals_and_open_data(
    client, version, make_field, make_goal, today, settings
):
    settings.GOALS_STALE_AFTER_DAYS = 365
    field = make_field(version)
    make_goal(field, 1, title="Alter Stand", reports=[(TODAY - 400 * DAY, "in-umsetzung")])
    make_goal(field, 2, title="Frischer Stand", reports=[(TODAY - 30 * DAY, "in-umsetzung")])
    make_goal(field, 3, title="Lange fertig", reports=[(TODAY - 900 * DAY, "umgesetzt")])
    flag = '<span class="status status--veraltet">Stand veraltet</span>'
    assert flag in client.get("/strategie/2-0/ziele/1/").content.decode()
    assert flag not in client.get("/strategie/2-0/ziele/2/").content.decode()
    assert flag not in client.get("/strategie/2-0/ziele/3/").content.decode()
    dashboard = client.get("/umsetzung/?fassung=2-0").content.decode()
    assert "<li><strong>1</strong> mit veraltetem Stand</li>" in dashboard
    assert "älter als 365 Tage" in dashboard
    assert dashboard.count(flag) == 1  # the goal list shows it once, for goal 1
    goals = client.get("/daten/ziele.json").json()["ziele"]
    assert {row["nummer"]: row["stand_veraltet"] for row in goals} == {1: True, 2: False, 3: False}
    csv_lines = client.get("/daten/ziele.csv").content.decode("utf-8-sig").splitlines()
    assert "stand_veraltet" in csv_lines[0]
    # A shorter setting flags the fresher status too.
    settings.GOALS_STALE_AFTER_DAYS = 20
    assert flag in client.get("/strategie/2-0/ziele/2/").content.decode()


def test_figures_built_on_example_content_say_so_and_the_notice_goes_with_it(
    client, version, make_field, make_goal, today
):
    from goals.models import StatusReport

    field = make_field(version)
    real = make_goal(field, 1, title="Amtliches Ziel", reports=[(d("2024-01-10"), "umgesetzt")])
    make_goal(field, 2, title="Ausgedachtes Ziel", provenance="beispiel")
    notice = "Beispielinhalt: 1 der 2 Ziele in diesen Zahlen sind ausgedacht"
    assert notice in client.get("/umsetzung/?fassung=2-0").content.decode()
    assert notice in client.get("/strategie/2-0/").content.decode()
    # An invented status of a real goal counts too, and the goal page says which part.
    StatusReport.objects.filter(goal=real).update(provenance="beispiel")
    dashboard = client.get("/umsetzung/?fassung=2-0").content.decode()
    assert "Beispielinhalt: 2 der 2 Ziele" in dashboard
    goal_page = client.get("/strategie/2-0/ziele/1/").content.decode()
    assert "Das Ziel ist amtlich, sein angezeigter Stand aber ist für die Vorführung" in goal_page
    assert '<span class="badge badge--provenance">Beispielinhalt</span>' in goal_page
    rows = {r["nummer"]: r for r in client.get("/daten/ziele.json").json()["ziele"]}
    assert (rows[1]["herkunft"], rows[1]["status_herkunft"]) == ("amtlich", "Beispielinhalt")
    # When no example content remains, no notice shows.
    StatusReport.objects.update(provenance="amtlich")
    from goals.models import Goal

    Goal.objects.update(provenance="amtlich")
    assert "Beispielinhalt" not in client.get("/umsetzung/?fassung=2-0").content.decode()
    assert "Beispielinhalt" not in client.get("/strategie/2-0/ziele/1/").content.decode()


@pytest.fixture
def history(version, make_field, make_goal, today):
    """Three goals with dated reports, for figures as of three days, computed by hand."""
    field = make_field(version)
    # Goal 1: planned 2021, in progress 2022, done 2023; target end of 2022.
    make_goal(
        field,
        1,
        target=d("2022-12-31"),
        target_is_year=True,
        reports=[
            (d("2021-03-01"), "geplant"),
            (d("2022-02-01"), "in-umsetzung"),
            (d("2023-06-30"), "umgesetzt"),
        ],
    )
    # Goal 2: in progress from 2021, delayed from 2023; target 30 June 2022.
    make_goal(
        field,
        2,
        target=d("2022-06-30"),
        reports=[(d("2021-05-01"), "in-umsetzung"), (d("2023-01-15"), "verzoegert")],
    )
    # Goal 3: only reported in 2024; no target.
    make_goal(field, 3, reports=[(d("2024-02-01"), "im-zeitplan")])


@pytest.mark.parametrize(
    ("day", "statuses", "overdue"),
    [
        # 31 Dec 2021: 1 planned, 2 in progress, 3 has no report yet (planned).
        ("2021-12-31", {1: "geplant", 2: "in-umsetzung", 3: "geplant"}, set()),
        # 31 Dec 2022: 1 in progress and due today (not yet overdue), 2 overdue since 30 June.
        ("2022-12-31", {1: "in-umsetzung", 2: "in-umsetzung", 3: "geplant"}, {2}),
        # 1 Jan 2023: 1 became overdue too.
        ("2023-01-01", {1: "in-umsetzung", 2: "in-umsetzung", 3: "geplant"}, {1, 2}),
    ],
)
def test_dashboard_and_open_data_as_of_a_past_day(client, history, day, statuses, overdue):
    html = client.get(f"/umsetzung/?fassung=2-0&stand={day}").content.decode()
    assert f'<strong>Stand: <time datetime="{day}">' in html
    assert "so, wie es die Berichte damals sagten" in html
    done = sum(1 for s in statuses.values() if s == "umgesetzt")
    assert f"<li><strong>{done}</strong> umgesetzt</li>" in html
    assert f"<li><strong>{len(overdue)}</strong> überfällig</li>" in html
    rows = client.get(f"/daten/ziele.json?stand={day}").json()["ziele"]
    assert {r["nummer"]: r["status"] for r in rows} == {
        n: {"geplant": "geplant", "in-umsetzung": "in Umsetzung"}.get(s, s)
        for n, s in statuses.items()
    }
    assert {r["nummer"] for r in rows if r["ueberfaellig"]} == overdue


def test_without_a_day_the_dashboard_shows_today_and_a_picker(client, history):
    html = client.get("/umsetzung/?fassung=2-0").content.decode()
    assert (
        '<strong>Stand: <time datetime="2024-06-15">15. Juni 2024</time></strong> (heute)' in html
    )
    assert '<input type="date" id="stand" name="stand" value="" max="2024-06-15"' in html
    assert "<li><strong>1</strong> umgesetzt</li>" in html


@pytest.mark.parametrize(
    ("value", "notice"),
    [
        ("gestern", "Den Wert „gestern“ für „Stand am“ kennen wir nicht"),
        ("2031-01-01", "liegt in der Zukunft; gezeigt wird der heutige Stand."),
        ("2022-13-45", "Bitte wählen Sie ein Datum."),
    ],
)
def test_a_bad_day_is_explained_and_today_shown(client, history, value, notice):
    html = client.get("/umsetzung/", {"fassung": "2-0", "stand": value}).content.decode()
    assert notice in html
    assert "(heute)" in html
    assert client.get("/daten/ziele.json", {"stand": value}).status_code in {200, 404}


@pytest.mark.parametrize("reports", [1, 40])
def test_as_of_queries_do_not_grow_with_reports(
    client, version, make_field, make_goal, today, django_assert_num_queries, reports
):
    from datetime import timedelta

    field = make_field(version)
    for number in range(1, 4):
        make_goal(
            field,
            number,
            reports=[
                (d("2020-01-01") + timedelta(days=7 * n), "in-umsetzung") for n in range(reports)
            ],
        )
    # The same four as today's dashboard: versions with counts, fields, goals with their
    # status as of the day (one query, the reports in subqueries), and other sources'
    # assessments dated by then.
    with django_assert_num_queries(4):
        client.get("/umsetzung/?fassung=2-0&stand=2021-06-30")
