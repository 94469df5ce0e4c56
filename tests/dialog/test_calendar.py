"""/veranstaltungen.ics and /veranstaltungen/<slug>.ics parsed back with `icalendar`."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from dialog.models import Event

from .factories import UTC, berlin, make_event

pytestmark = pytest.mark.django_db


def _parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_feed_lists_every_event_with_uid_stamp_and_berlin_times(client):
    summer = make_event(
        berlin(2019, 6, 18, 17),
        berlin(2019, 6, 18, 20),
        title="Vor-Ort-Dialog",
        online=False,
        place="Dortmund",
        kind=Event.Kind.ON_SITE,
        description="<p>Gespräch <strong>vor Ort</strong>.</p>",
    )
    winter = make_event(berlin(2020, 11, 20, 10), berlin(2020, 11, 20, 15), title="DISRUPTED")

    calendar = _parse(client.get("/veranstaltungen.ics"))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}

    assert set(events) == {"Vor-Ort-Dialog", "DISRUPTED"}
    assert str(calendar["version"]) == "2.0"
    assert "Digitalstrategie.NRW" in str(calendar["prodid"])
    # The same instants come back, whatever offset summer or winter time gives them.
    assert events["Vor-Ort-Dialog"].start == datetime(2019, 6, 18, 15, tzinfo=UTC)
    assert events["Vor-Ort-Dialog"].end == datetime(2019, 6, 18, 18, tzinfo=UTC)
    assert events["DISRUPTED"].start == datetime(2020, 11, 20, 9, tzinfo=UTC)
    # Times refer to a VTIMEZONE that the file carries.
    assert events["DISRUPTED"]["dtstart"].params["TZID"] == "Europe/Berlin"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()

    assert str(events["Vor-Ort-Dialog"]["uid"]) == f"veranstaltung-{summer.pk}@digitalstrategie.nrw"
    assert str(events["DISRUPTED"]["uid"]) == f"veranstaltung-{winter.pk}@digitalstrategie.nrw"
    stamp = events["DISRUPTED"]["dtstamp"].dt
    assert stamp.utcoffset() == timedelta(0)
    assert abs(stamp - winter.updated_at) < timedelta(seconds=1)

    assert str(events["Vor-Ort-Dialog"]["location"]) == "Dortmund"
    assert str(events["DISRUPTED"]["location"]) == "online"
    assert (
        str(events["Vor-Ort-Dialog"]["url"]) == f"http://testserver/veranstaltungen/{summer.slug}/"
    )
    assert str(events["Vor-Ort-Dialog"]["description"]).startswith("Gespräch vor Ort.")
    assert events["Vor-Ort-Dialog"]["categories"].cats == ["Vor-Ort-Dialog"]


def test_single_event_file_holds_only_that_event(client):
    event = make_event(berlin(2021, 2, 17, 18), berlin(2021, 2, 17, 19), title="Digital vor Ort")
    make_event(berlin(2021, 11, 19, 10), berlin(2021, 11, 19, 16), title="Andere")
    response = client.get(f"/veranstaltungen/{event.slug}.ics")
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
    calendar = _parse(response)
    [only] = calendar.walk("VEVENT")
    assert str(only["summary"]) == "Digital vor Ort"
    assert only.start == datetime(2021, 2, 17, 17, tzinfo=UTC)


def test_timezone_covers_a_future_event_past_2038(client):
    # The generated VTIMEZONE spans the events' years, so far-future offsets stay right.
    make_event(berlin(2040, 7, 1, 10), berlin(2040, 7, 1, 12), title="Zukunft")
    calendar = _parse(client.get("/veranstaltungen.ics"))
    [event] = calendar.walk("VEVENT")
    assert event.start == datetime(2040, 7, 1, 8, tzinfo=UTC)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone.to_tz().utcoffset(datetime(2040, 7, 1, 10)) == timedelta(hours=2)


def test_empty_feed_is_still_a_valid_calendar(client):
    calendar = _parse(client.get("/veranstaltungen.ics"))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["x-wr-calname"]) == "Digitalstrategie.NRW: Veranstaltungen"


def test_unknown_event_calendar_is_404(client):
    assert client.get("/veranstaltungen/gibt-es-nicht.ics").status_code == 404


@pytest.mark.parametrize("events", [5, 100])
def test_feed_query_count_does_not_grow_with_events(client, django_assert_num_queries, events):
    now = timezone.now()
    for i in range(events):
        make_event(now + timedelta(days=i), now + timedelta(days=i, hours=1))
    with django_assert_num_queries(1):
        calendar = _parse(client.get("/veranstaltungen.ics"))
    assert len(calendar.walk("VEVENT")) == events
