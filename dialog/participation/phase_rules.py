"""Participation phases as a rule of the comment policy.

Commenting on an object is open exactly while one of the phases that govern
it is running (`is_running`: start inclusive, end exclusive). Before and
after, the thread is read-only and the note names the phase and its dates.
A running pre-moderated phase holds new comments for a moderator.

The rule knows no content app: whoever registers a model says which phases
govern one of its objects, e.g. for a goal the phases covering its version:

    PhaseRule(lambda goal: goal.version.phases.all())

The rule has the methods the comment policy asks (`is_open`, `premoderated`,
`closed_note`); see dialog/commentable.py.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.utils import timezone

from dialog.participation.dates import format_period
from dialog.participation.models import Phase, is_running

NO_PHASE_NOTE = (
    "Hierzu läuft keine Beteiligungsphase. Sie können die bisherigen Kommentare weiter lesen."
)


class PhaseRule:
    def __init__(
        self,
        phases_of: Callable[[object], Iterable[Phase]],
        clock: Callable[[], datetime] = timezone.now,
    ):
        self.phases_of = phases_of
        self.clock = clock

    def phases(self, obj) -> list[Phase]:
        # Asked up to three times per page (open? note? pre-moderated?): fetch once.
        cached = getattr(obj, "_dialog_phases", None)
        if cached is None:
            cached = sorted(self.phases_of(obj), key=lambda p: p.starts_at)
            obj._dialog_phases = cached
        return cached

    def running_phases(self, obj) -> list[Phase]:
        now = self.clock()
        return [p for p in self.phases(obj) if is_running(p, now)]

    def is_open(self, obj) -> bool:
        return bool(self.running_phases(obj))

    def premoderated(self, obj) -> bool | None:
        running = self.running_phases(obj)
        if any(p.is_pre_moderated for p in running):
            return True
        return None

    def closed_note(self, obj) -> str:
        """Why the thread is read-only: the next phase, else the last one, by name and dates."""
        now = self.clock()
        phases = self.phases(obj)
        upcoming = [p for p in phases if p.starts_at > now]
        if upcoming:
            phase = upcoming[0]
            return (
                f"Kommentieren ist hier in der Beteiligungsphase „{phase.title}“ möglich "
                f"({format_period(phase.starts_at, phase.ends_at)}). Bis dahin können Sie die "
                "bisherigen Kommentare lesen."
            )
        past = [p for p in phases if p.ends_at <= now]
        if past:
            phase = max(past, key=lambda p: p.ends_at)
            return (
                f"Die Beteiligungsphase „{phase.title}“ "
                f"({format_period(phase.starts_at, phase.ends_at)}) ist beendet. Die Kommentare "
                "bleiben lesbar; neue Kommentare sind nicht mehr möglich."
            )
        return NO_PHASE_NOTE
