"""Measurable indicators of a goal ("5G-Ausbauten: 10.300 bis Ende 2024") and their dated values.

A goal's status report says what the government claims; an indicator says what
was counted, by whom, when. The goal page shows both, each with its source.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from common.provenance import provenance_field


def format_number(value: Decimal | None) -> str:
    """German notation: 10.300 and 90,5; no trailing zeros."""
    if value is None:
        return ""
    value = value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))
    text = f"{value:,f}"
    return text.replace(",", "\u202f").replace(".", ",").replace("\u202f", ".")


class Indicator(models.Model):
    goal = models.ForeignKey(
        "goals.Goal", on_delete=models.CASCADE, related_name="indicators", verbose_name="Ziel"
    )
    name = models.CharField("Indikator", max_length=200, help_text="z. B. „5G-Ausbauten“")
    unit = models.CharField(
        "Einheit", max_length=40, blank=True, help_text="z. B. „Ausbauten“ oder „%“"
    )
    baseline_value = models.DecimalField(
        "Ausgangswert", max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField("Stand des Ausgangswerts", null=True, blank=True)
    target_value = models.DecimalField("Zielwert", max_digits=14, decimal_places=2)
    target_date = models.DateField("Zieldatum", null=True, blank=True)
    provenance = provenance_field("der Indikator und sein Zielwert")
    position = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    class Meta:
        verbose_name = "Indikator"
        verbose_name_plural = "Indikatoren"
        ordering = ["goal", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "name"],
                name="goals_indicator_name_unique_per_goal",
                violation_error_message="Dieses Ziel hat schon einen Indikator mit diesem Namen.",
            )
        ]

    def __str__(self):
        return f"{self.name} (Ziel {self.goal.number})" if self.goal_id else self.name

    def clean(self):
        if self.baseline_value is not None and self.baseline_date is None:
            raise ValidationError(
                {"baseline_date": "Bitte geben Sie an, von wann der Ausgangswert stammt."}
            )

    def quantity(self, value: Decimal | None) -> str:
        """ "10.300 Ausbauten" or "90 %"."""
        if value is None:
            return ""
        return f"{format_number(value)} {self.unit}".strip()

    @property
    def baseline_quantity(self) -> str:
        return self.quantity(self.baseline_value)

    @property
    def target_text(self) -> str:
        text = self.quantity(self.target_value)
        if self.target_date:
            text += f" bis {self.target_date:%d.%m.%Y}"
        return text

    @property
    def latest(self):
        """The newest measurement; reads prefetched values when present."""
        values = list(self.values.all())
        return max(values, key=lambda m: m.date) if values else None

    @property
    def share_of_target(self) -> int | None:
        """Latest value as a whole percentage of the target (progress from zero)."""
        latest = self.latest
        if latest is None or not self.target_value:
            return None
        return round(latest.value * 100 / self.target_value)


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name="Indikator"
    )
    date = models.DateField("Stand vom")
    value = models.DecimalField("Wert", max_digits=14, decimal_places=2)
    source_title = models.CharField("Quelle", max_length=200)
    source_url = models.URLField("Adresse der Quelle", blank=True)
    provenance = provenance_field("der Messwert")

    class Meta:
        verbose_name = "Messwert"
        verbose_name_plural = "Messwerte"
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"],
                name="goals_one_measurement_per_day",
                violation_error_message="Für diesen Indikator gibt es an diesem Tag schon einen Wert.",
            )
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y}: {format_number(self.value)}"

    @property
    def value_text(self) -> str:
        return self.indicator.quantity(self.value)
