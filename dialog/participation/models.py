"""Participation: phases that open and close commenting, dialog themes and events.

Times are stored as aware datetimes (UTC in the database) and entered and shown
in Europe/Berlin (settings.TIME_ZONE), so a phase "ending 28 March 2021, 24:00"
ends at the same instant whether it is summer or winter time.
"""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from common import revisions
from common.provenance import provenance_field
from richtext.fields import RichTextField


def is_running(phase, now: datetime) -> bool:
    """Whether `phase` is running at the instant `now`.

    The interval is half-open: the start is inclusive, the end exclusive. A
    phase from 10:00 to 12:00 is running at 10:00:00 and at 11:59:59.999999,
    but no longer at 12:00:00, so two back-to-back phases never both run.
    Everything is converted to UTC first: Python compares two datetimes that
    share a tzinfo by their wall-clock reading, which is wrong across a clock
    change. So the zone `now` is expressed in does not matter. The QuerySet
    methods below use the same boundaries.
    """
    now = now.astimezone(UTC)
    return phase.starts_at.astimezone(UTC) <= now < phase.ends_at.astimezone(UTC)


class PeriodQuerySet(models.QuerySet):
    """running/upcoming/past partition every period exactly once for a given instant."""

    def running(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)

    def upcoming(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(starts_at__gt=now)

    def past(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(ends_at__lte=now)


class Period(models.Model):
    """What phases and events share: a half-open time span [starts_at, ends_at).

    One place for the fields, the newest-first ordering, the database rule that
    the end lies after the start (constraint names stay phase_ends_after_start /
    event_ends_after_start via %(class)s, so no schema change) and its form check.
    """

    starts_at = models.DateTimeField("Beginn", help_text="Ortszeit Berlin.")
    ends_at = models.DateTimeField("Ende", help_text="Ortszeit Berlin.")

    objects = PeriodQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="%(class)s_ends_after_start",
            )
        ]

    def period_errors(self) -> dict[str, str]:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            return {"ends_at": "Das Ende muss nach dem Beginn liegen."}
        return {}

    def clean(self):
        if errors := self.period_errors():
            raise ValidationError(errors)

    def is_running(self, now: datetime | None = None) -> bool:
        return is_running(self, now or timezone.now())


