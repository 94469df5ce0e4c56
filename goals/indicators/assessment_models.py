"""Assessments of a version's goals from other sources than the government's reports.

A Landtag document or an independent count ("8 erreicht, 20 teilweise, 15
verfehlt") is shown beside the official figures with its source and date,
never mixed into them: the dashboard's numbers come from status reports only.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from common.provenance import provenance_field


class Verdict(models.TextChoices):
    ERREICHT = "erreicht", "erreicht"
    TEILWEISE = "teilweise", "teilweise erreicht"
    VERFEHLT = "verfehlt", "verfehlt"
    OFFEN = "offen", "noch offen"


class Assessment(models.Model):
    version = models.ForeignKey(
        "goals.StrategyVersion",
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name="Fassung",
    )
    author = models.CharField(
        "Wer bewertet",
        max_length=200,
        help_text="z. B. „Landtagsfraktion …“, „Landesrechnungshof“, „Bündnis …“",
    )
    title = models.CharField("Titel der Quelle", max_length=300)
    date = models.DateField("Datum")
    date_is_year = models.BooleanField(
        "Nur das Jahr ist bekannt", default=False, help_text="Angezeigt wird dann nur das Jahr."
    )
    source_url = models.URLField(
        "Adresse der Quelle",
        blank=True,
        help_text="Wo die Bewertung nachzulesen ist, z. B. die Drucksache des Landtags.",
    )
    goals_assessed = models.PositiveIntegerField("Anzahl bewerteter Ziele")
    achieved = models.PositiveIntegerField("erreicht", null=True, blank=True)
    partly = models.PositiveIntegerField("teilweise erreicht", null=True, blank=True)
    missed = models.PositiveIntegerField("verfehlt", null=True, blank=True)
    pending = models.PositiveIntegerField("noch offen", null=True, blank=True)
    summary = models.TextField("Zusammenfassung", blank=True)
    provenance = provenance_field("die Bewertung")

    class Meta:
        verbose_name = "Bewertung aus anderer Quelle"
        verbose_name_plural = "Bewertungen aus anderen Quellen"
        ordering = ["version", "-date", "pk"]

    def __str__(self):
        return f"{self.author}: {self.title}"

    def get_absolute_url(self):
        return reverse("goals:dashboard") + f"?fassung={self.version.slug}#bewertung-{self.pk}"

    def clean(self):
        counted = sum(n or 0 for n in (self.achieved, self.partly, self.missed, self.pending))
        if self.goals_assessed is not None and counted > self.goals_assessed:
            raise ValidationError(
                {
                    "goals_assessed": f"Die Zahlen ergeben zusammen {counted}, mehr als die "
                    f"{self.goals_assessed} bewerteten Ziele."
                }
            )
        if self.date_is_year and self.date and self.date.timetuple()[1:3] != (12, 31):
            raise ValidationError(
                {"date": "Ist nur das Jahr bekannt, tragen Sie bitte den 31.12. ein."}
            )

    @property
    def date_label(self) -> str:
        return str(self.date.year) if self.date_is_year else f"{self.date:%d.%m.%Y}"

    @property
    def figures(self) -> list[tuple[str, int]]:
        """(label, count) for the counts the source gives, in a fixed order."""
        pairs = [
            (Verdict.ERREICHT.label, self.achieved),
            (Verdict.TEILWEISE.label, self.partly),
            (Verdict.VERFEHLT.label, self.missed),
            (Verdict.OFFEN.label, self.pending),
        ]
        return [(label, count) for label, count in pairs if count is not None]


class GoalVerdict(models.Model):
    """What one assessment says about one goal, where the source goes goal by goal."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="verdicts", verbose_name="Bewertung"
    )
    goal = models.ForeignKey(
        "goals.Goal", on_delete=models.CASCADE, related_name="verdicts", verbose_name="Ziel"
    )
    verdict = models.CharField("Urteil", max_length=10, choices=Verdict.choices)
    note = models.CharField("Begründung der Quelle", max_length=300, blank=True)

    class Meta:
        verbose_name = "Urteil zu einem Ziel"
        verbose_name_plural = "Urteile zu einzelnen Zielen"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "goal"],
                name="goals_one_verdict_per_goal_and_assessment",
                violation_error_message="Diese Bewertung urteilt über das Ziel schon.",
            )
        ]

    def __str__(self):
        return f"{self.goal}: {self.get_verdict_display()}"

    def clean(self):
        if (
            self.goal_id
            and self.assessment_id
            and self.goal.version_id != self.assessment.version_id
        ):
            raise ValidationError({"goal": "Das Ziel gehört zu einer anderen Fassung."})
