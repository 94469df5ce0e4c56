"""Demo loader: strategy versions, fields, 44 + 78 goals and their status histories.

Goals and status reports are CSV files in exactly the format editors import in
the admin (demo/data/goals.csv, status_reports.csv), loaded through the same
resources, so the demo exercises the import. Versions and fields of action have
no spreadsheet import; they are small CSV files read here.

Each step looks up stable keys (version slug, field number, goal number, report
date), so a second run finds everything and creates nothing.
"""

import csv
import datetime
from pathlib import Path

import tablib
from django.conf import settings

from downloads.models import Document
from goals.models import (
    Assessment,
    FieldOfAction,
    Goal,
    GoalVerdict,
    Lineage,
    StatusReport,
    StrategyVersion,
)
from goals.resources import (
    GoalResource,
    IndicatorResource,
    MeasurementResource,
    StatusReportResource,
)

DATA = Path(settings.BASE_DIR) / "demo" / "data"

# Version slug -> slug of its stand-in PDF from the downloads demo.
VERSION_DOCUMENTS = {
    "metastudie-2018": "metastudie-2018",
    "2019": "digitalstrategie-2019",
    "fortschrittsbericht-2020": "fortschrittsbericht-2020",
    "2-0": "digitalstrategie-2-0",
}
# Source title of a status report -> the document that backs it.
SOURCE_DOCUMENTS = {"Fortschrittsbericht 2020": "fortschrittsbericht-2020"}


def _rows(name):
    with open(DATA / name, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load(report) -> None:
    _load_versions(report)
    _link_documents(report)
    _load_fields(report)
    _import(report, GoalResource(), "goals.csv", "Ziel", ("nummer",))
    _import(report, StatusReportResource(), "status_reports.csv", "Bericht", ("ziel", "datum"))
    _link_sources(report)
    _annotate_lineage(report)
    _import(report, IndicatorResource(), "indicators.csv", "Indikator", ("ziel", "indikator"))
    _import(report, MeasurementResource(), "measurements.csv", "Messwert", ("ziel", "datum"))
    _load_assessments(report)


def _load_versions(report):
    for row in _rows("versions.csv"):
        version, created = StrategyVersion.objects.get_or_create(
            slug=row["fassung"],
            defaults={
                "title": row["titel"],
                "year": int(row["jahr"]),
                "summary": row["zusammenfassung"],
                "adopted_on": _date(row["beschlossen_am"]),
                "presented_on": _date(row["vorgestellt_am"]),
                "is_current": row["aktuell"] == "ja",
            },
        )
        report.record(f"Fassung {version.title}", created)


def _load_fields(report):
    versions = StrategyVersion.objects.in_bulk(field_name="slug")
    for row in _rows("fields.csv"):
        _, created = FieldOfAction.objects.get_or_create(
            version=versions[row["fassung"]],
            number=row["nummer"],
            defaults={
                "slug": row["kuerzel"],
                "title": row["titel"],
                "position": int(row["reihenfolge"]),
                "introduction": row["einleitung"],
                "provenance": row["herkunft"],
            },
        )
        report.record(f"Handlungsfeld {row['fassung']}/{row['nummer']}", created)


def _import(report, resource, name, label, keys):
    """Import a file as the admin does; a bad row stops the demo with the row's errors."""
    with open(DATA / name, encoding="utf-8") as file:
        dataset = tablib.Dataset().load(file.read(), format="csv")
    result = resource.import_data(dataset, dry_run=False, raise_errors=False)
    if result.has_errors() or result.has_validation_errors():
        problems = (
            [f"Zeile {row.number}: {row.error_dict}" for row in result.invalid_rows]
            + [str(error.error) for error in result.base_errors]
            + [f"Zeile {number}: {errors[0].error}" for number, errors in result.row_errors()]
        )
        raise ValueError(f"{name} lässt sich nicht importieren: " + "; ".join(problems))
    for row, data in zip(result.rows, dataset.dict, strict=True):
        key = "/".join(str(data[k]) for k in keys)
        report.record(f"{label} {data['fassung']}/{key}", row.import_type == row.IMPORT_TYPE_NEW)


def _link_documents(report):
    documents = Document.objects.in_bulk(VERSION_DOCUMENTS.values(), field_name="slug")
    versions = StrategyVersion.objects.in_bulk(VERSION_DOCUMENTS, field_name="slug")
    for version_slug, document_slug in VERSION_DOCUMENTS.items():
        version, document = versions[version_slug], documents.get(document_slug)
        linked = document is not None and version.document_id is None
        if linked:
            version.document = document
            version.save(update_fields=["document"])
        report.record(f"Dokumentverknüpfung {version.title}", linked)


def _link_sources(report):
    """The spreadsheet names a report's source; the demo also links the stand-in PDF."""
    documents = Document.objects.in_bulk(SOURCE_DOCUMENTS.values(), field_name="slug")
    for title, document_slug in SOURCE_DOCUMENTS.items():
        document = documents.get(document_slug)
        unlinked = StatusReport.objects.filter(source_title=title, source_document=None)
        for status_report in unlinked if document else ():
            status_report.source_document = document
            status_report.save(update_fields=["source_document"])
            report.record(f"Quellverknüpfung {status_report}", True)


def _goal(reference: str) -> Goal:
    version, number = reference.split("/")
    return Goal.objects.get(version__slug=version, number=int(number))


def _annotate_lineage(report):
    """What a link between versions says about how the goal went on (lineage.csv)."""
    for row in _rows("lineage.csv"):
        link = Lineage.objects.get(later=_goal(row["spaeter"]), earlier=_goal(row["frueher"]))
        changed = link.note != row["hinweis"]
        if changed:
            link.note = row["hinweis"]
            link.save(update_fields=["note"])
        report.record(f"Hinweis zur Fortführung {row['spaeter']} ← {row['frueher']}", changed)


def _load_assessments(report):
    versions = StrategyVersion.objects.in_bulk(field_name="slug")
    assessments = {}
    for row in _rows("assessments.csv"):
        counts = {
            field: int(row[column]) if row[column] else None
            for field, column in [
                ("achieved", "erreicht"),
                ("partly", "teilweise"),
                ("missed", "verfehlt"),
                ("pending", "offen"),
            ]
        }
        assessment, created = Assessment.objects.get_or_create(
            version=versions[row["fassung"]],
            title=row["titel"],
            defaults={
                "author": row["wer"],
                "date": _date(row["datum"]),
                "date_is_year": row["nur_jahr"] == "ja",
                "source_url": row["adresse"],
                "goals_assessed": int(row["bewertet"]),
                "summary": row["zusammenfassung"],
                "provenance": {"Beispielinhalt": "beispiel"}.get(row["herkunft"], "amtlich"),
                **counts,
            },
        )
        assessments[row["titel"]] = assessment
        report.record(f"Bewertung „{row['titel']}“", created)
    for row in _rows("verdicts.csv"):
        assessment = assessments[row["titel"]]
        _, created = GoalVerdict.objects.get_or_create(
            assessment=assessment,
            goal=Goal.objects.get(version=assessment.version, number=int(row["ziel"])),
            defaults={"verdict": row["urteil"], "note": row["begruendung"]},
        )
        report.record(f"Urteil zu Ziel {row['ziel']}", created)
