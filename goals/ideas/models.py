"""Ideas ("Ideen"): citizens' own proposals in a phase that collects them.

A visitor writes a title and a text for a field of action (optionally naming a goal, a
chapter or a dialog theme), confirms the address by the mailed link's button, and the
idea is published or waits for the moderation, as the phase says. Anyone supports an
idea once per mailbox (confirmed by link, withdrawable); comments go through the comment
engine; the editors answer every idea with the shared decision model, and an idea taken
up names the goal or paragraph of the next version it led to. The author's address is
never shown; a supporter's address is kept only if they asked to hear the answer.
"""

import secrets

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse

from dialog.comments.models import Decision, Outcome, staff_member
from dialog.comments.netiquette import NetiquetteReason
from dialog.sender_kinds import SenderKind

TITLE_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 3000


def unknown_token_hash() -> str:
    return secrets.token_hex(32)


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Idea.Status.PUBLISHED)

    def with_counts(self):
        """support_count (confirmed supports) on each idea, in the same query."""
        return self.annotate(
            support_count=Count(
                "supports", filter=Q(supports__confirmed_at__isnull=False), distinct=True
            )
        )


class Idea(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unbestaetigt", "E-Mail-Adresse noch nicht bestätigt"
        WAITING = "wartet", "Wartet auf Prüfung"
        PUBLISHED = "veroeffentlicht", "Veröffentlicht"
        HIDDEN = "verborgen", "Verborgen"

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
    name = models.CharField("Name, wie er erscheint", max_length=80)
    sender_kind = models.CharField(
        "schreibt als", max_length=20, choices=SenderKind.choices, default=SenderKind.BUERGER
    )
    organisation = models.CharField("Organisation", max_length=200, blank=True)
    email = models.EmailField(
        "E-Mail-Adresse", help_text="Nicht öffentlich; für die Bestätigung und die Antwort."
    )
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    in_review = models.BooleanField(
        "in Prüfung",
        default=False,
        help_text="Zeigt öffentlich „in Prüfung“, bis eine Entscheidung eingetragen ist.",
    )
    is_example = models.BooleanField(
        "Beispielinhalt", default=False, help_text="Wird als Beispiel gekennzeichnet."
    )
    token_hash = models.CharField(
        max_length=64, unique=True, default=unknown_token_hash, editable=False
    )
    created_at = models.DateTimeField("eingereicht am", auto_now_add=True)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)
    published_at = models.DateTimeField("veröffentlicht am", null=True, blank=True)
    hidden_reason = models.CharField(
        "Grund für das Verbergen", max_length=30, choices=NetiquetteReason.choices, blank=True
    )
    moderated_by = staff_member("geprüft von")

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

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def reviewed(self) -> bool:
        """Past confirmation (and pre-moderation): shown, or hidden after being shown."""
        return self.status in (self.Status.PUBLISHED, self.Status.HIDDEN)


# What became of an idea, in the words the ideas' answers use (the decision's own values
# are shared with comments and statements, which say "berücksichtigt").
IDEA_OUTCOMES = {
    Outcome.BERUECKSICHTIGT: "aufgenommen",
    Outcome.TEILWEISE: "teilweise aufgenommen",
    Outcome.NICHT: "nicht aufgenommen",
    Outcome.BEANTWORTET: "beantwortet",
}


class IdeaSupport(models.Model):
    """One mailbox's support for one idea, counted once confirmed by its link."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    address_hash = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Only when the supporter asked to hear what became of the idea.
    email = models.EmailField("E-Mail-Adresse für die Antwort", blank=True)
    created_at = models.DateTimeField("unterstützt am", auto_now_add=True)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)

    class Meta:
        verbose_name = "Unterstützung einer Idee"
        verbose_name_plural = "Unterstützungen von Ideen"
        constraints = [
            models.UniqueConstraint(fields=["idea", "address_hash"], name="idea_support_once")
        ]

    def __str__(self):
        return f"{self.idea}: {'bestätigt' if self.confirmed_at else 'unbestätigt'}"


class IdeaReport(models.Model):
    """A visitor's report that an idea breaks the Netiquette; the moderation decides."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField("Grund", max_length=30, choices=NetiquetteReason.choices)
    note = models.TextField("Erläuterung", max_length=500, blank=True)
    created_at = models.DateTimeField("gemeldet am", auto_now_add=True)

    class Meta:
        verbose_name = "Meldung zu einer Idee"
        verbose_name_plural = "Meldungen zu Ideen"

    def __str__(self):
        return f"{self.idea}: {self.get_reason_display()}"


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
