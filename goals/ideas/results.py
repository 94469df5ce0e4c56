"""Ideas in a phase's results: a part of the results page (counts, supports, answers) and
their rows in the results CSV, public fields only (never an address)."""

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from dialog.comments.models import Channel

from . import listing
from .models import Idea, IdeaSupport


def _published(phase):
    return Idea.objects.published().filter(phase=phase)


def summary(phase) -> dict | None:
    """Counts for the results page, by aggregates; None if the phase neither collects nor
    has ideas."""
    ideas = _published(phase)
    counts = ideas.aggregate(
        total=Count("id"),
        **{key: Count("id", filter=listing.status_condition(key)) for key in listing.STATUSES},
    )
    if not phase.ideas_allowed and not counts["total"]:
        return None
    supports = IdeaSupport.objects.filter(idea__in=ideas, confirmed_at__isnull=False).count()
    return {
        "total": counts["total"],
        "supports": supports,
        "by_status": {label: counts[key] for key, label in listing.STATUSES.items()},
    }


def result_part(phase) -> str:
    found = summary(phase)
    if found is None:
        return ""
    return render_to_string("goals/ideas/_results.html", {"phase": phase, **found})


def csv_rows(phase, site_url: str):
    ideas = (
        _published(phase)
        .with_counts()
        .select_related("field", "goal", "decision")
        .order_by("published_at", "pk")
    )
    for idea in ideas:
        decision = getattr(idea, "decision", None)
        about = f"Handlungsfeld {idea.field.number} {idea.field.title}"
        if idea.goal is not None:
            about += f"; Ziel {idea.goal.number}: {idea.goal.title}"
        yield (
            timezone.localtime(idea.published_at).strftime("%Y-%m-%d %H:%M"),
            "Idee",
            about,
            idea.name,
            idea.get_sender_kind_display(),
            idea.organisation,
            Channel.ONLINE.label,
            f"{idea.title}\n\n{idea.text}",
            decision.outcome_label if decision else "",
            decision.reason if decision else "",
            f"{site_url}{idea.get_absolute_url()}",
            idea.support_count,
        )
