"""Wording suggestions in a phase's results: a part of the results page (counts, supports,
answers, how many went into the next version) and their rows in the results CSV, public
fields only (never an address)."""

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from dialog.comments.models import Channel

from .models import SUGGESTION_OUTCOMES, Suggestion, SuggestionSupport

# The answers' statuses, in the words the suggestions' pages use.
STATUSES = {
    "eingegangen": Q(decision__isnull=True, in_review=False),
    "in Prüfung": Q(decision__isnull=True, in_review=True),
    **{label: Q(decision__outcome=outcome) for outcome, label in SUGGESTION_OUTCOMES.items()},
}


def _published(phase):
    return Suggestion.objects.published().filter(phase=phase)


def summary(phase) -> dict | None:
    """Counts for the results page in one query (two when there are suggestions); None if
    the phase has none."""
    suggestions = _published(phase)
    counts = suggestions.aggregate(
        total=Count("pk"),
        applied=Count("pk", filter=Q(applied_at__isnull=False)),
        **{f"s{n}": Count("pk", filter=q) for n, q in enumerate(STATUSES.values())},
    )
    if not counts["total"]:
        return None
    supports = SuggestionSupport.objects.filter(
        suggestion__in=suggestions, confirmed_at__isnull=False
    ).count()
    return {
        "total": counts["total"],
        "applied": counts["applied"],
        "supports": supports,
        "by_status": {label: counts[f"s{n}"] for n, label in enumerate(STATUSES)},
    }


def result_part(phase) -> str:
    found = summary(phase)
    if found is None:
        return ""
    return render_to_string("goals/suggestions/_results.html", {"phase": phase, **found})


def csv_rows(phase, site_url: str):
    suggestions = (
        _published(phase)
        .with_counts()
        .select_related("paragraph__chapter__version", "decision")
        .order_by("published_at", "pk")
    )
    for suggestion in suggestions:
        decision = getattr(suggestion, "decision", None)
        paragraph = suggestion.paragraph
        yield (
            timezone.localtime(suggestion.published_at).strftime("%Y-%m-%d %H:%M"),
            "Formulierungsvorschlag",
            f"{paragraph.chapter.version.title}, Kapitel {paragraph.chapter}, "
            f"Absatz {paragraph.order}",
            suggestion.name,
            suggestion.get_sender_kind_display(),
            suggestion.organisation,
            Channel.ONLINE.label,
            f"Bisher: {suggestion.original}\n\nVorschlag: {suggestion.text}\n\n"
            f"Begründung: {suggestion.reason}",
            decision.outcome_label if decision else "",
            decision.reason if decision else "",
            f"{site_url}{suggestion.get_absolute_url()}",
            suggestion.support_count,
        )
