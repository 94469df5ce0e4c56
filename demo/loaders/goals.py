"""Demo loader: strategy versions, fields, 44 + 78 goals and their status histories.

Histories are derived from each goal's "fate" in demo/goal_data.py with fixed dates,
so a second run finds everything and creates nothing.
"""

import datetime

from django.utils.text import slugify

from demo import goal_data as data
from downloads.models import Document
from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion
from goals.status import Status

EXAMPLE_PREFIX = "Beispielziel: "
EXAMPLE_NOTE = (
    "<p><em>Beispielinhalt: Dieser Bericht ist für die Vorführung der Website ausgedacht "
    "und kein amtlicher Stand.</em></p>"
)
# No demo report is dated later than this, so the demo reads the same on any day.
LAST_REPORT = datetime.date(2025, 9, 30)

TEXTS = {
    Status.GEPLANT: "Das Ziel ist beschlossen. Die zuständigen Stellen planen die ersten Schritte und klären die Finanzierung.",
    Status.IN_UMSETZUNG: "Die Umsetzung hat begonnen: Aufträge sind vergeben, erste Projekte laufen.",
    Status.IM_ZEITPLAN: "Die Arbeiten liegen im Zeitplan. Die nächsten Meilensteine sind terminiert.",
    Status.VERZOEGERT: "Die Umsetzung verzögert sich, unter anderem wegen fehlender Fachkräfte und längerer Vergabeverfahren. Ein neuer Zeitplan wird abgestimmt.",
    Status.UMGESETZT: "Das Ziel ist erreicht. Das Angebot steht zur Verfügung und wird weiter beobachtet.",
    Status.ENTFALLEN: "Das Ziel wird nicht weiterverfolgt: Ein Bundesprogramm deckt die Aufgabe inzwischen ab.",
}

# Reports grounded in public facts (FACTS.md) replace the generated history's last step.
FACT_REPORTS = {
    "egovg": (
        datetime.date(2020, 7, 17),
        Status.UMGESETZT,
        "<p>Der Fortschrittsbericht 2020 meldet das geänderte E-Government-Gesetz NRW.</p>",
        "Fortschrittsbericht 2020",
    ),
    "open-data-vo": (
        datetime.date(2022, 1, 14),
        Status.UMGESETZT,
        "<p>Die Open-Data-Verordnung NRW vom 14. Januar 2022 ist erlassen; die Landesverwaltung "
        "stellt ihre Daten nun grundsätzlich offen bereit.</p>",
        "Open-Data-Verordnung NRW",
    ),
}


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def history(fate, start, target, offset):
    """[(date, status)] for a fate; dates strictly increasing and not after LAST_REPORT."""
    planned = start + datetime.timedelta(days=30 + offset)
    begun = planned + datetime.timedelta(days=170 + offset)
    due = target or begun + datetime.timedelta(days=700)
    steps = [(planned, Status.GEPLANT)]
    if fate != "planned":
        steps.append((begun, Status.IN_UMSETZUNG))
    later = begun + datetime.timedelta(days=300 + 3 * offset)
    if fate == "on_track":
        steps.append((later, Status.IM_ZEITPLAN))
    elif fate == "delayed":
        steps.append((later, Status.IM_ZEITPLAN))
        steps.append(
            (
                max(later, due - datetime.timedelta(days=120)) + datetime.timedelta(days=30),
                Status.VERZOEGERT,
            )
        )
    elif fate == "done":
        steps.append((max(later, due - datetime.timedelta(days=90)), Status.UMGESETZT))
    elif fate in {"done_late", "done_2022"}:
        steps.append((max(later, due - datetime.timedelta(days=90)), Status.VERZOEGERT))
        steps.append((max(later, due) + datetime.timedelta(days=150 + offset), Status.UMGESETZT))
    elif fate == "dropped":
        steps.append((later, Status.ENTFALLEN))
    result, previous = [], None
    for day, status in steps:
        day = min(day, LAST_REPORT)
        if previous and day <= previous:
            day = previous + datetime.timedelta(days=1)
        result.append((day, status))
        previous = day
    return result


def load(report) -> None:
    versions = {}
    for spec in data.VERSIONS:
        version, created = StrategyVersion.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "year": spec["year"],
                "summary": spec["summary"],
                "adopted_on": _date(spec.get("adopted_on")),
                "presented_on": _date(spec.get("presented_on")),
                "is_current": spec.get("is_current", False),
            },
        )
        report.record(f"Fassung {version.title}", created)
        versions[spec["slug"]] = version

    _link_documents(report, versions)
    v2019, v20 = versions["2019"], versions["2-0"]
    goals_2019 = _load_version(report, v2019, data.FIELDS_2019, data.GOALS_2019, _intro_2019)
    goals_20 = _load_version(report, v20, data.FIELDS_20, data.GOALS_20, _intro_20)

    by_key = dict((*goals_2019["keys"], *goals_20["keys"]))
    for key, earlier in data.CONTINUES.items():
        by_key[key].continues.add(*(by_key[k] for k in earlier))
    for (field_20, i), (field_2019, j) in data.EXAMPLE_CONTINUES:
        goals_20["fields"][field_20][i].continues.add(goals_2019["fields"][field_2019][j])