class Phase(Period):
    class Moderation(models.TextChoices):
        POST = "post", "Nachträglich (Kommentare erscheinen sofort)"
        PRE = "pre", "Vorab (Kommentare erscheinen erst nach Freigabe)"

    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kurzname in der Adresse", max_length=100, unique=True)
    description = RichTextField(
        "Beschreibung", blank=True, help_text="Formatierter Text; wird beim Speichern bereinigt."
    )
    # Redeclared only for the help texts editors see on a phase.
    starts_at = models.DateTimeField("Beginn", help_text="Ortszeit Berlin; ab diesem Zeitpunkt.")
    ends_at = models.DateTimeField(
        "Ende", help_text="Ortszeit Berlin; ab diesem Zeitpunkt ist die Phase geschlossen."
    )
    moderation = models.CharField(
        "Moderation", max_length=4, choices=Moderation.choices, default=Moderation.POST
    )
    evaluation = RichTextField(
        "Was aus Ihren Beiträgen wurde",
        blank=True,
        help_text="Auswertung nach dem Ende der Phase. Formatierter Text; wird bereinigt.",
    )
    # Figures from a report of the time (e.g. a phase before this website): a phase that
    # has them shows them as its figures instead of what the site counted (often 0).
    # The number is for tables and sorting, the wording ("knapp 400") is what people read.
    reported_comments = models.PositiveIntegerField(
        "Berichtete Zahl der Kommentare", null=True, blank=True
    )
    reported_comments_text = models.CharField(
        "Kommentare im Wortlaut des Berichts",
        max_length=60,
        blank=True,
        help_text="z. B. „knapp 400“; leer: die Zahl wird gezeigt.",
    )
    reported_responses = models.PositiveIntegerField(
        "Berichtete Zahl aller Rückmeldungen",
        null=True,
        blank=True,
        help_text="Mit Veranstaltungen und anderen Wegen, wenn der Bericht sie nennt.",
    )
    reported_responses_text = models.CharField(
        "Rückmeldungen im Wortlaut des Berichts",
        max_length=60,
        blank=True,
        help_text="z. B. „mehr als 2.000“; leer: die Zahl wird gezeigt.",
    )
    reported_participants = models.PositiveIntegerField(
        "Berichtete Zahl der Teilnehmenden", null=True, blank=True
    )
    reported_participants_text = models.CharField(
        "Teilnehmende im Wortlaut des Berichts",
        max_length=60,
        blank=True,
        help_text="z. B. „rund 250“; leer: die Zahl wird gezeigt.",
    )
    reported_source = models.CharField(
        "Quelle der berichteten Zahlen",
        max_length=300,
        blank=True,
        help_text="z. B. „Auswertung der Online-Beteiligung, Oktober 2018“.",
    )
    priorities_question = models.CharField(
        "Frage zu Prioritäten",
        max_length=300,
        blank=True,
        help_text="z. B. „Welche Handlungsfelder sind Ihnen am wichtigsten?“ Leer: keine "
        "Abstimmung. Zur Wahl stehen die Handlungsfelder der Fassungen dieser Phase, "
        "bis zu drei je Person.",
    )
    priorities_shown_during = models.BooleanField(
        "Ergebnis schon während der Phase zeigen",
        default=False,
        help_text="Sonst erscheint das Ergebnis erst nach dem Ende der Phase.",
    )
    statements_allowed = models.BooleanField(
        "Stellungnahmen annehmen",
        default=False,
        help_text="Organisationen können während der Phase eine Stellungnahme mit PDF "
        "einreichen; sie erscheint nach Prüfung durch die Moderation.",
    )
    ideas_allowed = models.BooleanField(
        "Ideen sammeln",
        default=False,
        help_text="Bürgerinnen und Bürger können während der Phase eigene Ideen zu einem "
        "Handlungsfeld einreichen, unterstützen und kommentieren. Moderation wie oben.",
    )
    ideas_until = models.DateTimeField(
        "Ideen bis",
        null=True,
        blank=True,
        help_text="Ortszeit Berlin; leer: bis zum Ende der Phase. Danach bleiben Ideen "
        "sichtbar und werden beantwortet.",
    )
    updated_at = models.DateTimeField("Zuletzt geändert", auto_now=True)

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta(Period.Meta):
        verbose_name = "Beteiligungsphase"
        verbose_name_plural = "Beteiligungsphasen"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialog:phase", args=[self.slug])

    @property
    def is_pre_moderated(self) -> bool:
        return self.moderation == self.Moderation.PRE

    def takes_ideas(self, now) -> bool:
        """Whether new ideas (and supports) are taken at `now`."""
        until = self.ideas_until or self.ends_at
        return self.ideas_allowed and self.starts_at <= now < min(until, self.ends_at)


class Theme(models.Model):
    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kurzname in der Adresse", max_length=100, unique=True)
    introduction = RichTextField(
        "Einführung", blank=True, help_text="Formatierter Text; wird beim Speichern bereinigt."
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name="Beteiligungsphase",
        on_delete=models.PROTECT,
        related_name="themes",
    )
    position = models.PositiveSmallIntegerField("Reihenfolge", default=0)
    ideas_allowed = models.BooleanField(
        "Ideen zu diesem Thema annehmen",
        default=True,
        help_text="Nur wirksam, solange die Phase Ideen sammelt (Zeitraum wie dort). "
        "Ausgeschaltet: Das Thema wird im Ideenformular nicht angeboten.",
    )

    class Meta:
        ordering = ["position", "title"]
        verbose_name = "Dialogthema"
        verbose_name_plural = "Dialogthemen"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialog:theme", args=[self.slug])

    def takes_ideas(self, now) -> bool:
        """Whether a new idea may name this theme at `now`: its phase's dates, its own switch."""
        return self.ideas_allowed and self.phase.takes_ideas(now)


