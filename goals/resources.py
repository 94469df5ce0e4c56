"""Spreadsheet import and export (django-import-export) of goals and status reports.

Editors work with German column names and words ("verzögert", "31.12.2024").
Every widget turns a bad cell into a German ValueError, which the library
collects as a validation error of that row, so the preview lists every row's
problems and offers no "confirm" while any row is wrong: nothing of the file
is saved.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from import_export import fields, resources, widgets

from common.spreadsheet import restore_cell, xlsx_cell

from .models import FieldOfAction, Goal, StatusReport, StrategyVersion
from .provenance import Provenance
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


def provenance_column():
    # Optional on import: a file without the column keeps what is stored (new rows: amtlich).
    return fields.Field(
        attribute="provenance",
        column_name="herkunft",
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
    zustaendig = fields.Field(attribute="ministry", column_name="zustaendig", widget=TextWidget())
    kategorien = fields.Field(attribute="categories", column_name="kategorien", widget=TextWidget())
    fuehrt_fort = fields.Field(
        attribute="continues", column_name="fuehrt_fort", widget=ContinuesWidget()
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
            "zustaendig",
            "kategorien",
            "fuehrt_fort",
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
        if errors:
            raise ValidationError(errors)

    def dehydrate_fassung(self, goal):
        return goal.version.slug

    def get_queryset(self):
        earlier = Goal.objects.select_related("version").order_by("version__year", "number")
        return (
            Goal.objects.select_related("version", "field")
            .prefetch_related(Prefetch("continues", queryset=earlier))
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
