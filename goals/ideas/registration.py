"""Where ideas join the rest of the site: comments, decisions, purges, the page cache."""

from dataclasses import dataclass

from django.urls import reverse

from common import confirmation, page_shows, related
from dialog.comments import decisions
from dialog.registration import make_commentable

from . import alerts, results, support, workflow


class PublishedIdeaRule:
    """A dialog comment rule: closed unless the idea is published (its phase decides the rest)."""

    def is_open(self, idea):
        return None if idea.is_published else False

    def closed_note(self, idea):
        return "Kommentieren ist möglich, sobald die Idee veröffentlicht ist."


@dataclass(frozen=True)
class IdeasLink:
    """The phase page's links to its ideas (through common.related: dialog knows no goals)."""

    phase: object
    label: str
    name: str

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse(self.name, args=[self.phase.slug])


@dataclass(frozen=True)
class ThemeIdeaLink:
    theme: object

    def __str__(self):
        return "Eigene Idee zu diesem Thema einreichen"

    def get_absolute_url(self):
        url = reverse("goals:idea-submit", args=[self.theme.phase.slug])
        return f"{url}?thema={self.theme.pk}"


def theme_ideas(theme, model) -> list:
    """The theme's published ideas, led by the way to add one while its phase takes them."""
    from django.utils import timezone

    ideas = list(model.objects.published().filter(theme=theme).order_by("-published_at"))
    if theme.takes_ideas(timezone.now()):
        return [ThemeIdeaLink(theme), *ideas]
    return ideas


def ideas_links(phase) -> list[IdeasLink]:
    from django.utils import timezone

    if not phase.ideas_allowed:
        return []
    links = [IdeasLink(phase, "Ideen lesen, unterstützen und diskutieren", "goals:ideas")]
    if phase.takes_ideas(timezone.now()):
        links.append(IdeasLink(phase, "Eigene Idee einreichen", "goals:idea-submit"))
    return links


def ideas_leading_to(obj):
    """Published ideas whose answer names `obj` (a goal, a paragraph) as where they led."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Idea

    ideas = (
        Idea.objects.published()
        .filter(
            decision__result_type=ContentType.objects.get_for_model(obj),
            decision__result_pk=str(obj.pk),
        )
        .select_related("decision")
        .order_by("published_at")
    )
    for idea in ideas:
        idea.date = idea.published_at
        idea.outcome_label = idea.decision.outcome_label
        yield idea


def connect() -> None:
    from dialog.models import Phase, Theme
    from dialog.participation import results as phase_results

    from .models import Idea

    related.register(Phase, "Ideen", ideas_links, anchor="ideen")
    related.register(
        Theme,
        "Ideen zu diesem Thema",
        lambda theme: theme_ideas(theme, Idea),
        date=lambda item: getattr(item, "published_at", None),
        anchor="ideen",
    )
    decisions.register_origin("Entstanden aus Ideen", "aus-ideen", ideas_leading_to)
    alerts.connect()
    phase_results.register_part(results.result_part)
    phase_results.register_csv_rows(results.csv_rows)

    make_commentable(
        Idea,
        rules=[PublishedIdeaRule()],
        public=lambda: Idea.objects.published(),
        describe=lambda idea: {"field": f"Idee in der Phase „{idea.phase.title}“"},
        phases_of=lambda idea: [idea.phase],
        objects_of=lambda phase: Idea.objects.published().filter(phase=phase),
        group="title",
        group_name="Idee",
        order="published_at",
    )
    workflow.connect()
    confirmation.register_purge(
        "unbestätigte Unterstützungen von Ideen", support.supports.purge_unconfirmed
    )
    # Pages show published ideas (and hidden ones disappear), confirmed supports, answers.
    page_shows.shows("goals.idea", when=lambda idea: idea.reviewed)
    page_shows.shows("goals.ideasupport", when=lambda s: s.confirmed_at is not None)
    page_shows.shows("goals.ideadecision")
