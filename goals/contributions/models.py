"""What every citizen contribution with its own page shares (ideas, wording suggestions):
the author as shown, the address confirmed by the mailed link's button, the moderation's
state, and supports counted once per mailbox. Abstract: each kind has its own tables."""

import secrets

from django.db import models
from django.db.models import Count, Q

from dialog.comments.models import staff_member
from dialog.comments.netiquette import NetiquetteReason
from dialog.sender_kinds import SenderKind


def unknown_token_hash() -> str:
    return secrets.token_hex(32)


class ContributionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Contribution.Status.PUBLISHED)

    def with_counts(self):
        """support_count (confirmed supports) on each contribution, in the same query."""
        return self.annotate(
            support_count=Count(
                "supports", filter=Q(supports__confirmed_at__isnull=False), distinct=True
            )
        )


class Contribution(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unbestaetigt", "E-Mail-Adresse noch nicht bestätigt"
        WAITING = "wartet", "Wartet auf Prüfung"
        PUBLISHED = "veroeffentlicht", "Veröffentlicht"
        HIDDEN = "verborgen", "Verborgen"

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
    # Set by the author in "Meine Beiträge" (goals/contributions/own_data.py).
    edited_at = models.DateTimeField(
        "vom Verfasser bearbeitet am", null=True, blank=True, editable=False
    )
    withdrawn_at = models.DateTimeField(
        "vom Verfasser zurückgezogen am", null=True, blank=True, editable=False
    )

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def reviewed(self) -> bool:
        """Past confirmation (and pre-moderation): shown, or hidden after being shown."""
        return self.status in (self.Status.PUBLISHED, self.Status.HIDDEN)


class Support(models.Model):
    """One mailbox's support for one contribution, counted once confirmed by its link. The
    concrete model adds the foreign key (related_name "supports") and the once-per-mailbox
    constraint."""

    address_hash = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Only when the supporter asked to hear what became of the contribution.
    email = models.EmailField("E-Mail-Adresse für die Antwort", blank=True)
    created_at = models.DateTimeField("unterstützt am", auto_now_add=True)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.target}: {'bestätigt' if self.confirmed_at else 'unbestätigt'}"


class Report(models.Model):
    """A visitor's report that a contribution breaks the Netiquette; the moderation decides.
    The concrete model adds the foreign key (related_name "reports")."""

    reason = models.CharField("Grund", max_length=30, choices=NetiquetteReason.choices)
    note = models.TextField("Erläuterung", max_length=500, blank=True)
    created_at = models.DateTimeField("gemeldet am", auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.target}: {self.get_reason_display()}"