class EventQuerySet(PeriodQuerySet):
    """An event is upcoming until it has ended (a running conference is still "next")."""

    def upcoming(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(ends_at__gt=now).order_by("starts_at")

    def past(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(ends_at__lte=now).order_by("-starts_at")


class EventSeries(models.Model):
    """A run of events under one name, e.g. the 2021 live events "Digital vor Ort mit …"."""

    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kurzname in der Adresse", max_length=100, unique=True)
    description = RichTextField(
        "Beschreibung", blank=True, help_text="Formatierter Text; wird beim Speichern bereinigt."
    )

    class Meta:
        verbose_name = "Veranstaltungsreihe"
        verbose_name_plural = "Veranstaltungsreihen"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialog:series", args=[self.slug])


class Event(Period):
    class Kind(models.TextChoices):
        CONFERENCE = "konferenz", "Konferenz"
        LIVE = "live", "Live-Event"
        ON_SITE = "vor-ort", "Vor-Ort-Dialog"
        ONLINE = "online", "Online-Dialog"

    class Approximation(models.TextChoices):
        EXACT = "", "genau"
        MORE_THAN = "mehr-als", "mehr als"
        ABOUT = "etwa", "etwa"

    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kurzname in der Adresse", max_length=100, unique=True)
    kind = models.CharField("Art", max_length=10, choices=Kind.choices)
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="Reihe",
    )
    times_provenance = provenance_field("die Uhrzeit", "Herkunft der Uhrzeiten")
    online = models.BooleanField("Findet online statt", default=False)
    place = models.CharField(
        "Ort",
        max_length=200,
        blank=True,
        help_text="Leer lassen, wenn die Veranstaltung online ist.",
    )
    participants = models.PositiveIntegerField("Teilnehmende", null=True, blank=True)
    participants_approximation = models.CharField(
        "Angabe der Teilnehmenden",
        max_length=10,
        choices=Approximation.choices,
        default=Approximation.EXACT,
        blank=True,
    )
    description = RichTextField(
        "Beschreibung", blank=True, help_text="Formatierter Text; wird beim Speichern bereinigt."
    )
    themes = models.ManyToManyField(
        Theme, verbose_name="Dialogthemen", related_name="events", blank=True
    )
    recording_url = models.URLField(
        "Aufzeichnung (Video-Adresse)",
        blank=True,
        help_text="YouTube-Adresse; sie wird erst nach einem Klick der Besucherin geladen.",
    )
    recording_length = models.DurationField(
        "Länge der Aufzeichnung", null=True, blank=True, help_text="Format: HH:MM:SS"
    )
    transcript = RichTextField(
        "Abschrift der Aufzeichnung",
        blank=True,
        help_text="Formatierter Text; wird beim Speichern bereinigt.",
    )
    recap = RichTextField(
        "Rückblick", blank=True, help_text="Formatierter Text; wird beim Speichern bereinigt."
    )
    updated_at = models.DateTimeField("Zuletzt geändert", auto_now=True)

    objects = EventQuerySet.as_manager()

    # Every save kept with who and when (admin: compare, restore).
    history = revisions.history()

    class Meta(Period.Meta):
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialog:event", args=[self.slug])

    def clean(self):
        errors = self.period_errors()
        if not self.online and not self.place.strip():
            errors["place"] = "Bitte geben Sie einen Ort an oder kreuzen Sie „online“ an."
        if self.participants is None and self.participants_approximation:
            errors["participants"] = "Bitte geben Sie eine Zahl an."
        if errors:
            raise ValidationError(errors)

    @property
    def location(self) -> str:
        """ "online", the place, or both for a hybrid event."""
        if self.online and self.place:
            return f"{self.place} und online"
        return "online" if self.online else self.place

    @property
    def participants_text(self) -> str:
        if self.participants is None:
            return ""
        number = f"{self.participants:,}".replace(",", ".")
        prefix = (
            self.get_participants_approximation_display() if self.participants_approximation else ""
        )
        return f"{prefix} {number} Teilnehmende".strip()
