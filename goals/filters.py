"""The goal filter of /umsetzung/: ?feld=&status=&horizont=&ueberfaellig=1.

Filters come from bookmarkable links, so a value may be stale or mistyped.
An unknown value is dropped and explained, never an error page.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.utils import formats

from .status import Horizon, Status


@dataclass
class GoalFilter:
    field: object = None  # FieldOfAction
    status: Status | None = None
    horizon: Horizon | None = None
    overdue: bool = False
    notices: list[str] = dataclass_field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.field or self.status or self.horizon or self.overdue)

    def matches(self, goal) -> bool:
        """The same test for one goal loaded with `with_overdue()`, in Python."""
        return (
            (not self.field or goal.field_id == self.field.pk)
            and (not self.status or goal.current_status == self.status)
            and (not self.horizon or goal.horizon == self.horizon)
            and (not self.overdue or goal.is_overdue)
        )


def _unknown(label: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"Den Wert „{shown}“ für „{label}“ kennen wir nicht; dieser Filter wurde ignoriert."


def parse_filters(params, fields) -> GoalFilter:
    """Read the filter from request.GET; `fields` are the selected version's fields."""
    result = GoalFilter()
    feld = params.get("feld", "").strip()
    if feld:
        by_slug = {f.slug: f for f in fields}
        result.field = by_slug.get(feld)
        if result.field is None:
            result.notices.append(_unknown("Handlungsfeld", feld))
    status = params.get("status", "").strip()
    if status:
        if status in Status.values:
            result.status = Status(status)
        else:
            result.notices.append(_unknown("Stand", status))
    horizon = params.get("horizont", "").strip()
    if horizon:
        if horizon in Horizon.values:
            result.horizon = Horizon(horizon)
        else:
            result.notices.append(_unknown("Zeithorizont", horizon))
    overdue = params.get("ueberfaellig", "").strip()
    if overdue:
        if overdue in {"1", "ja"}:
            result.overdue = True
        elif overdue not in {"0", "nein"}:
            result.notices.append(_unknown("nur überfällige", overdue))
    return result


def parse_as_of(value: str, today: datetime.date) -> tuple[datetime.date | None, list[str]]:
    """?stand=JJJJ-MM-TT: the day to show the figures for; None means today."""
    value = (value or "").strip()
    if not value:
        return None, []
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None, [_unknown("Stand am", value) + " Bitte wählen Sie ein Datum."]
    if day >= today:
        return None, [] if day == today else [
            f"Der {formats.date_format(day, 'j. F Y')} liegt in der Zukunft; gezeigt wird der "
            "heutige Stand."
        ]
    return day, []
