"""Where wording suggestions join the rest of the site: comments, decisions ("Übernommen
aus einem Vorschlag" on the paragraph they went into), purges, the page cache."""

from common import confirmation, page_shows
from dialog.comments import decisions
from dialog.registration import make_commentable

from . import results, workflow
from .support import supports


class PublishedRule:
    """A comment rule: closed unless the suggestion is published (its phase decides the rest)."""

    def is_open(self, suggestion):
        return None if suggestion.is_published else False

    def closed_note(self, suggestion):
        return "Kommentieren ist möglich, sobald der Vorschlag veröffentlicht ist."


def adopted_into(obj):
    """Published suggestions whose answer names `obj` (a paragraph) as where they went;
    nothing (and no query) for anything else."""
    from django.contrib.contenttypes.models import ContentType

    from ..text.models import Paragraph
    from .models import Suggestion

    if not isinstance(obj, Paragraph):
        return

    found = (
        Suggestion.objects.published()
        .filter(
            decision__result_type=ContentType.objects.get_for_model(obj),
            decision__result_pk=str(obj.pk),
        )
        .select_related("decision", "paragraph__chapter__version")
        .order_by("published_at")
    )
    for suggestion in found:
        paragraph = suggestion.paragraph
        suggestion.title = (
            f"Formulierungsvorschlag zu Absatz {paragraph.order} in Kapitel "
            f"{paragraph.chapter} der {paragraph.chapter.version.title}"
        )
        suggestion.date = suggestion.published_at
        suggestion.outcome_label = suggestion.decision.outcome_label
        yield suggestion


def connect() -> None:
    from dialog.participation import results as phase_results

    from .models import Suggestion

    decisions.register_origin("Übernommen aus einem Vorschlag", "aus-vorschlaegen", adopted_into)
    make_commentable(
        Suggestion,
        rules=[PublishedRule()],
        public=lambda: Suggestion.objects.published(),
        describe=lambda s: {
            "version": s.paragraph.chapter.version.title,
            "field": f"Formulierungsvorschlag zu Kapitel {s.paragraph.chapter}, "
            f"Absatz {s.paragraph.order}",
        },
        prepare_export=lambda qs: qs.select_related("paragraph__chapter__version"),
        phases_of=lambda suggestion: [suggestion.phase],
        objects_of=lambda phase: Suggestion.objects.published().filter(phase=phase),
        group="paragraph__chapter__title",
        group_name="Formulierungsvorschlag zu Kapitel",
        order="published_at",
    )
    phase_results.register_part(results.result_part)
    phase_results.register_csv_rows(results.csv_rows)
    workflow.connect()
    confirmation.register_purge(
        "unbestätigte Unterstützungen von Formulierungsvorschlägen", supports.purge_unconfirmed
    )
    # Pages show published suggestions (hidden ones disappear), confirmed supports, answers.
    page_shows.shows("goals.suggestion", when=lambda s: s.reviewed)
    page_shows.shows("goals.suggestionsupport", when=lambda s: s.confirmed_at is not None)
    page_shows.shows("goals.suggestiondecision")
