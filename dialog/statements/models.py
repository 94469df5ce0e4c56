"""Statements (Stellungnahmen): formal contributions of organisations during a phase.

An organisation submits name, kind, a contact address, a text and optionally a
PDF; the address is confirmed by a mailed link (like a comment's), then the
moderation publishes or rejects the statement. Published statements are listed
on their phase and on every goal or chapter they address, and take decisions
like comments. The contact address is never shown.
"""

import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from common.pdf import format_megabytes
from dialog.comments.models import Decision, staff_member
from dialog.comments.netiquette import NetiquetteReason
from dialog.sender_kinds import ORGANISATION_CHOICES
from dialog.statements.storage import StatementStorage

TEXT_MAX_LENGTH = 20_000


class StatementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Statement.Status.PUBLISHED)

    def waiting(self):
        return self.filter(status=Statement.Status.WAITING)

    def addressing(self, obj):
        """Statements naming `obj` (a goal, a chapter) among what they address."""
        return self.filter(
            targets__content_type=ContentType.objects.get_for_model(obj),
            targets__object_pk=str(obj.pk),
        )


def unknown_token_hash() -> str:
    return secrets.token_hex(32)


def pdf_name(statement, filename: str) -> str:
    # The visitor's file name is not kept: it may hold anything.
    return f"stellungnahmen/{statement.phase_id}/{slugify(statement.organisation)[:60]}.pdf"


class Statement(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unbestaetigt", "E-Mail-Adresse noch nicht bestätigt"
        WAITING = "wartet", "Wartet auf Prüfung"
        PUBLISHED = "veroeffentlicht", "Veröffentlicht"
        REJECTED = "abgelehnt", "Nicht veröffentlicht"

    phase = models.ForeignKey(
        "dialog.Phase",
        on_delete=models.PROTECT,
        related_name="statements",
        verbose_name="Beteiligungsphase",
    )
    organisation = models.CharField("Organisation", max_length=200)
    kind = models.CharField("Art der Organisation", max_length=20, choices=ORGANISATION_CHOICES)
    title = models.CharField("Titel", max_length=200)
    text = models.TextField("Text", max_length=TEXT_MAX_LENGTH)
    email = models.EmailField(
        "Kontaktadresse", help_text="Nicht öffentlich; für die Bestätigung und die Antwort."
    )
    pdf = models.FileField(
        "PDF-Dokument", storage=StatementStorage(), upload_to=pdf_name, blank=True
    )
    pdf_size = models.PositiveIntegerField("Dateigröße in Bytes", null=True, blank=True)
    pdf_pages = models.PositiveIntegerField("Seiten", null=True, blank=True)
    status = models.CharField(
        "Status",
        max_length=20,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
    )
    # The confirmation link's hash; a random one (no link) for statements entered otherwise.
    token_hash = models.CharField(
        max_length=64, unique=True, default=unknown_token_hash, editable=False
    )
    created_at = models.DateTimeField("eingereicht am", auto_now_add=True)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)
    published_at = models.DateTimeField("veröffentlicht am", null=True, blank=True)
    rejected_reason = models.CharField(
        "Grund der Ablehnung", max_length=30, choices=NetiquetteReason.choices, blank=True
    )
    moderated_by = staff_member("geprüft von")

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = "Stellungnahme"
        verbose_name_plural = "Stellungnahmen"
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["phase", "status"])]

    def __str__(self):
        return f"{self.organisation}: {self.title}"

    def get_absolute_url(self):
        return reverse("dialog:statement", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def reviewed(self) -> bool:
        """Past confirmation and review: published, or rejected (perhaps after being
        published). Until then no page shows it (common/page_shows.py)."""
        return self.status not in (self.Status.UNCONFIRMED, self.Status.WAITING)

    @property
    def pdf_url(self) -> str:
        return reverse("dialog:statement-pdf", args=[self.pk]) if self.pdf else ""

    @property
    def pdf_size_text(self) -> str:
        return format_megabytes(self.pdf_size) if self.pdf_size else ""

    @property
    def pdf_download_name(self) -> str:
        return f"Stellungnahme-{slugify(self.organisation)[:60] or self.pk}.pdf"


class StatementTarget(models.Model):
    """A goal, chapter or other registered object a statement addresses."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="targets")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_pk = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_pk")

    class Meta:
        verbose_name = "Bezug einer Stellungnahme"
        verbose_name_plural = "Bezüge von Stellungnahmen"
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "content_type", "object_pk"], name="statement_target_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_pk"])]

    def __str__(self):
        return str(self.target) if self.target is not None else self.object_pk


class StatementDecision(Decision):
    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )

    class Meta:
        verbose_name = "Entscheidung zu einer Stellungnahme"
        verbose_name_plural = "Entscheidungen zu Stellungnahmen"
        indexes = [models.Index(fields=["result_type", "result_pk"])]
