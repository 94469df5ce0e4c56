"""Reading the demo's data files (demo/data/): CSV tables and text files with a header.

Times are Berlin wall-clock, written "2018-10-26 09:30". Content that must stay
current whenever the demo is loaded (a running phase, an upcoming event, a scheduled
post) is written relative to that day: "heute-14", "heute+10 18:00" (a day at a time),
"jetzt+14" (now plus days).
"""

import csv
import re
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

DATA = Path(settings.BASE_DIR) / "demo" / "data"
BERLIN = ZoneInfo("Europe/Berlin")
RELATIVE = re.compile(r"^(heute|jetzt)([+-]\d+)(?: (\d{1,2}):(\d{2}))?$")


def table(name: str) -> list[dict[str, str]]:
    """The rows of demo/data/<name> as dicts by column name."""
    with (DATA / name).open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def moment(text: str) -> datetime:
    """An aware datetime from "YYYY-MM-DD HH:MM" (Berlin) or a relative "heute±N[ HH:MM]",
    "jetzt±N"."""
    match = RELATIVE.match(text.strip())
    if match is None:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)
    anchor, days, hour, minute = match.groups()
    if anchor == "jetzt":
        if hour is not None:
            raise ValueError(f"{text!r}: 'jetzt' takes no time of day; use 'heute'.")
        return timezone.now() + timedelta(days=int(days))
    today = timezone.localtime(timezone.now(), BERLIN).date()
    at = time(int(hour or 0), int(minute or 0))
    return datetime.combine(today + timedelta(days=int(days)), at, tzinfo=BERLIN)


def flag(text: str) -> bool:
    return text.strip() == "ja"


def number(text: str) -> int | None:
    return int(text) if text.strip() else None


def items(text: str, separator: str = ",") -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def with_header(path: Path) -> tuple[dict[str, str], str]:
    """A text file with "key: value" lines, a line "---", then the body."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields = {}
    for line in header.splitlines():
        key, _, value = line.partition(": ")
        fields[key.strip()] = value.strip()
    return fields, body.strip()
