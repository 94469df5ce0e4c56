"""The one table of the neutral helpers: rate-limit counters shared by all app servers."""

from django.db import models


class RateCounter(models.Model):
    """How often one (hashed) visitor address or recipient used one form in one time window."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "Zähler der Ratenbegrenzung"
        verbose_name_plural = "Zähler der Ratenbegrenzung"

    def __str__(self):
        return f"{self.key}: {self.count}"
