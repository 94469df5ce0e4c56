"""Spreadsheet import and export (django-import-export) of goals and status reports.

Editors work with German column names and words ("verzögert", "31.12.2024").
Every widget turns a bad cell into a German ValueError, which the library
collects as a validation error of that row, so the preview lists every row's
problems and offers no "confirm" while any row is wrong: nothing of the file
is saved.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from import_export import fields, resources, widgets

from common.provenance import Provenance
from common.spreadsheet import restore_cell, xlsx_cell

from .indicators.models import format_number
from .models import (
    FieldOfAction,
    Goal,
    Indicator,
    Lineage,
    Measurement,
    StatusReport,
    StrategyVersion,
)
from .status import Horizon, Status

# Goals of earlier versions are written "fassung/nummer", e.g. "2019/12".
GOAL_REFERENCE = re.compile(r"^\s*([\w-]+)\s*/\s*(\d+)\s*$")


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class TextWidget(widgets.Widget):
    """Text cells; an empty spreadsheet cell (None) is an empty text, not NULL."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return _text(value)


class NumberWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"„{text}“ ist keine gültige Nummer (ganze Zahl ab 1).")
        return int(text)


class ChoiceWidget(widgets.Widget):
    """Accepts the stored value or the label a reader sees, in any case."""

    def __init__(self, choices, what, **kwargs):
        self.choices = choices
        self.what = what
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = _text(value).lower()
        for choice in self.choices:
            if text in {choice.value, choice.label.lower(), choice.label.split(" (")[0].lower()}:
                return choice.value
        allowed = ", ".join(c.label.split(" (")[0] for c in self.choices)
        raise ValueError(f"Unbekannter {self.what} „{_text(value)}“. Erlaubt sind: {allowed}.")

    def render(self, value, obj=None, **kwargs):
        return self.choices(value).label.split(" (")[0] if value else ""


