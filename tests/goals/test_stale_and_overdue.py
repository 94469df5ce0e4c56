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
