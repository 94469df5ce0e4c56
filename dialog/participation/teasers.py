"""What the home page shows of the dialog: one call, a fixed number of queries."""

from datetime import datetime

from django.utils import timezone

from dialog.participation.dates import time_left_text
from dialog.participation.models import Event, Phase, Theme

NEXT_EVENTS = 3
THEMES = 6


def home_teasers(now: datetime | None = None) -> dict:
    """The running phase (else the next one), the next events and the dialog themes.

    Three queries, whatever the amount of data.
    """
    now = now or timezone.now()
    # Running phases sort before upcoming ones: a running phase started before now.
    phase = Phase.objects.filter(ends_at__gt=now).order_by("starts_at").first()
    if phase is not None and phase.is_running(now):
        phase.time_left = time_left_text(phase.ends_at, now)
    return {
        "dialog_phase": phase,
        "dialog_phase_running": phase is not None and phase.is_running(now),
        "dialog_events": list(Event.objects.upcoming(now)[:NEXT_EVENTS]),
        "dialog_themes": list(Theme.objects.order_by("position", "title")[:THEMES]),
    }
