"""Per-goal Atom feed and the calendar of goal deadlines (issue 13, item 7)."""

import datetime

import pytest
from icalendar import Calendar

from goals.models import StatusReport
from goals.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(version, make_field, make_goal):
    field = make_field(version)
    first = make_goal(field, 1, "Glasfaser in jede Schule", target=datetime.date(2025, 12, 31))
    first.target_date, first.target_is_year = datetime.date(2025, 12, 31), True
    first.save()
    second = make_goal(field, 2, "Online-Anträge für alle Leistungen")
    second.target_date = datetime.date(2026, 3, 1)
    second.save()
    make_goal(field, 3, "Ohne Termin")
    StatusReport.objects.create(
        goal=first, date=datetime.date(2024, 5, 1), status=Status.IN_UMSETZUNG, text="Bericht A"
    )
    StatusReport.objects.create(
        goal=second, date=datetime.date(2024, 5, 2), status=Status.GEPLANT, text="Bericht B"
    )
    return first, second


def test_goal_feed_holds_only_that_goals_reports(client, goals):
    first, _ = goals
    response = client.get("/strategie/2-0/ziele/1/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Ziel 1: Glasfaser in jede Schule" in body
    assert "Bericht A" in body
    assert "Bericht B" not in body
    assert client.get("/strategie/2-0/ziele/99/feed/").status_code == 404


def test_goal_page_links_its_feed(client, goals):
    page = client.get("/strategie/2-0/ziele/1/").content.decode()
    assert 'href="/strategie/2-0/ziele/1/feed/"' in page


@pytest.mark.parametrize("extra_goals", [0, 10])
def test_deadline_calendar_one_all_day_event_per_target(
    client, goals, make_field, version, make_goal, extra_goals, django_assert_num_queries
):
    field = goals[0].field
    for n in range(extra_goals):
        goal = make_goal(field, 10 + n)
        goal.target_date = datetime.date(2027, 1, 1)
        goal.save()
    with django_assert_num_queries(1):
        response = client.get("/umsetzung/termine.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2 + extra_goals
    first = events[0]
    assert str(first["summary"]) == "Zieltermin: Ziel 1 – Glasfaser in jede Schule"
    assert first.decoded("dtstart") == datetime.date(2025, 12, 31)
    assert first.decoded("dtend") == datetime.date(2026, 1, 1)  # all day: exclusive end
    assert "Festgelegt ist nur das Jahr 2025." in str(first["description"])
    assert str(first["url"]).endswith("/strategie/2-0/ziele/1/")
    assert "Ohne Termin" not in response.content.decode()
