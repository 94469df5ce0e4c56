"""Models of the strategy text (chapters and paragraphs); imported by goals.models."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from common import revisions
from richtext.fields import RichTextField

from .. import labels


def new_anchor() -> str:
    # Assigned once and never recomputed from position or text, so links and
    # comment threads survive re-splitting and reordering.
    return "a" + secrets.token_hex(4)


class Chapter(models.Model):
    version = models.ForeignKey(
        "goals.StrategyVersion",
        on_delete=models.CASCADE,
        related_name="chapters",
        verbose_name="Fassung",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="Oberkapitel",
        help_text="Nur eine Ebene: Unterkapitel wie „4.2“ gehören zu „4“.",
    )
    number = models.CharField("Nummer", max_length=10, help_text="z. B. „4.2“")
    title = models.CharField("Titel", max_length=300)
    slug = models.SlugField("Kürzel in der Adresse", max_length=100)
    order = models.PositiveIntegerField("Reihenfolge", default=0)

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "Kapitel"
        verbose_name_plural = "Kapitel"
        constraints = [
            models.UniqueConstraint(fields=["version", "slug"], name="chapter_slug_per_version")
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("goals:chapter", args=[self.version.slug, self.slug])


class ParagraphQuerySet(models.QuerySet):
    def current(self):
        return self.filter(removed=False)


class Paragraph(models.Model):
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="paragraphs", verbose_name="Kapitel"
    )
    order = models.PositiveIntegerField("Reihenfolge", default=0)
    anchor = models.SlugField("Anker", max_length=20, default=new_anchor, editable=False)
    heading = models.CharField("Überschrift", max_length=300, blank=True)
    text = RichTextField("Text")
    # Soft removal: a paragraph that drew comments stays so its thread stays reachable.
    removed = models.BooleanField("Entfernt", default=False)
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="paragraphs", verbose_name="Markierte Ziele"
    )
    continues = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        verbose_name="Setzt fort",
        help_text="Der Absatz der früheren Fassung, den dieser Absatz fortschreibt.",
    )

    objects = ParagraphQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "Absatz"
        verbose_name_plural = "Absätze"
        constraints = [
            models.UniqueConstraint(fields=["chapter", "anchor"], name="paragraph_anchor_unique")
        ]

    def __str__(self):
        return labels.paragraph_label(self)

    def get_absolute_url(self):
        chapter = self.chapter
        return reverse("goals:paragraph", args=[chapter.version.slug, chapter.slug, self.anchor])

    def clean(self):
        # The word-level comparison reads "earlier version -> this one": a link to
        # the same or a later version would show the change backwards.
        if self.continues_id and self.chapter_id:
            earlier = self.continues.chapter.version
            if earlier.year >= self.chapter.version.year:
                raise ValidationError(
                    {
                        "continues": "Ein Absatz kann nur einen Absatz einer früheren Fassung "
                        f"fortschreiben; „{self.continues}“ gehört zu „{earlier.title}“."
                    }
                )
