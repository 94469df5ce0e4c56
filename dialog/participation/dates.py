"""German wording for periods and for the time left in a phase."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.dateformat import format as date_format

MIDNIGHT = (0, 0)


def _day(value: datetime) -> str:
    return date_format(value, "j. F Y")


def _clock(value: datetime) -> str:
    return date_format(value, "G:i") + " Uhr"


def format_period(starts_at: datetime, ends_at: datetime) -> str:
    """The period as a German reader expects it, in Berlin time.

    Ends are exclusive (see `is_running`), so a period ending at midnight is
    shown as ending on the previous day: 27 Aug 00:00 to 8 Oct 00:00 reads
    "27. August 2018 bis 7. Oktober 2018".
    """
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at)
    if (start.hour, start.minute) == MIDNIGHT and (end.hour, end.minute) == MIDNIGHT:
        last_day = end - timedelta(days=1)
        if last_day.date() == start.date():
            return _day(start)
        return f"{_day(start)} bis {_day(last_day)}"
    if start.date() == end.date():
        return f"{_day(start)}, {date_format(start, 'G:i')} bis {_clock(end)}"
    return f"{_day(start)}, {_clock(start)} bis {_day(end)}, {_clock(end)}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def time_left_text(ends_at: datetime, now: datetime) -> str:
    """How long until `ends_at`, in words: "noch 3 Tage und 4 Stunden".

    Days and hours are counted in real elapsed time, so a night with a clock
    change counts 23 or 25 hours, as it really lasts. (Subtracting two
    datetimes that share a tzinfo would count wall-clock time: hence UTC.)
    """
    left = ends_at.astimezone(UTC) - now.astimezone(UTC)
    if left <= timedelta(0):
        return "beendet"
    minutes_total = int(left.total_seconds() // 60)
    days, rest = divmod(minutes_total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days >= 2:
        return f"noch {_plural(days, 'Tag', 'Tage')}"
    if days == 1:
        if hours:
            return f"noch 1 Tag und {_plural(hours, 'Stunde', 'Stunden')}"
        return "noch 1 Tag"
    if hours:
        return f"noch {_plural(hours, 'Stunde', 'Stunden')}"
    if minutes:
        return f"noch {_plural(minutes, 'Minute', 'Minuten')}"
    return "noch weniger als eine Minute"
