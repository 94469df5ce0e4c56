"""Ideas ("Ideen"): citizens' own proposals in a phase that collects them.

A visitor writes a title and a text for a field of action (optionally naming a goal, a
chapter or a dialog theme), confirms the address by the mailed link's button, and the
idea is published or waits for the moderation, as the phase says. Anyone supports an
idea once per mailbox (confirmed by link, withdrawable); comments go through the comment
engine; the editors answer every idea with the shared decision model, and an idea taken
up names the goal or paragraph of the next version it led to. The author's address is
never shown; a supporter's address is kept only if they asked to hear the answer.
"""

from django.db import models
from django.urls import reverse

from dialog.comments.models import Decision, Outcome

from ..contributions.models import (
    Contribution,
    ContributionQuerySet,
    Report,
    Support,
    unknown_token_hash,  # noqa: F401 - migration 0009 names it
)

TITLE_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 3000


class IdeaQuerySet(ContributionQuerySet):
    pass


class Idea(Contribution):
    phase = models.ForeignKey(
        "dialog.Phase", on_delete=models.PROTECT, related_name="ideas", verbose_name="Phase"
    )
    field = models.ForeignKey(
        "goals.FieldOfAction",
        on_delete=models.PROTECT,
        related_name="ideas",
        verbose_name="Handlungsfeld",
    )
    goal = models.ForeignKey(
        "goals.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name="Ziel",
    )
    chapter = models.ForeignKey(
        "goals.Chapter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name="Kapitel",
    )
    theme = models.ForeignKey(
        "dialog.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name="Dialogthema",
    )
    title = models.CharField("Titel", max_length=TITLE_MAX_LENGTH)
    text = models.TextField("Beschreibung", max_length=TEXT_MAX_LENGTH)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = "Idee"
        verbose_name_plural = "Ideen"
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["phase", "status", "published_at"]),
            models.Index(fields=["field", "status"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:idea", args=[self.pk])


# What became of an idea, in the words the ideas' answers use (the decision's own values
# are shared with comments and statements, which say "berücksichtigt").
IDEA_OUTCOMES = {
    Outcome.BERUECKSICHTIGT: "aufgenommen",
    Outcome.TEILWEISE: "teilweise aufgenommen",
    Outcome.NICHT: "nicht aufgenommen",
    Outcome.BEANTWORTET: "beantwortet",
}


class IdeaSupport(Support):
    """One mailbox's support for one idea (goals.contributions.support)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")

    class Meta:
        verbose_name = "Unterstützung einer Idee"
        verbose_name_plural = "Unterstützungen von Ideen"
        constraints = [
            models.UniqueConstraint(fields=["idea", "address_hash"], name="idea_support_once")
        ]

    @property
    def target(self):
        return self.idea


class IdeaReport(Report):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reports")

    class Meta:
        verbose_name = "Meldung zu einer Idee"
        verbose_name_plural = "Meldungen zu Ideen"

    @property
    def target(self):
        return self.idea


class IdeaDecision(Decision):
    idea = models.OneToOneField(
        Idea, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )

    class Meta:
        verbose_name = "Antwort auf eine Idee"
        verbose_name_plural = "Antworten auf Ideen"
        indexes = [models.Index(fields=["result_type", "result_pk"])]

    @property
    def outcome_label(self) -> str:
        return IDEA_OUTCOMES.get(self.outcome, self.get_outcome_display())
