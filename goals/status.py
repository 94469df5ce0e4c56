"""The status vocabulary, time horizons and the overdue rule.

The rule lives here once, as a plain function for single objects and as the
condition `overdue_condition()` that QuerySets use, so lists and filters agree
with detail pages without a query per goal.
"""

import datetime

from django.db import models
from django.db.models import Q


class Status(models.TextChoices):
    GEPLANT = "geplant", "geplant"
    IN_UMSETZUNG = "in-umsetzung", "in Umsetzung"
    IM_ZEITPLAN = "im-zeitplan", "im Zeitplan"
    VERZOEGERT = "verzoegert", "verzögert"
    UMGESETZT = "umgesetzt", "umgesetzt"
    ENTFALLEN = "entfallen", "entfallen"


# A goal without any report yet counts as planned.
INITIAL_STATUS = Status.GEPLANT
# Finished one way or the other: such a goal can no longer be overdue.
CLOSED_STATUSES = frozenset({Status.UMGESETZT, Status.ENTFALLEN})


class Horizon(models.TextChoices):
    KURZFRISTIG = "kurzfristig", "kurzfristig (bis 2 Jahre)"
    MITTELFRISTIG = "mittelfristig", "mittelfristig (bis 5 Jahre)"
    LANGFRISTIG = "langfristig", "langfristig (mehr als 5 Jahre)"


def is_overdue(target_date: datetime.date | None, status: str, today: datetime.date) -> bool:
    """A goal is overdue from the day after its target date while it is still open."""
    if target_date is None:
        return False
    return target_date < today and status not in CLOSED_STATUSES


def is_stale(
    status_date: datetime.date | None, status: str, today: datetime.date, max_age_days: int
) -> bool:
    """An open goal whose newest report is older than max_age_days: its status may be out of date.

    A finished goal (umgesetzt, entfallen) keeps its final status without new reports.
    """
    if status_date is None or status in CLOSED_STATUSES:
        return False
    return (today - status_date).days > max_age_days


def overdue_condition(today: datetime.date, status_lookup: str = "status_code") -> Q:
    """The same rule as `is_overdue`, for a QuerySet annotated with the status code."""
    return Q(target_date__lt=today) & ~Q(**{f"{status_lookup}__in": list(CLOSED_STATUSES)})