# Version slug -> slug of its stand-in PDF from the downloads demo.
VERSION_DOCUMENTS = {
    "metastudie-2018": "metastudie-2018",
    "2019": "digitalstrategie-2019",
    "fortschrittsbericht-2020": "fortschrittsbericht-2020",
    "2-0": "digitalstrategie-2-0",
}
# Source title of a fact report -> the document that backs it.
SOURCE_DOCUMENTS = {"Fortschrittsbericht 2020": "fortschrittsbericht-2020"}


def _link_documents(report, versions):
    documents = Document.objects.in_bulk(VERSION_DOCUMENTS.values(), field_name="slug")
    for version_slug, document_slug in VERSION_DOCUMENTS.items():
        version, document = versions[version_slug], documents.get(document_slug)
        linked = document is not None and version.document_id is None
        if linked:
            version.document = document
            version.save(update_fields=["document"])
        report.record(f"Dokumentverknüpfung {version.title}", linked)


def _intro_2019(number, title):
    return f"<p>Kapitel {number} der Digitalstrategie.NRW 2019: {title}.</p>"


def _intro_20(number, title):
    return (
        f"<p>{title}.</p><p><em>Beispielinhalt: Die amtliche Gliederung der Strategie 2.0 "
        "in Handlungsfelder ist hier nicht hinterlegt; diese Einteilung ist eine Annahme der "
        "Vorführung.</em></p>"
    )


def _load_version(report, version, field_specs, goal_specs, intro):
    start = version.adopted_on or version.presented_on
    number = 0
    keyed, per_field = [], {}
    for position, (field_number, slug, title) in enumerate(field_specs, start=1):
        field, created = FieldOfAction.objects.get_or_create(
            version=version,
            number=field_number,
            defaults={
                "slug": slug,
                "title": title,
                "position": position,
                "introduction": intro(field_number, title),
            },
        )
        report.record(f"Handlungsfeld {version.slug}/{field_number}", created)
        per_field[field_number] = []
        for key, goal_title, horizon, year, fate, ministry, categories, description in goal_specs[
            field_number
        ]:
            number += 1
            goal = _load_goal(
                report,
                version,
                field,
                number,
                key,
                goal_title,
                horizon,
                year,
                ministry,
                categories,
                description,
            )
            _load_history(report, goal, key, fate, start, number)
            per_field[field_number].append(goal)
            if key:
                keyed.append((key, goal))
    return {"keys": keyed, "fields": per_field}


def _load_goal(
    report, version, field, number, key, title, horizon, year, ministry, categories, description
):
    if key is None:
        title = EXAMPLE_PREFIX + title
        description = (
            (f"<p>{description}</p>" if description else "")
            + "<p>Beispielinhalt: Dieses Ziel ist für die Vorführung der Website ausgedacht und "
            "steht so nicht in der Strategie.</p>"
        )
    else:
        description = f"<p>{description}</p>"
    goal, created = Goal.objects.get_or_create(
        version=version,
        number=number,
        defaults={
            "field": field,
            "title": title,
            "slug": slugify(title.removeprefix(EXAMPLE_PREFIX))[:100],
            "description": description,
            "horizon": horizon,
            "target_date": datetime.date(year, 12, 31) if year else None,
            "target_is_year": bool(year),
            "ministry": ministry,
            "categories": categories,
        },
    )
    report.record(f"Ziel {version.slug}/{number}", created)
    return goal


def _load_history(report, goal, key, fate, start, number):
    steps = history(fate, start, goal.target_date, offset=(number * 7) % 45)
    fact = FACT_REPORTS.get(key)
    if fact:
        steps = [s for s in steps if s[0] < fact[0]][:2]
    for day, status in steps:
        _, created = StatusReport.objects.get_or_create(
            goal=goal,
            date=day,
            defaults={"status": status, "text": f"<p>{TEXTS[status]}</p>{EXAMPLE_NOTE}"},
        )
        report.record(f"Bericht {goal.version.slug}/{goal.number} {day}", created)
    if fact:
        day, status, text, source = fact
        document = Document.objects.filter(slug=SOURCE_DOCUMENTS.get(source)).first()
        _, created = StatusReport.objects.get_or_create(
            goal=goal,
            date=day,
            defaults={
                "status": status,
                "text": text,
                "source_title": source,
                "source_document": document,
            },
        )
        report.record(f"Bericht {goal.version.slug}/{goal.number} {day}", created)
