"""When a phase runs: start inclusive, end exclusive, compared as instants (DST-safe)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from dialog.models import Phase, is_running
from dialog.participation.dates import format_period, time_left_text

from .factories import BERLIN, UTC, berlin, make_phase

NEW_YORK = ZoneInfo("America/New_York")
ONE_MICROSECOND = timedelta(microseconds=1)

# The spring 2021 phase: clocks went forward on its last day (28 March, 02:00 -> 03:00),
# so its end, midnight into 29 March, is 22:00 UTC, not 23:00 UTC.
SPRING_2021 = (berlin(2021, 2, 15), berlin(2021, 3, 29))
SPRING_2021_END_UTC = datetime(2021, 3, 28, 22, 0, tzinfo=UTC)


def _phase(starts_at, ends_at):
    return Phase(title="x", slug="x", starts_at=starts_at, ends_at=ends_at)


def test_start_is_inclusive():
    phase = _phase(*SPRING_2021)
    assert is_running(phase, berlin(2021, 2, 15)) is True
    assert is_running(phase, berlin(2021, 2, 15) - ONE_MICROSECOND) is False


def test_end_is_exclusive():
    phase = _phase(*SPRING_2021)
    assert phase.ends_at == SPRING_2021_END_UTC
    assert is_running(phase, SPRING_2021_END_UTC - ONE_MICROSECOND) is True
    assert is_running(phase, SPRING_2021_END_UTC) is False


def test_end_accounts_for_the_switch_to_summer_time():
    phase = _phase(*SPRING_2021)
    # 22:30 UTC is 00:30 on 29 March in Berlin (summer time): closed. Had the end been
    # computed with the winter offset (+01:00), this instant would still count as open.
    assert is_running(phase, datetime(2021, 3, 28, 22, 30, tzinfo=UTC)) is False
    assert is_running(phase, datetime(2021, 3, 28, 21, 30, tzinfo=UTC)) is True


def test_end_in_the_repeated_autumn_hour_is_an_instant_not_a_wall_clock_time():
    # 31 Oct 2021 02:30 happened twice in Berlin; fold=0 is the first (summer time) one.
    ends_at = datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN, fold=0)
    phase = _phase(berlin(2021, 10, 1), ends_at)
    assert ends_at.astimezone(UTC) == datetime(2021, 10, 31, 0, 30, tzinfo=UTC)
    # 01:00 UTC reads 02:00 (winter time) on a Berlin clock, earlier than "02:30",
    # but it is half an hour after the end.
    assert is_running(phase, datetime(2021, 10, 31, 1, 0, tzinfo=UTC)) is False
    assert is_running(phase, datetime(2021, 10, 31, 0, 29, tzinfo=UTC)) is True
    # The same instant on a Berlin clock (second 02:15, winter time): still closed,
    # although Python would compare two Berlin datetimes by wall clock (02:15 < 02:30).
    second_quarter_past_two = datetime(2021, 10, 31, 2, 15, tzinfo=BERLIN, fold=1)
    assert is_running(phase, second_quarter_past_two) is False


@pytest.mark.parametrize("zone", [UTC, BERLIN, NEW_YORK])
def test_the_zone_now_is_given_in_does_not_matter(zone):
    phase = _phase(*SPRING_2021)
    just_before = (SPRING_2021_END_UTC - ONE_MICROSECOND).astimezone(zone)
    at_end = SPRING_2021_END_UTC.astimezone(zone)
    assert (is_running(phase, just_before), is_running(phase, at_end)) == (True, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (berlin(2021, 2, 15) - ONE_MICROSECOND, "upcoming"),
        (berlin(2021, 2, 15), "running"),
        (SPRING_2021_END_UTC - ONE_MICROSECOND, "running"),
        (SPRING_2021_END_UTC, "past"),
    ],
)
def test_queryset_methods_agree_with_is_running_at_the_boundaries(now, expected):
    phase = make_phase(*SPRING_2021)
    found = {
        name
        for name, qs in [
            ("running", Phase.objects.running(now)),
            ("upcoming", Phase.objects.upcoming(now)),
            ("past", Phase.objects.past(now)),
        ]
        if phase in qs
    }
    # Exactly one bucket, and the same verdict as the plain function on the stored row.
    assert found == {expected}
    assert is_running(Phase.objects.get(pk=phase.pk), now) is (expected == "running")


@pytest.mark.django_db
def test_end_before_start_is_refused_with_a_german_message_and_by_the_database():
    phase = Phase(
        title="Falsch", slug="falsch", starts_at=berlin(2021, 3, 1), ends_at=berlin(2021, 2, 1)
    )
    with pytest.raises(ValidationError) as error:
        phase.full_clean()
    assert error.value.message_dict == {"ends_at": ["Das Ende muss nach dem Beginn liegen."]}
    with pytest.raises(IntegrityError):
        phase.save()


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(days=12, hours=5), "noch 12 Tage"),
        (timedelta(days=2), "noch 2 Tage"),
        (timedelta(days=1, hours=5), "noch 1 Tag und 5 Stunden"),
        (timedelta(days=1, hours=1), "noch 1 Tag und 1 Stunde"),
        (timedelta(days=1, minutes=30), "noch 1 Tag"),
        (timedelta(hours=3, minutes=59), "noch 3 Stunden"),
        (timedelta(minutes=1), "noch 1 Minute"),
        (timedelta(seconds=30), "noch weniger als eine Minute"),
        (timedelta(0), "beendet"),
    ],
)
def test_time_left_in_german(left, text):
    now = datetime(2021, 3, 1, 12, tzinfo=UTC)
    assert time_left_text(now + left, now) == text


def test_time_left_counts_the_short_night_of_the_clock_change():
    # Noon to noon across the switch to summer time is 23 real hours.
    assert time_left_text(berlin(2021, 3, 28, 12), berlin(2021, 3, 27, 12)) == "noch 23 Stunden"


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "text"),
    [
        (*SPRING_2021, "15. Februar 2021 bis 28. März 2021"),
        (berlin(2018, 8, 27), berlin(2018, 10, 8), "27. August 2018 bis 7. Oktober 2018"),
        (berlin(2019, 11, 22), berlin(2019, 11, 23), "22. November 2019"),
        (
            berlin(2020, 11, 20, 10),
            berlin(2020, 11, 20, 15, 30),
            "20. November 2020, 10:00 bis 15:30 Uhr",
        ),
        (
            berlin(2021, 3, 27, 18),
            berlin(2021, 3, 28, 9),
            "27. März 2021, 18:00 Uhr bis 28. März 2021, 9:00 Uhr",
        ),
        # Stored in UTC, shown in Berlin time.
        (
            datetime(2021, 3, 28, 8, tzinfo=UTC),
            datetime(2021, 3, 28, 9, tzinfo=UTC),
            "28. März 2021, 10:00 bis 11:00 Uhr",
        ),
    ],
)
def test_period_in_german_berlin_time(starts_at, ends_at, text):
    assert format_period(starts_at, ends_at) == text
