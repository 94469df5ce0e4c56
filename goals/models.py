"""Strategy versions, their fields of action, numbered goals and dated status reports."""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Case, Count, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from common import revisions
from common.provenance import Provenance, provenance_field
from dialog.comments.counts import annotate_comment_counts
from richtext.fields import RichTextField

from . import labels
from .status import (
    INITIAL_STATUS,
    Horizon,
    Status,
    is_overdue,
    is_stale,
    overdue_condition,
)


class StrategyVersionQuerySet(models.QuerySet):
    def with_goal_counts(self):
        return self.annotate(goal_count=Count("goals", distinct=True))

    def current_first(self):
        return self.order_by("-is_current", "-year", "-pk")


class StrategyVersion(models.Model):
    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField(
        "Kürzel in der Adresse", max_length=50, unique=True, help_text="z. B. „2019“ oder „2-0“"
    )
    year = models.PositiveIntegerField("Jahr")
    adopted_on = models.DateField("Beschlossen am", null=True, blank=True)
    presented_on = models.DateField("Vorgestellt am", null=True, blank=True)
    summary = models.TextField(
        "Zusammenfassung", blank=True, help_text="Zwei bis drei Sätze für die Übersicht."
    )
    document = models.ForeignKey(
        "downloads.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_versions",
        verbose_name="Dokument (PDF)",
        help_text="Das Strategiedokument im Bereich Downloads.",
    )
    is_current = models.BooleanField(
        "Aktuelle Fassung",
        default=False,
        help_text="Die aktuelle Fassung steht in der Übersicht oben und auf der Umsetzungsseite.",
    )
    # A phase that covers a version opens its goals for comments while it runs
    # (dialog.participation.phase_rules); the link lives here because dialog knows no content app.
    phases = models.ManyToManyField(
        "dialog.Phase",
        related_name="versions",
        blank=True,
        verbose_name="Beteiligungsphasen",
        help_text="Solange eine dieser Phasen läuft, können alle Ziele der Fassung kommentiert werden.",
    )

    objects = StrategyVersionQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        verbose_name = "Fassung der Strategie"
        verbose_name_plural = "Fassungen der Strategie"
        ordering = ["-is_current", "-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="goals_one_current_version",
                violation_error_message="Es kann nur eine aktuelle Fassung geben.",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Marking a version as current retires the previous one in the same step.
        if self.is_current:
            StrategyVersion.objects.filter(is_current=True).exclude(pk=self.pk).update(
                is_current=False
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("goals:version", args=[self.slug])

    def validate_constraints(self, exclude=None):
        # save() retires the previous current version, so "one current" needs no form error.
        super().validate_constraints({*(exclude or ()), "is_current"})


class FieldOfAction(models.Model):
    version = models.ForeignKey(
        StrategyVersion, on_delete=models.CASCADE, related_name="fields", verbose_name="Fassung"
    )
    number = models.CharField("Nummer", max_length=10, help_text="z. B. „4.1“ (Kapitel)")
    position = models.PositiveIntegerField("Reihenfolge", default=0)
    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kürzel in der Adresse", max_length=80)
    introduction = RichTextField("Einleitung", blank=True)
    provenance = provenance_field("die Einteilung")

    class Meta:
        verbose_name = "Handlungsfeld"
        verbose_name_plural = "Handlungsfelder"
        ordering = ["version", "position", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="goals_field_number_unique_in_version"
            ),
            models.UniqueConstraint(
                fields=["version", "slug"], name="goals_field_slug_unique_in_version"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"


class GoalQuerySet(models.QuerySet):
    def with_current_status(self, as_of: datetime.date | None = None):
        """Annotate `status_code` and `status_date` from the newest report.

        A goal without reports counts as planned. Newest means latest date;
        there is at most one report per goal and day. With `as_of`, the newest
        report dated that day or before: what was claimed then.
        """
        if "status_code" in self.query.annotations:
            return self
        newest = StatusReport.objects.filter(goal=OuterRef("pk")).order_by("-date")
        if as_of is not None:
            newest = newest.filter(date__lte=as_of)
        return self.annotate(
            status_code=Coalesce(
                Subquery(newest.values("status")[:1]),
                Value(str(INITIAL_STATUS)),
                output_field=models.CharField(),
            ),
            status_date=Subquery(newest.values("date")[:1]),
            status_provenance=Subquery(newest.values("provenance")[:1]),
        )

    def with_overdue(self, today: datetime.date | None = None, as_of: datetime.date | None = None):
        """Also annotate `overdue_now`, by the rule in goals.status.

        With `as_of`, everything as it stood on that day: the status then, overdue
        then, stale then (`as_of_date` tells the properties which day it is).
        """
        today = as_of or today or timezone.localdate()
        queryset = self.with_current_status(as_of=as_of)
        if as_of is not None:
            queryset = queryset.annotate(as_of_date=Value(as_of, output_field=models.DateField()))
        return queryset.annotate(
            overdue_now=Case(
                When(overdue_condition(today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def quoted_on(self, day: datetime.date):
        """Everything as it stood on `day` (with_overdue) plus `status_today` for comparison.

        For pages that quote a goal's status at a date, e.g. a blog post.
        """
        newest = StatusReport.objects.filter(goal=OuterRef("pk")).order_by("-date")
        return self.with_overdue(as_of=day).annotate(
            status_today=Coalesce(
                Subquery(newest.values("status")[:1]),
                Value(str(INITIAL_STATUS)),
                output_field=models.CharField(),
            )
        )

    def overdue(self, today: datetime.date | None = None):
        return self.with_overdue(today).filter(overdue_now=True)

    def with_status(self, *statuses):
        return self.with_current_status().filter(status_code__in=statuses)

    def with_neighbours(self):
        """Annotate the numbers and titles of the previous and next goal of the same version
        (`previous_number`, `previous_title`, `next_number`, `next_title`), in the same query."""
        siblings = Goal.objects.filter(version=OuterRef("version"))
        previous = siblings.filter(number__lt=OuterRef("number")).order_by("-number")
        following = siblings.filter(number__gt=OuterRef("number")).order_by("number")
        return self.annotate(
            previous_number=Subquery(previous.values("number")[:1]),
            previous_title=Subquery(previous.values("title")[:1]),
            next_number=Subquery(following.values("number")[:1]),
            next_title=Subquery(following.values("title")[:1]),
        )

    def in_order(self):
        return self.order_by("version__year", "number")

    def with_comment_counts(self):
        """Annotate `comment_count` (visible comments) in the same query."""
        return annotate_comment_counts(self)


class Goal(models.Model):
    version = models.ForeignKey(
        StrategyVersion,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name="Fassung",
        editable=False,
    )
    field = models.ForeignKey(
        FieldOfAction, on_delete=models.PROTECT, related_name="goals", verbose_name="Handlungsfeld"
    )
    number = models.PositiveIntegerField("Nummer", help_text="Eindeutig innerhalb der Fassung.")
    title = models.CharField("Titel", max_length=300)
    slug = models.SlugField("Kürzel", max_length=100, blank=True)
    description = RichTextField("Beschreibung", blank=True)
    horizon = models.CharField("Zeithorizont", max_length=20, choices=Horizon.choices)
    target_date = models.DateField(
        "Zieltermin",
        null=True,
        blank=True,
        help_text="Ist nur ein Jahr festgelegt, tragen Sie den 31.12. ein und setzen den Haken darunter.",
    )
    target_is_year = models.BooleanField(
        "Nur das Jahr ist festgelegt", default=False, help_text="Angezeigt wird dann nur das Jahr."
    )
    target_provenance = provenance_field("der Zieltermin", "Herkunft des Zieltermins")
    horizon_provenance = provenance_field("der Zeithorizont", "Herkunft des Zeithorizonts")
    ministry = models.CharField("Zuständiges Ressort", max_length=200, blank=True)
    ministry_provenance = provenance_field("die Zuständigkeit", "Herkunft der Zuständigkeit")
    categories = models.CharField(
        "Kategorien", max_length=300, blank=True, help_text="Durch Kommas getrennt."
    )
    provenance = provenance_field("das Ziel")
    continues = models.ManyToManyField(
        "self",
        through="Lineage",
        through_fields=("later", "earlier"),
        symmetrical=False,
        blank=True,
        related_name="continued_by",
        verbose_name="Führt fort",
        help_text="Ziele einer früheren Fassung, die dieses Ziel weiterführt.",
    )
    ending_reason = models.TextField(
        "Warum das Ziel endete",
        blank=True,
        help_text=(
            "Für entfallene oder in einer späteren Fassung fortgeführte Ziele: warum, und wohin "
            "die Aufgabe gegangen ist. Steht auf der Seite des Ziels und bei seinen Nachfolgern."
        ),
    )
    themes = models.ManyToManyField(
        "dialog.Theme", related_name="goals", blank=True, verbose_name="Dialogthemen"
    )
    events = models.ManyToManyField(
        "dialog.Event", related_name="goals", blank=True, verbose_name="Veranstaltungen"
    )

    objects = GoalQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        verbose_name = "Ziel"
        verbose_name_plural = "Ziele"
        ordering = ["version__year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"],
                name="goals_goal_number_unique_in_version",
                violation_error_message="Diese Nummer ist in der Fassung schon vergeben.",
            )
        ]

    def __str__(self):
        return labels.goal_label(self)

    def save(self, *args, **kwargs):
        self.version_id = self.field.version_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("goals:goal", args=[self.version.slug, self.number])

    @property
    def previous_url(self) -> str:
        return reverse("goals:goal", args=[self.version.slug, self.previous_number])

    @property
    def next_url(self) -> str:
        return reverse("goals:goal", args=[self.version.slug, self.next_number])

    def clean_fields(self, exclude=None):
        # The version is not entered but follows the field (see save()).
        if self.field_id:
            self.version_id = self.field.version_id
        super().clean_fields({*(exclude or ()), "version"})

    def clean(self):
        if (
            self.target_is_year
            and self.target_date
            and self.target_date.timetuple()[1:3] != (12, 31)
        ):
            raise ValidationError(
                {"target_date": "Ist nur das Jahr festgelegt, tragen Sie bitte den 31.12. ein."}
            )
        if self.target_is_year and not self.target_date:
            raise ValidationError({"target_date": "Bitte tragen Sie das Zieljahr als 31.12. ein."})

    def validate_constraints(self, exclude=None):
        if exclude and "version" in exclude and self.version_id:
            exclude = set(exclude) - {"version"}
        super().validate_constraints(exclude)

    # --- derived values: annotations when present, else one query ------------

    @property
    def current_status(self) -> Status:
        code = getattr(self, "status_code", None)
        if code is None:
            report = self.newest_report
            code = report.status if report else INITIAL_STATUS
        return Status(code)

    @property
    def status_now(self) -> Status:
        """Today's status where the page shows an earlier one (see GoalQuerySet.quoted_on)."""
        code = self.__dict__.get("status_today")
        return Status(code) if code else self.current_status

    @property
    def current_status_date(self) -> datetime.date | None:
        if "status_code" in self.__dict__:
            return self.__dict__.get("status_date")
        report = self.newest_report
        return report.date if report else None

    @property
    def newest_report(self):
        cache = self.__dict__.setdefault("_newest_report", [])
        if not cache:
            cache.append(self.reports.order_by("-date").first())
        return cache[0]

    @property
    def is_overdue(self) -> bool:
        flag = getattr(self, "overdue_now", None)
        if flag is not None:
            return flag
        return is_overdue(self.target_date, self.current_status, timezone.localdate())

    @property
    def overdue_since(self) -> str:
        """The target date that passed, as "Ende 2023" or "30. Juni 2024"."""
        if not self.target_date:
            return ""
        if self.target_is_year:
            return f"Ende {self.target_date.year}"
        return date_format(self.target_date, "j. F Y")

    @cached_property
    def is_stale(self) -> bool:
        # Cached: lists ask every goal several times (figures, rows), and the answer
        # cannot change while a page is rendered.
        return is_stale(
            self.current_status_date,
            self.current_status,
            self.__dict__.get("as_of_date") or timezone.localdate(),
            settings.GOALS_STALE_AFTER_DAYS,
        )

    @property
    def target_label(self) -> str:
        if not self.target_date:
            return "ohne Termin"
        if self.target_is_year:
            return f"bis Ende {self.target_date.year}"
        return f"bis {self.target_date:%d.%m.%Y}"

    @property
    def target_short(self) -> str:
        """ "Ende 2023" or "30.06.2024"; "" without a target."""
        if not self.target_date:
            return ""
        if self.target_is_year:
            return f"Ende {self.target_date.year}"
        return f"{self.target_date:%d.%m.%Y}"

    @property
    def category_list(self) -> list[str]:
        return [c.strip() for c in self.categories.split(",") if c.strip()]

    @property
    def is_example(self) -> bool:
        return self.provenance == Provenance.BEISPIEL

    @property
    def rests_on_example(self) -> bool:
        """The goal or the report its current status comes from is example content."""
        if self.is_example:
            return True
        if "status_code" in self.__dict__:
            return self.__dict__.get("status_provenance") == Provenance.BEISPIEL
        report = self.newest_report
        return report is not None and report.provenance == Provenance.BEISPIEL


class Lineage(models.Model):
    """A later goal continues an earlier one; the link says where it comes from and why.

    The table is the one the plain many-to-many field used (goals_goal_continues),
    so existing links stayed where they were when the link got its own fields.
    """

    later = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="lineage_back",
        db_column="from_goal_id",
        verbose_name="Späteres Ziel",
    )
    earlier = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="lineage_forward",
        db_column="to_goal_id",
        verbose_name="Früheres Ziel",
    )
    provenance = provenance_field("die Verbindung", "Herkunft der Verbindung")
    note = models.CharField(
        "Wie es weitergeht",
        max_length=300,
        blank=True,
        help_text="z. B. „zusammengeführt mit …“ oder „Zieltermin verschoben, weil …“",
    )

    class Meta:
        db_table = "goals_goal_continues"
        verbose_name = "Fortführung"
        verbose_name_plural = "Fortführungen"
        unique_together = [("later", "earlier")]

    def __str__(self):
        return f"{self.later} führt fort: {self.earlier}"

    def clean(self):
        if self.later_id and self.earlier_id and self.later_id == self.earlier_id:
            raise ValidationError({"earlier": "Ein Ziel kann sich nicht selbst fortführen."})


class StatusReport(models.Model):
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="reports", verbose_name="Ziel"
    )
    date = models.DateField("Datum")
    status = models.CharField("Stand", max_length=20, choices=Status.choices)
    text = RichTextField("Bericht", help_text="Was ist geschehen, was fehlt noch?")
    provenance = provenance_field("der Bericht")
    source_title = models.CharField("Quelle", max_length=200, blank=True)
    source_url = models.URLField("Adresse der Quelle", blank=True)
    source_document = models.ForeignKey(
        "downloads.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_reports",
        verbose_name="Quelldokument",
        help_text="Ein Bericht im Bereich Downloads, der diesen Stand belegt.",
    )

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta:
        verbose_name = "Statusbericht"
        verbose_name_plural = "Statusberichte"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "date"],
                name="goals_one_report_per_goal_and_day",
                violation_error_message="Für dieses Ziel gibt es an diesem Tag schon einen Bericht.",
            )
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} – {self.get_status_display()}"


from .ideas.models import Idea, IdeaDecision, IdeaReport, IdeaSupport  # noqa: E402, F401
from .indicators.assessment_models import Assessment, GoalVerdict, Verdict  # noqa: E402, F401
from .indicators.models import Indicator, Measurement  # noqa: E402, F401
from .priorities.models import PriorityBallot  # noqa: E402, F401
from .suggestions.models import (  # noqa: E402, F401
    Suggestion,
    SuggestionDecision,
    SuggestionReport,
    SuggestionSupport,
)
from .text.models import Chapter, Paragraph  # noqa: E402, F401
