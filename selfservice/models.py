"""The mailed links to "Meine Beiträge" and the log of what was done there.

The log names what happened and to which kind of item, never the address: staff see
that contributions were withdrawn or an address erased, not whose."""

from django.conf import settings
from django.db import models


class AccessLink(models.Model):
    """One mailed link: only its token's hash, the address it opens, and since when."""

    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField("E-Mail-Adresse")
    created_at = models.DateTimeField("angefordert am", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Link zu „Meine Beiträge“"
        verbose_name_plural = "Links zu „Meine Beiträge“"

    def __str__(self):
        return f"Link vom {self.created_at:%d.%m.%Y %H:%M}"


class Event(models.Model):
    class Action(models.TextChoices):
        EDITED = "bearbeitet", "vom Verfasser bearbeitet"
        WITHDRAWN = "zurueckgezogen", "vom Verfasser zurückgezogen"
        ERASED = "geloescht", "Daten einer Adresse gelöscht (vom Verfasser)"
        ERASED_ON_REQUEST = "geloescht-auf-anfrage", "Daten einer Adresse gelöscht (auf Anfrage)"

    at = models.DateTimeField("am", auto_now_add=True, db_index=True)
    action = models.CharField("Vorgang", max_length=30, choices=Action.choices)
    what = models.CharField("Betroffen", max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ausgeführt von",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leer: von der Person selbst unter „Meine Beiträge“.",
    )

    class Meta:
        verbose_name = "Vorgang unter „Meine Beiträge“"
        verbose_name_plural = "Protokoll: Meine Beiträge"
        ordering = ["-at"]
        permissions = [("erase_address", "Daten einer E-Mail-Adresse auf Anfrage löschen")]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M}: {self.get_action_display()}"
