"""Wording suggestions ("Formulierungsvorschläge") on the strategy text.

On a paragraph open for comment a visitor edits its wording and says why; the address is
confirmed by the mailed link's button, and the suggestion is published or waits for the
moderation as the phase says. Each suggestion keeps the wording it started from, so its
difference stays right after the paragraph is edited. Support, reports, moderation and
answers are those of every contribution (goals.contributions); an adopted suggestion names
the paragraph of the next version it went into (the decision's result).
"""

from django.db import models
from django.urls import reverse

from dialog.comments.models import Decision, Outcome

from ..contributions.models import Contribution, ContributionQuerySet, Report, Support

TEXT_MAX_LENGTH = 6000
REASON_MAX_LENGTH = 1000


class SuggestionQuerySet(ContributionQuerySet):
    pass


class Suggestion(Contribution):
    paragraph = models.ForeignKey(
        "goals.Paragraph",
        on_delete=models.PROTECT,
        related_name="suggestions",
        verbose_name="Absatz",
    )
    phase = models.ForeignKey(
        "dialog.Phase", on_delete=models.PROTECT, related_name="suggestions", verbose_name="Phase"
    )
    original = models.TextField(
        "Ausgangsfassung", help_text="Der Wortlaut des Absatzes, als der Vorschlag kam."
    )
    text = models.TextField("Vorgeschlagene Formulierung", max_length=TEXT_MAX_LENGTH)
    reason = models.TextField("Begründung", max_length=REASON_MAX_LENGTH)
    applied_at = models.DateTimeField(
        "in die nächste Fassung übernommen am", null=True, blank=True, editable=False
    )

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = "Formulierungsvorschlag"
        verbose_name_plural = "Formulierungsvorschläge"
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["paragraph", "status", "published_at"]),
            models.Index(fields=["phase", "status", "published_at"]),
        ]

    def __str__(self):
        when = f" vom {self.created_at:%d.%m.%Y}" if self.created_at else ""
        return f"Vorschlag von {self.name}{when}"

    def get_absolute_url(self):
        return reverse("goals:suggestion", args=[self.pk])


# What became of a suggestion, in the words its answers use.
SUGGESTION_OUTCOMES = {
    Outcome.BERUECKSICHTIGT: "übernommen",
    Outcome.TEILWEISE: "teilweise übernommen",
    Outcome.NICHT: "nicht übernommen",
    Outcome.BEANTWORTET: "beantwortet",
}


class SuggestionSupport(Support):
    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="supports")

    class Meta:
        verbose_name = "Unterstützung eines Formulierungsvorschlags"
        verbose_name_plural = "Unterstützungen von Formulierungsvorschlägen"
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "address_hash"], name="suggestion_support_once"
            )
        ]

    @property
    def target(self):
        return self.suggestion


class SuggestionReport(Report):
    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="reports")

    class Meta:
        verbose_name = "Meldung zu einem Formulierungsvorschlag"
        verbose_name_plural = "Meldungen zu Formulierungsvorschlägen"

    @property
    def target(self):
        return self.suggestion


class SuggestionDecision(Decision):
    suggestion = models.OneToOneField(
        Suggestion, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )

    class Meta:
        verbose_name = "Antwort auf einen Formulierungsvorschlag"
        verbose_name_plural = "Antworten auf Formulierungsvorschläge"
        indexes = [models.Index(fields=["result_type", "result_pk"])]

    @property
    def outcome_label(self) -> str:
        return SUGGESTION_OUTCOMES.get(self.outcome, self.get_outcome_display())
