"""The ideas of a phase as a visitor asks for them: filtered by field of action, theme and
status, sorted by date, support, discussion or a random order that stays the same for a
day (so the first ideas do not always stay on top), a bounded number of queries."""

import datetime

from django.db.models import F, IntegerField, Q
from django.db.models.functions import Mod
from django.http import Http404
from django.shortcuts import get_object_or_404

from dialog.comments.counts import annotate_comment_counts
from dialog.comments.models import Outcome
from dialog.models import Phase

from .models import Idea

SORTS = {
    "neu": "Neueste zuerst",
    "unterstuetzt": "Meiste Unterstützung",
    "diskutiert": "Meiste Kommentare",
    "zufall": "Zufällige Reihenfolge (jeden Tag neu)",
}
STATUSES = {
    "eingegangen": "eingegangen",
    "in-pruefung": "in Prüfung",
    "aufgenommen": "aufgenommen",
    "teilweise": "teilweise aufgenommen",
    "nicht-aufgenommen": "nicht aufgenommen",
    "beantwortet": "beantwortet",
}
_OUTCOME_OF = {
    "aufgenommen": Outcome.BERUECKSICHTIGT,
    "teilweise": Outcome.TEILWEISE,
    "nicht-aufgenommen": Outcome.NICHT,
    "beantwortet": Outcome.BEANTWORTET,
}
PRIME = 10007


def phase_with_ideas(slug):
    """The phase of an ideas page or feed: 404 unless it collects ideas or has some."""
    phase = get_object_or_404(Phase, slug=slug)
    if not phase.ideas_allowed and not phase.ideas.published().exists():
        raise Http404("Diese Phase sammelt keine Ideen.")
    return phase


def status_condition(status: str) -> Q:
    if status == "eingegangen":
        return Q(decision__isnull=True, in_review=False)
    if status == "in-pruefung":
        return Q(decision__isnull=True, in_review=True)
    return Q(decision__outcome=_OUTCOME_OF[status])


def ideas(phase, *, field=None, theme=None, status="", sort="neu", today: datetime.date):
    queryset = annotate_comment_counts(
        Idea.objects.published().filter(phase=phase).with_counts()
    ).select_related("field", "goal", "theme", "decision")
    if field is not None:
        queryset = queryset.filter(field=field)
    if theme is not None:
        queryset = queryset.filter(theme=theme)
    if status in STATUSES:
        queryset = queryset.filter(status_condition(status))
    if sort == "unterstuetzt":
        return queryset.order_by("-support_count", "-published_at", "-pk")
    if sort == "diskutiert":
        return queryset.order_by("-comment_count", "-published_at", "-pk")
    if sort == "zufall":
        seed = today.toordinal() % (PRIME - 1) + 1
        shuffled = Mod(F("pk") * seed, PRIME, output_field=IntegerField())
        return queryset.annotate(shuffled=shuffled).order_by("shuffled", "pk")
    return queryset.order_by("-published_at", "-pk")


def public_status(idea) -> str:
    """What the idea's page and lists say of it."""
    decision = getattr(idea, "decision", None)  # RelatedObjectDoesNotExist is an AttributeError
    if decision is not None:
        return decision.outcome_label
    return "in Prüfung" if idea.in_review else "eingegangen"
