"""The Netiquette's rules as reasons, shared by reports and by moderators hiding a comment."""

from django.db import models


class NetiquetteReason(models.TextChoices):
    INSULT = "beleidigung", "Beleidigung oder persönlicher Angriff"
    HATE = "diskriminierung", "Diskriminierung, Hass oder Hetze"
    SPAM = "werbung", "Werbung oder Spam"
    PRIVACY = "persoenliche-daten", "Persönliche Daten anderer Menschen"
    UNLAWFUL = "rechtswidrig", "Rechtswidriger Inhalt oder Verletzung von Urheberrechten"
    OFF_TOPIC = "themenfremd", "Nicht zum Thema"
    OTHER = "sonstiges", "Anderer Verstoß gegen die Netiquette"
