"""The strategy's pages for the sitemap: (path, last change or None), a query or two each."""

from django.db.models import Count, Max, Q
from django.urls import reverse

from .models import Chapter, Goal, Paragraph, StrategyVersion


def strategy_entries():
    versions = StrategyVersion.objects.current_first().annotate(
        last_report=Max("goals__reports__date")
    )
    # A goal page changes when a report is added.
    goals = (
        Goal.objects.select_related("version").annotate(last_report=Max("reports__date")).in_order()
    )
    return [
        *((v.get_absolute_url(), v.last_report) for v in versions),
        *((g.get_absolute_url(), g.last_report) for g in goals),
    ]


def text_entries():
    """Each version's text page, its chapters and its paragraph pages. A version without
    chapters (2018, 2020) has a text page too: every version's page links it, and it
    offers the document as PDF."""
    chapters = Chapter.objects.select_related("version").order_by("version__year", "order")
    paragraphs = (
        Paragraph.objects.current()
        .select_related("chapter__version")
        .order_by("chapter__version__year", "chapter__order", "order")
    )
    versions = StrategyVersion.objects.order_by("year", "pk").values_list("slug", flat=True)
    return [
        *((reverse("goals:text", args=[slug]), None) for slug in versions),
        *((c.get_absolute_url(), None) for c in chapters),
        *((p.get_absolute_url(), None) for p in paragraphs),
    ]


def strategy_summary():
    """(number of pages, newest change) of strategy_entries(), by aggregates."""
    goals = Goal.objects.aggregate(n=Count("id", distinct=True), latest=Max("reports__date"))
    return StrategyVersion.objects.count() + goals["n"], goals["latest"]


def text_summary():
    found = StrategyVersion.objects.aggregate(
        versions=Count("id", distinct=True), chapters=Count("chapters", distinct=True)
    )
    return found["versions"] + found["chapters"] + Paragraph.objects.current().count(), None


def _phases_with_ideas():
    from dialog.models import Phase

    from .ideas.models import Idea

    published = Idea.objects.published().values("phase")
    return Phase.objects.filter(Q(ideas_allowed=True) | Q(pk__in=published)).order_by("starts_at")


def idea_entries():
    """Each phase's list of ideas and every published idea."""
    from .ideas.models import Idea

    return [
        *((reverse("goals:ideas", args=[slug]), None) for slug in
          _phases_with_ideas().values_list("slug", flat=True)),
        *(
            (idea.get_absolute_url(), idea.published_at)
            for idea in Idea.objects.published().order_by("pk").only("pk", "published_at")
        ),
    ]  # fmt: skip


def idea_summary():
    from .ideas.models import Idea

    ideas = Idea.objects.published().aggregate(n=Count("id"), latest=Max("published_at"))
    return _phases_with_ideas().count() + ideas["n"], ideas["latest"]


def suggestion_entries():
    """The lists of wording suggestions (per phase and chapter that has any) and every
    published suggestion."""
    from .suggestions.models import Suggestion

    published = Suggestion.objects.published()
    phases = published.values_list("phase__slug", flat=True).distinct().order_by("phase__slug")
    chapters = (
        published.values_list("paragraph__chapter__version__slug", "paragraph__chapter__slug")
        .distinct()
        .order_by("paragraph__chapter__version__slug", "paragraph__chapter__slug")
    )
    return [
        *((reverse("goals:suggestions", args=[slug]), None) for slug in phases),
        *((reverse("goals:chapter-suggestions", args=pair), None) for pair in chapters),
        *(
            (s.get_absolute_url(), s.published_at)
            for s in published.order_by("pk").only("pk", "published_at")
        ),
    ]


def suggestion_summary():
    from .suggestions.models import Suggestion

    published = Suggestion.objects.published()
    found = published.aggregate(
        n=Count("id"),
        phases=Count("phase", distinct=True),
        chapters=Count("paragraph__chapter", distinct=True),
        latest=Max("published_at"),
    )
    return found["n"] + found["phases"] + found["chapters"], found["latest"]
