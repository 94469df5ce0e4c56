"""Subscriptions by address alone, and the record of digests already sent."""

import secrets

from django.db import models
from django.utils import timezone

from common import confirmation
from common.link_tokens import new_token, token_hash

# After this many failed deliveries in a row an address gets no more mail.
MAX_FAILURES = 3


def unsubscribe_key(email: str) -> str:
    """The address's one-click unsubscribe key: the one its subscriptions hold, else a new one.

    Random and stored, not derived from the address with the secret key: a link in a mail
    already sent keeps working after DJANGO_SECRET_KEY is rotated, and so does every link
    mailed later (rows from before December 2026 keep the keyed hash they were given; it
    works the same way). Nothing leads from the key back to the address but this table.
    """
    held = (
        Subscription.objects.of_address(email)
        .exclude(unsubscribe_key="")
        .order_by("pk")
        .values_list("unsubscribe_key", flat=True)
        .first()
    )
    return held or secrets.token_hex(32)


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(confirmed_at__isnull=False, disabled_at__isnull=True)

    def of_address(self, email: str):
        return self.filter(email__iexact=email)

    def awaiting(self, token: str, now=None):
        """The request a confirmation link names, within the link's validity (confirmed or
        not); None otherwise."""
        return self.filter(
            token_hash=token_hash(token), requested_at__gte=confirmation.valid_since(now)
        ).first()

    def confirm(self, token: str, now=None):
        """Activate the request behind `token`; returns it, or None if unknown or expired."""
        now = now or timezone.now()
        subscription = (
            self.filter(
                token_hash=token_hash(token), requested_at__gte=confirmation.valid_since(now)
            )
            .select_for_update()
            .first()
        )
        if subscription is None:
            return None
        if subscription.confirmed_at is None:
            subscription.confirmed_at = now
            subscription.save(update_fields=["confirmed_at"])
        return subscription


class Subscription(models.Model):
    email = models.EmailField("E-Mail-Adresse", db_index=True)
    topic = models.CharField("Thema (Schlüssel)", max_length=100, db_index=True)
    topic_label = models.CharField("Thema", max_length=300)
    # Only the hash of the confirmation link's token is kept: a database leak activates nothing.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    requested_at = models.DateTimeField("Angefordert am", default=timezone.now)
    confirmed_at = models.DateTimeField("Bestätigt am", null=True, blank=True)
    failures = models.PositiveSmallIntegerField("Fehlgeschlagene Zustellungen", default=0)
    disabled_at = models.DateTimeField("Abgeschaltet am", null=True, blank=True)
    # Finds the address's subscriptions from an unsubscribe link without the link naming it.
    unsubscribe_key = models.CharField(max_length=64, db_index=True, editable=False, default="")

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "Abonnement"
        verbose_name_plural = "Abonnements"

    def __str__(self):
        return self.topic_label

    def save(self, *args, **kwargs):
        if not self.unsubscribe_key:
            self.unsubscribe_key = unsubscribe_key(self.email)
        super().save(*args, **kwargs)

    @classmethod
    def request(cls, email: str, topic: str, label: str) -> tuple["Subscription", str]:
        """A new unconfirmed request and the token for its link (never stored in clear)."""
        token, hashed = new_token()
        subscription = cls.objects.create(
            email=email, topic=topic, topic_label=label, token_hash=hashed
        )
        return subscription, token


class DigestSent(models.Model):
    """One row per address and day: the digest run's memory, so a rerun sends nothing twice."""

    address_hash = models.CharField(max_length=64)
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "Versandte Tageszusammenfassung"
        verbose_name_plural = "Versandte Tageszusammenfassungen"
        constraints = [
            models.UniqueConstraint(fields=["address_hash", "day"], name="one_digest_per_day")
        ]

    def __str__(self):
        return f"{self.day:%d.%m.%Y}"


class RecordedEvent(models.Model):
    """An event that has no date of its own in the content (results published, a decision).

    Content apps call `alerts.registry.record()`; the digest reads these like
    any other event source. Kept 30 days, then deleted by anonymize_alerts.
    """

    topic = models.CharField(max_length=100, db_index=True)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    happened_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Ereignis"
        verbose_name_plural = "Ereignisse"

    def __str__(self):
        return self.title


class NewsletterQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False)


class Newsletter(models.Model):
    """A mail the Redaktion writes to everyone following "Neuigkeiten und Einladungen"."""

    subject = models.CharField("Betreff", max_length=200)
    text = models.TextField(
        "Text",
        help_text="Klartext; Absätze durch eine Leerzeile trennen. Wird auch im Archiv gezeigt.",
    )
    links = models.TextField(
        "Links",
        blank=True,
        help_text=(
            "Optional, je Zeile ein Link: Titel | Adresse, z. B. "
            "„Werkstattgespräch | /veranstaltungen/werkstatt/“ (Beiträge, Phasen, Veranstaltungen)."
        ),
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    released_at = models.DateTimeField(
        "Zum Versand freigegeben am", null=True, blank=True, editable=False
    )
    sent_at = models.DateTimeField("Versandt am", null=True, blank=True, editable=False)
    recipients = models.PositiveIntegerField("Empfänger", default=0, editable=False)

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        verbose_name = "Newsletter"
        verbose_name_plural = "Newsletter"
        ordering = ["-sent_at", "-created_at"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("newsletter:detail", args=[self.pk])

    def paragraphs(self) -> list[str]:
        return [
            part.strip() for part in self.text.replace("\r\n", "\n").split("\n\n") if part.strip()
        ]

    def link_list(self) -> list[tuple[str, str]]:
        result = []
        for line in self.links.splitlines():
            title, _, url = line.partition("|")
            url = url.strip()
            # Only our own pages and https: no javascript: or other schemes in a mail.
            if title.strip() and (url.startswith("/") or url.startswith("https://")):
                result.append((title.strip(), url))
        return result


class NewsletterSent(models.Model):
    """Who got a newsletter already, so an interrupted run resumes without sending twice."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="+")
    address_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "address_hash"], name="one_newsletter_per_address"
            )
        ]

    def __str__(self):
        return str(self.newsletter_id)


class ManageLink(models.Model):
    """A mailed "manage my alerts" link: a random token (stored hashed), valid for a week."""

    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Verwaltungslink"
        verbose_name_plural = "Verwaltungslinks"

    def __str__(self):
        return f"Verwaltungslink vom {self.created_at:%d.%m.%Y}"
