"""Open data: every goal of every version as CSV and JSON, and a DCAT-AP.de catalogue.

One row builder feeds both formats so they cannot drift apart; the column
names below are documented on /daten/.
"""

import csv
import io

from django.conf import settings
from django.db.models import Max, Prefetch

from common.provenance import Provenance
from common.spreadsheet import neutralise_cell

from .models import Goal, StatusReport

LICENCE_NAME = "Datenlizenz Deutschland – Zero – Version 2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/zero-2-0"
LICENCE_URI = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
PUBLISHER = "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen"
NRW_GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"

# (key, meaning) in output order; the /daten/ page lists them.
COLUMNS = [
    ("fassung", "Kürzel der Fassung, z. B. 2019 oder 2-0"),
    ("fassung_titel", "Titel der Fassung"),
    ("handlungsfeld_nummer", "Nummer des Handlungsfelds"),
    ("handlungsfeld", "Titel des Handlungsfelds"),
    ("nummer", "Nummer des Ziels in seiner Fassung"),
    ("titel", "Titel des Ziels"),
    (
        "herkunft",
        "amtlich, Annahme der Redaktion oder Beispielinhalt (für die Vorführung ausgedacht)",
    ),
    ("zeithorizont", "kurzfristig, mittelfristig oder langfristig"),
    ("zieltermin", "Zieltermin als Datum (JJJJ-MM-TT), leer wenn keiner festgelegt ist"),
    ("zieltermin_nur_jahr", "true, wenn nur das Jahr festgelegt ist"),
    ("zustaendig", "zuständiges Ressort"),
    ("status", "aktueller Stand laut neuestem Bericht"),
    ("status_datum", "Datum des neuesten Berichts (JJJJ-MM-TT)"),
    (
        "ueberfaellig",
        "true, wenn der Zieltermin verstrichen und das Ziel weder umgesetzt noch entfallen ist",
    ),
    (
        "status_herkunft",
        "Herkunft des neuesten Berichts: amtlich, Annahme der Redaktion oder Beispielinhalt",
    ),
    (
        "stand_veraltet",
        "true, wenn das Ziel offen ist und sein neuester Bericht älter ist als die "
        "eingestellte Frist (Voreinstellung 365 Tage)",
    ),
    ("fuehrt_fort", "Ziele früherer Fassungen, die dieses Ziel fortführt, als fassung/nummer"),
    ("url", "Adresse der Seite des Ziels"),
]


def goal_rows(base_url: str = "", as_of=None) -> list[dict]:
    """All goals, ordered by version and number, in a fixed number of queries.

    With `as_of`, each goal's status, overdue and stale flags as they stood that day.
    """
    base_url = base_url or settings.SITE_URL
    goals = (
        Goal.objects.with_overdue(as_of=as_of)
        .select_related("version", "field")
        .prefetch_related(
            Prefetch(
                "continues", queryset=Goal.objects.select_related("version").order_by("number")
            )
        )
        .order_by("version__year", "version__pk", "number")
    )
    rows = []
    for goal in goals:
        rows.append(
            {
                "fassung": goal.version.slug,
                "fassung_titel": goal.version.title,
                "handlungsfeld_nummer": goal.field.number,
                "handlungsfeld": goal.field.title,
                "nummer": goal.number,
                "titel": goal.title,
                "herkunft": goal.get_provenance_display(),
                "zeithorizont": goal.horizon,
                "zieltermin": goal.target_date.isoformat() if goal.target_date else None,
                "zieltermin_nur_jahr": goal.target_is_year,
                "zustaendig": goal.ministry,
                "status": goal.current_status.label,
                "status_datum": goal.status_date.isoformat() if goal.status_date else None,
                "ueberfaellig": goal.is_overdue,
                "status_herkunft": (
                    Provenance(goal.status_provenance).label if goal.status_provenance else ""
                ),
                "stand_veraltet": goal.is_stale,
                "fuehrt_fort": [f"{g.version.slug}/{g.number}" for g in goal.continues.all()],
                "url": base_url.rstrip("/") + goal.get_absolute_url(),
            }
        )
    return rows


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " ".join(value)
    return neutralise_cell(str(value))


def goals_csv(rows: list[dict]) -> str:
    """CSV text with a byte order mark, so spreadsheet programs read UTF-8 umlauts."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([key for key, _ in COLUMNS])
    for row in rows:
        writer.writerow([_csv_value(row[key]) for key, _ in COLUMNS])
    return out.getvalue()


def goals_json(rows: list[dict]) -> dict:
    return {
        "titel": "Ziele der Digitalstrategie.NRW und ihr Stand der Umsetzung",
        "lizenz": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "herausgeber": PUBLISHER,
        "ziele": rows,
    }


def last_modified():
    return StatusReport.objects.aggregate(latest=Max("date"))["latest"]


def catalog(absolute) -> dict:
    """The DCAT-AP.de description of the datasets; `absolute(path)` builds full URLs."""
    modified = last_modified()
    publisher = {"@type": "foaf:Organization", "foaf:name": PUBLISHER}
    distributions = [
        ("CSV", "text/csv", absolute("/daten/ziele.csv"), "Tabelle (UTF-8 mit BOM)"),
        ("JSON", "application/json", absolute("/daten/ziele.json"), "JSON-Dokument"),
    ]
    dataset = {
        "@id": absolute("/daten/#ziele"),
        "@type": "dcat:Dataset",
        "dct:title": "Ziele der Digitalstrategie.NRW und ihr Stand der Umsetzung",
        "dct:description": (
            "Alle Ziele der Digitalstrategie.NRW (Fassung 2019 mit 44 Zielen, Fassung 2.0 von "
            "2021 mit 78 Zielen) mit Handlungsfeld, Zeithorizont, Zieltermin, aktuellem Stand "
            "laut neuestem Statusbericht und der Angabe, ob ein Ziel überfällig ist."
        ),
        "dct:publisher": publisher,
        "dcatde:maintainer": publisher,
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": "Digitalstrategie.NRW",
            "vcard:hasEmail": {"@id": f"mailto:{settings.COMMENTS_XTD_CONTACT_EMAIL}"},
        },
        "dcat:keyword": ["Digitalstrategie", "Nordrhein-Westfalen", "Ziele", "Umsetzung"],
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dcatde:politicalGeocodingLevelURI": {
            "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/state"
        },
        "dcatde:politicalGeocodingURI": {"@id": NRW_GEOCODING},
        "dct:accrualPeriodicity": {
            "@id": "http://publications.europa.eu/resource/authority/frequency/IRREG"
        },
        "dcat:landingPage": {"@id": absolute("/daten/")},
        "dcat:distribution": [
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": f"Ziele und Stand als {name}",
                "dct:description": description,
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": media_type,
                "dct:format": {
                    "@id": f"http://publications.europa.eu/resource/authority/file-type/{name}"
                },
                "dct:license": {"@id": LICENCE_URI},
            }
            for name, media_type, url, description in distributions
        ],
    }
    if modified:
        dataset["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:date"}
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute("/daten/katalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": "Offene Daten der Digitalstrategie.NRW",
        "dct:description": "Datensätze zu den Zielen der Digitalstrategie des Landes Nordrhein-Westfalen.",
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dct:license": {"@id": LICENCE_URI},
        "foaf:homepage": {"@id": absolute("/")},
        "dcat:dataset": [dataset],
    }
