"""Where a piece of content comes from: an official source, an assumption, or an example.

A field, not a title prefix, so pages, exports and imports can say it next to the
content (and a real deployment that has no example content shows no notice).
"""

from django.db import models


class Provenance(models.TextChoices):
    AMTLICH = "amtlich", "amtlich"
    ANNAHME = "annahme", "Annahme der Redaktion"
    BEISPIEL = "beispiel", "Beispielinhalt"


def provenance_field(what: str, verbose_name: str = "Herkunft") -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=10,
        choices=Provenance.choices,
        default=Provenance.AMTLICH,
        help_text=(
            f"„amtlich“, wenn {what} aus einer amtlichen Quelle stammt; „Annahme der Redaktion“, "
            "wenn die Redaktion ergänzt hat, was keine Quelle nennt; „Beispielinhalt“ für ausgedachte Inhalte zur "
            "Vorführung. Die Website kennzeichnet alles, was nicht amtlich ist."
        ),
    )
