from django.db import models


class AccessibilityFeedback(models.Model):
    """A message sent through the feedback form of the accessibility statement."""

    name = models.CharField("Name", max_length=200, blank=True)
    email = models.EmailField("E-Mail-Adresse")
    message = models.TextField("Nachricht", max_length=5000)
    page = models.CharField(
        "Betroffene Seite", max_length=500, blank=True, help_text="Adresse oder Titel der Seite"
    )
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    handled = models.BooleanField("Erledigt", default=False)
    note = models.TextField("Interne Notiz", blank=True)

    class Meta:
        verbose_name = "Rückmeldung zur Barrierefreiheit"
        verbose_name_plural = "Rückmeldungen zur Barrierefreiheit"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y} – {self.name or self.email}"