class DateWidget(widgets.Widget):
    FORMATS = ("%Y-%m-%d", "%d.%m.%Y")

    def __init__(self, required=True, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            if self.required:
                raise ValueError("Das Datum fehlt.")
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            f"„{text}“ ist kein Datum. Bitte schreiben Sie TT.MM.JJJJ oder JJJJ-MM-TT."
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in {"ja", "true", "1", "wahr", "x"}:
            return True
        if text in {"", "nein", "false", "0", "falsch"}:
            return False
        raise ValueError(f"„{_text(value)}“ ist weder „ja“ noch „nein“.")

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nein"


class VersionWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        slug = _text(value)
        version = StrategyVersion.objects.filter(slug=slug).first()
        if version is None:
            raise ValueError(f"Eine Fassung „{slug}“ gibt es nicht.")
        return version


class FieldWidget(widgets.Widget):
    """The field of action by its number within the row's version."""

    def clean(self, value, row=None, **kwargs):
        number = _text(value)
        version = _text((row or {}).get("fassung"))
        field = FieldOfAction.objects.filter(version__slug=version, number=number).first()
        if field is None:
            raise ValueError(
                f"Ein Handlungsfeld „{number}“ gibt es in der Fassung „{version}“ nicht."
            )
        return field

    def render(self, value, obj=None, **kwargs):
        return value.number if value else ""


class GoalWidget(widgets.Widget):
    """The goal by its number within the row's version."""

    def clean(self, value, row=None, **kwargs):
        number = _text(value)
        version = _text((row or {}).get("fassung"))
        goal = None
        if number.isdigit():
            goal = Goal.objects.filter(version__slug=version, number=int(number)).first()
        if goal is None:
            raise ValueError(f"Ein Ziel „{number}“ gibt es in der Fassung „{version}“ nicht.")
        return goal

    def render(self, value, obj=None, **kwargs):
        return value.number if value else ""


class ContinuesWidget(widgets.ManyToManyWidget):
    """Earlier goals as "2019/12 2019/13" (separated by spaces, commas or semicolons)."""

    def __init__(self, **kwargs):
        super().__init__(Goal, **kwargs)

    def clean(self, value, row=None, **kwargs):
        goals = []
        for token in re.split(r"[\s,;]+", _text(value)):
            if not token:
                continue
            match = GOAL_REFERENCE.match(token)
            goal = (
                Goal.objects.filter(version__slug=match[1], number=int(match[2])).first()
                if match
                else None
            )
            if goal is None:
                raise ValueError(
                    f"„{token}“ ist kein bekanntes Ziel. Bitte schreiben Sie Fassung/Nummer, z. B. 2019/12."
                )
            goals.append(goal)
        return goals

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        # .all() reads what GoalResource.get_queryset() prefetched: no query per goal.
        return " ".join(f"{g.version.slug}/{g.number}" for g in value.all())


class NumberValueWidget(widgets.Widget):
    """Decimal numbers as Germans write them: 10.300 (thousands) and 90,5 (decimal comma)."""

    THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")

    def __init__(self, required=True, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Decimal(str(value))
        text = _text(value).replace(" ", "").replace("\u202f", "")
        if not text:
            if self.required:
                raise ValueError("Der Wert fehlt.")
            return None
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif self.THOUSANDS.match(text):
            text = text.replace(".", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                f"„{_text(value)}“ ist keine Zahl. Bitte schreiben Sie z. B. 10.300 oder 90,5."
            ) from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise ValueError(f"„{_text(value)}“ ist keine gültige Zahl.")
        return number

    def render(self, value, obj=None, **kwargs):
        return format_number(value)


class IndicatorWidget(widgets.Widget):
    """The indicator by its name, within the goal the row names."""

    def clean(self, value, row=None, **kwargs):
        name = _text(value)
        goal = GoalWidget().clean((row or {}).get("ziel"), row=row)
        indicator = Indicator.objects.filter(goal=goal, name=name).first()
        if indicator is None:
            raise ValueError(
                f"Einen Indikator „{name}“ gibt es bei Ziel {goal.number} nicht. "
                "Bitte legen Sie ihn zuerst an (Indikatoren importieren)."
            )
        return indicator

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


def provenance_column(attribute="provenance", column_name="herkunft"):
    # Optional on import: a file without the column keeps what is stored (new rows: amtlich).
    return fields.Field(
        attribute=attribute,
        column_name=column_name,
        widget=ChoiceWidget(Provenance, "Herkunft"),
    )


class SpreadsheetResource(resources.ModelResource):
    def export_field(self, field, instance, **kwargs):
        # An exported title like "=HYPERLINK(...)" must not run when an editor opens the
        # file, and a control character pasted into a title must not break the XLSX.
        return xlsx_cell(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        # A file exported here and imported again gets its text back without the
        # apostrophe that neutralised it.
        for key, value in row.items():
            row[key] = restore_cell(value)


class GoalResource(SpreadsheetResource):
    fassung = fields.Field(attribute="version", column_name="fassung", widget=VersionWidget())
    handlungsfeld = fields.Field(
        attribute="field", column_name="handlungsfeld", widget=FieldWidget()
    )
    nummer = fields.Field(attribute="number", column_name="nummer", widget=NumberWidget())
    titel = fields.Field(attribute="title", column_name="titel", widget=TextWidget())
    beschreibung = fields.Field(
        attribute="description", column_name="beschreibung", widget=TextWidget()
    )
    zeithorizont = fields.Field(
        attribute="horizon",
        column_name="zeithorizont",
        widget=ChoiceWidget(Horizon, "Zeithorizont"),
    )
    zieltermin = fields.Field(
        attribute="target_date", column_name="zieltermin", widget=DateWidget(required=False)
    )
    nur_jahr = fields.Field(
        attribute="target_is_year", column_name="nur_jahr", widget=YesNoWidget()
    )
    zeithorizont_herkunft = provenance_column("horizon_provenance", "zeithorizont_herkunft")
    zieltermin_herkunft = provenance_column("target_provenance", "zieltermin_herkunft")
    zustaendig = fields.Field(attribute="ministry", column_name="zustaendig", widget=TextWidget())
    zustaendig_herkunft = provenance_column("ministry_provenance", "zustaendig_herkunft")
    kategorien = fields.Field(attribute="categories", column_name="kategorien", widget=TextWidget())
    fuehrt_fort = fields.Field(
        attribute="continues", column_name="fuehrt_fort", widget=ContinuesWidget()
    )
    # One provenance for all of a row's links; the admin sets it link by link.
    fuehrt_fort_herkunft = fields.Field(
        column_name="fuehrt_fort_herkunft", widget=ChoiceWidget(Provenance, "Herkunft")
    )
    grund_ende = fields.Field(
        attribute="ending_reason", column_name="grund_ende", widget=TextWidget()
    )
    herkunft = provenance_column()

    class Meta:
        model = Goal
        fields = (
            "fassung",
            "handlungsfeld",
            "nummer",
            "titel",
            "beschreibung",
            "zeithorizont",
            "zieltermin",
            "nur_jahr",
            "zeithorizont_herkunft",
            "zieltermin_herkunft",
            "zustaendig",
            "zustaendig_herkunft",
            "kategorien",
            "fuehrt_fort",
            "fuehrt_fort_herkunft",
            "grund_ende",
            "herkunft",
        )
        import_id_fields = ("fassung", "nummer")
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        number = _text(row.get("nummer"))
        if not number.isdigit():
            return None  # the row's validation reports the bad number
        return Goal.objects.filter(
            version__slug=_text(row.get("fassung")), number=int(number)
        ).first()

    def import_instance(self, instance, row, **kwargs):
        # The library checks many-to-many cells only after saving; check them
        # here so a bad reference is reported in the preview like any other cell.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "fuehrt_fort" in row:
            try:
                self.fields["fuehrt_fort"].widget.clean(row["fuehrt_fort"], row=row)
            except ValueError as error:
                errors["continues"] = [str(error)]
        if _text(row.get("fuehrt_fort_herkunft")):
            try:
                self.fields["fuehrt_fort_herkunft"].widget.clean(row["fuehrt_fort_herkunft"])
            except ValueError as error:
                errors["continues"] = [*errors.get("continues", []), str(error)]
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        cell = _text(row.get("fuehrt_fort_herkunft"))
        if cell:
            provenance = self.fields["fuehrt_fort_herkunft"].widget.clean(cell)
            Lineage.objects.filter(later=instance).update(provenance=provenance)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # The links' provenance is no model field, so the library cannot see it change.
        cell = _text(row.get("fuehrt_fort_herkunft"))
        if cell and instance.pk:
            wanted = self.fields["fuehrt_fort_herkunft"].widget.clean(cell)
            if Lineage.objects.filter(later=instance).exclude(provenance=wanted).exists():
                return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def dehydrate_fuehrt_fort_herkunft(self, goal):
        # .all() on the prefetched links: no query per goal.
        kinds = {Provenance(link.provenance).label for link in goal.lineage_back.all()}
        return ", ".join(sorted(kinds))

    def dehydrate_fassung(self, goal):
        return goal.version.slug

    def get_queryset(self):
        earlier = Goal.objects.select_related("version").order_by("version__year", "number")
        return (
            Goal.objects.select_related("version", "field")
            .prefetch_related(Prefetch("continues", queryset=earlier), "lineage_back")
            .order_by("version__year", "number")
        )


class StatusReportResource(SpreadsheetResource):
    fassung = fields.Field(column_name="fassung", readonly=True)
    ziel = fields.Field(attribute="goal", column_name="ziel", widget=GoalWidget())
    datum = fields.Field(attribute="date", column_name="datum", widget=DateWidget())
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Status, "Stand")
    )
    bericht = fields.Field(attribute="text", column_name="bericht", widget=TextWidget())
    quelle = fields.Field(attribute="source_title", column_name="quelle", widget=TextWidget())
    quelle_url = fields.Field(attribute="source_url", column_name="quelle_url", widget=TextWidget())
    herkunft = provenance_column()

    class Meta:
        model = StatusReport
        fields = (
            "fassung",
            "ziel",
            "datum",
            "status",
            "bericht",
            "quelle",
            "quelle_url",
            "herkunft",
        )
        import_id_fields = ("ziel", "datum")
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        try:
            goal = GoalWidget().clean(row.get("ziel"), row=row)
            date = DateWidget().clean(row.get("datum"))
        except ValueError:
            return None  # the row's validation reports the bad cell
        return StatusReport.objects.filter(goal=goal, date=date).first()

    def dehydrate_fassung(self, report):
        return report.goal.version.slug

    def get_queryset(self):
        return StatusReport.objects.select_related("goal__version").order_by(
            "goal__version__year", "goal__number", "date"
        )


class IndicatorResource(SpreadsheetResource):
    fassung = fields.Field(column_name="fassung", readonly=True)
    ziel = fields.Field(attribute="goal", column_name="ziel", widget=GoalWidget())
    indikator = fields.Field(attribute="name", column_name="indikator", widget=TextWidget())
    einheit = fields.Field(attribute="unit", column_name="einheit", widget=TextWidget())
    ausgangswert = fields.Field(
        attribute="baseline_value",
        column_name="ausgangswert",
        widget=NumberValueWidget(required=False),
    )
    ausgangsdatum = fields.Field(
        attribute="baseline_date", column_name="ausgangsdatum", widget=DateWidget(required=False)
    )
    zielwert = fields.Field(
        attribute="target_value", column_name="zielwert", widget=NumberValueWidget()
    )
    zieldatum = fields.Field(
        attribute="target_date", column_name="zieldatum", widget=DateWidget(required=False)
    )
    herkunft = provenance_column()

    class Meta:
        model = Indicator
        fields = (
            "fassung",
            "ziel",
            "indikator",
            "einheit",
            "ausgangswert",
            "ausgangsdatum",
            "zielwert",
            "zieldatum",
            "herkunft",
        )
        import_id_fields = ("ziel", "indikator")
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        try:
            goal = GoalWidget().clean(row.get("ziel"), row=row)
        except ValueError:
            return None
        return Indicator.objects.filter(goal=goal, name=_text(row.get("indikator"))).first()

    def dehydrate_fassung(self, indicator):
        return indicator.goal.version.slug

    def get_queryset(self):
        return Indicator.objects.select_related("goal__version").order_by(
            "goal__version__year", "goal__number", "position", "pk"
        )


class MeasurementResource(SpreadsheetResource):
    fassung = fields.Field(column_name="fassung", readonly=True)
    ziel = fields.Field(column_name="ziel", readonly=True)
    indikator = fields.Field(
        attribute="indicator", column_name="indikator", widget=IndicatorWidget()
    )
    datum = fields.Field(attribute="date", column_name="datum", widget=DateWidget())
    wert = fields.Field(attribute="value", column_name="wert", widget=NumberValueWidget())
    quelle = fields.Field(attribute="source_title", column_name="quelle", widget=TextWidget())
    quelle_url = fields.Field(attribute="source_url", column_name="quelle_url", widget=TextWidget())
    herkunft = provenance_column()

    class Meta:
        model = Measurement
        fields = (
            "fassung",
            "ziel",
            "indikator",
            "datum",
            "wert",
            "quelle",
            "quelle_url",
            "herkunft",
        )
        import_id_fields = ("indikator", "datum")
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        try:
            indicator = IndicatorWidget().clean(row.get("indikator"), row=row)
            date = DateWidget().clean(row.get("datum"))
        except ValueError:
            return None
        return Measurement.objects.filter(indicator=indicator, date=date).first()

    def dehydrate_fassung(self, measurement):
        return measurement.indicator.goal.version.slug

    def dehydrate_ziel(self, measurement):
        return measurement.indicator.goal.number

    def get_queryset(self):
        return Measurement.objects.select_related("indicator__goal__version").order_by(
            "indicator__goal__version__year", "indicator__goal__number", "indicator__pk", "date"
        )
