"""Open data: goals, their status history and indicator values as CSV and JSON, and a
DCAT-AP.de catalogue of the three datasets.

One row builder per dataset feeds both formats so they cannot drift apart; the
column names below are documented on /daten/.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Prefetch

from common.provenance import Provenance
from common.spreadsheet import BYTE_ORDER_MARK, csv_writer, neutralise_cell
from richtext import plain_text

from .changes import changes_by_goal
from .ideas import opendata as ideas_opendata
from .models import Goal, Indicator, Lineage, Measurement, StatusReport
from .suggestions import opendata as suggestions_opendata

LICENCE_NAME = "Datenlizenz Deutschland – Zero – Version 2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/zero-2-0"
LICENCE_URI = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
PUBLISHER = "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen"
NRW_GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"
# DCAT-AP.de requires each dataset to name exactly one data provider of GovData's list
# (http://dcat-ap.de/def/contributors/); the state's datasets reach GovData via Open.NRW.
CONTRIBUTOR_ID = "http://dcat-ap.de/def/contributors/openNRW"
# Media types as IRIs of IANA's registry, as DCAT-AP 3 requires (a string fails its shapes).
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

PROVENANCE_WORDS = (
    "amtlich, Annahme der Redaktion oder Beispielinhalt (für die Vorführung ausgedacht)"
)

# (key, meaning) in output order; the /daten/ page lists them.
COLUMNS = [
    ("fassung", "Kürzel der Fassung, z. B. 2019 oder 2-0"),
    ("fassung_titel", "Titel der Fassung"),
    ("handlungsfeld_nummer", "Nummer des Handlungsfelds"),
    ("handlungsfeld", "Titel des Handlungsfelds"),
    ("handlungsfeld_herkunft", f"Herkunft der Einteilung in Handlungsfelder: {PROVENANCE_WORDS}"),
    ("nummer", "Nummer des Ziels in seiner Fassung"),
    ("titel", "Titel des Ziels"),
    (
        "herkunft",
        "amtlich, Annahme der Redaktion oder Beispielinhalt (für die Vorführung ausgedacht)",
    ),
    ("zeithorizont", "kurzfristig, mittelfristig oder langfristig"),
    ("zieltermin", "Zieltermin als Datum (JJJJ-MM-TT), leer wenn keiner festgelegt ist"),
    ("zieltermin_nur_jahr", "true, wenn nur das Jahr festgelegt ist"),
    ("zeithorizont_herkunft", f"Herkunft des Zeithorizonts: {PROVENANCE_WORDS}"),
    ("zieltermin_herkunft", f"Herkunft des Zieltermins: {PROVENANCE_WORDS}"),
    ("zustaendig", "zuständiges Ressort"),
    ("zustaendig_herkunft", f"Herkunft der Zuständigkeit: {PROVENANCE_WORDS}"),
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
    (
        "fuehrt_fort_herkunft",
        f"Herkunft dieser Verbindungen, in derselben Reihenfolge: {PROVENANCE_WORDS}",
    ),
    ("grund_ende", "warum das Ziel entfallen ist oder wie es fortgeführt wird"),
    (
        "aenderungen",
        "Änderungen an Titel, Beschreibung, Zieltermin und Zuständigkeit nach der "
        "Veröffentlichung, die neueste zuerst, je als „JJJJ-MM-TT: Feld alt → neu“",
    ),
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
                "lineage_back",
                queryset=Lineage.objects.select_related("earlier__version").order_by(
                    "earlier__number"
                ),
            )
        )
        .order_by("version__year", "version__pk", "number")
    )
    changes = changes_by_goal()
    rows = []
    for goal in goals:
        rows.append(
            {
                "fassung": goal.version.slug,
                "fassung_titel": goal.version.title,
                "handlungsfeld_nummer": goal.field.number,
                "handlungsfeld": goal.field.title,
                "handlungsfeld_herkunft": goal.field.get_provenance_display(),
                "nummer": goal.number,
                "titel": goal.title,
                "herkunft": goal.get_provenance_display(),
                "zeithorizont": goal.horizon,
                "zieltermin": goal.target_date.isoformat() if goal.target_date else None,
                "zieltermin_nur_jahr": goal.target_is_year,
                "zeithorizont_herkunft": goal.get_horizon_provenance_display(),
                "zieltermin_herkunft": (
                    goal.get_target_provenance_display() if goal.target_date else ""
                ),
                "zustaendig": goal.ministry,
                "zustaendig_herkunft": goal.get_ministry_provenance_display()
                if goal.ministry
                else "",
                "status": goal.current_status.label,
                "status_datum": goal.status_date.isoformat() if goal.status_date else None,
                "ueberfaellig": goal.is_overdue,
                "status_herkunft": (
                    Provenance(goal.status_provenance).label if goal.status_provenance else ""
                ),
                "stand_veraltet": goal.is_stale,
                "fuehrt_fort": [
                    f"{link.earlier.version.slug}/{link.earlier.number}"
                    for link in goal.lineage_back.all()
                ],
                "fuehrt_fort_herkunft": [
                    link.get_provenance_display() for link in goal.lineage_back.all()
                ],
                "grund_ende": goal.ending_reason,
                "aenderungen": [
                    change.summary
                    for change in changes.get(goal.pk, [])
                    if as_of is None or change.day <= as_of
                ],
                "url": base_url.rstrip("/") + goal.get_absolute_url(),
            }
        )
    return rows


REPORT_COLUMNS = [
    ("fassung", "Kürzel der Fassung"),
    ("ziel", "Nummer des Ziels in seiner Fassung"),
    ("ziel_titel", "Titel des Ziels"),
    ("datum", "Datum des Berichts (JJJJ-MM-TT)"),
    ("status", "Stand, den der Bericht nennt"),
    ("bericht", "Text des Berichts ohne Formatierung"),
    ("herkunft", f"Herkunft des Berichts: {PROVENANCE_WORDS}"),
    ("quelle", "Quelle, die den Stand belegt"),
    ("quelle_url", "Adresse der Quelle"),
    ("url", "Adresse des Berichts auf der Seite des Ziels"),
]

INDICATOR_COLUMNS = [
    ("fassung", "Kürzel der Fassung"),
    ("ziel", "Nummer des Ziels in seiner Fassung"),
    ("indikator", "Name des Indikators"),
    ("einheit", "Einheit der Werte, z. B. % oder Ausbauten"),
    ("ausgangswert", "Ausgangswert (Dezimalpunkt), leer wenn keiner bekannt ist"),
    ("ausgangsdatum", "Stand des Ausgangswerts (JJJJ-MM-TT)"),
    ("zielwert", "Zielwert (Dezimalpunkt)"),
    ("zieldatum", "bis wann der Zielwert erreicht sein soll (JJJJ-MM-TT)"),
    ("indikator_herkunft", f"Herkunft des Indikators und seines Zielwerts: {PROVENANCE_WORDS}"),
    ("datum", "Stand des Messwerts (JJJJ-MM-TT); leer, wenn es noch keinen gibt"),
    ("wert", "Messwert (Dezimalpunkt)"),
    ("quelle", "Quelle des Messwerts"),
    ("quelle_url", "Adresse der Quelle"),
    ("wert_herkunft", f"Herkunft des Messwerts: {PROVENANCE_WORDS}"),
]


def _number(value: Decimal | None):
    """A JSON number: 10300 or 90.5."""
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def report_rows(base_url: str = "", as_of=None) -> list[dict]:
    """Every dated status report, oldest first per goal: what was claimed when."""
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    reports = StatusReport.objects.select_related("goal__version").order_by(
        "goal__version__year", "goal__version__pk", "goal__number", "date"
    )
    if as_of is not None:
        reports = reports.filter(date__lte=as_of)
    return [
        {
            "fassung": r.goal.version.slug,
            "ziel": r.goal.number,
            "ziel_titel": r.goal.title,
            "datum": r.date.isoformat(),
            "status": r.get_status_display(),
            "bericht": plain_text(r.text),
            "herkunft": r.get_provenance_display(),
            "quelle": r.source_title,
            "quelle_url": r.source_url,
            "url": f"{base_url}{r.goal.get_absolute_url()}#bericht-{r.pk}",
        }
        for r in reports
    ]


def indicator_rows(base_url: str = "", as_of=None) -> list[dict]:
    """One row per measured value; an indicator without values gets one row without them."""
    values = Measurement.objects.order_by("date")
    if as_of is not None:
        values = values.filter(date__lte=as_of)
    indicators = (
        Indicator.objects.select_related("goal__version")
        .prefetch_related(Prefetch("values", queryset=values))
        .order_by("goal__version__year", "goal__version__pk", "goal__number", "position", "pk")
    )
    rows = []
    for indicator in indicators:
        common = {
            "fassung": indicator.goal.version.slug,
            "ziel": indicator.goal.number,
            "indikator": indicator.name,
            "einheit": indicator.unit,
            "ausgangswert": _number(indicator.baseline_value),
            "ausgangsdatum": _iso(indicator.baseline_date),
            "zielwert": _number(indicator.target_value),
            "zieldatum": _iso(indicator.target_date),
            "indikator_herkunft": indicator.get_provenance_display(),
        }
        measured = list(indicator.values.all()) or [None]
        for m in measured:
            rows.append(
                common
                | {
                    "datum": _iso(m.date) if m else None,
                    "wert": _number(m.value) if m else None,
                    "quelle": m.source_title if m else "",
                    "quelle_url": m.source_url if m else "",
                    "wert_herkunft": m.get_provenance_display() if m else "",
                }
            )
    return rows


def _iso(day):
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: list
    rows: object  # (base_url, as_of) -> list[dict]
    json_key: str


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            "ziele",
            "Ziele der Digitalstrategie.NRW und ihr Stand der Umsetzung",
            "Alle Ziele der Digitalstrategie.NRW (Fassung 2019 mit 44 Zielen, Fassung 2.0 von "
            "2021 mit 78 Zielen) mit Handlungsfeld, Zeithorizont, Zieltermin, aktuellem Stand "
            "laut neuestem Statusbericht, der Angabe, ob ein Ziel überfällig ist, und der "
            "Herkunft jeder Angabe.",
            COLUMNS,
            goal_rows,
            "ziele",
        ),
        Dataset(
            "berichte",
            "Statusberichte zu den Zielen der Digitalstrategie.NRW",
            "Jeder datierte Bericht zum Stand eines Ziels: was die Landesregierung wann "
            "über das Ziel gesagt hat, mit Quelle und Herkunft.",
            REPORT_COLUMNS,
            report_rows,
            "berichte",
        ),
        Dataset(
            "indikatoren",
            "Indikatoren und Messwerte zu den Zielen der Digitalstrategie.NRW",
            "Messbare Indikatoren der Ziele mit Ausgangs- und Zielwert und jedem datierten "
            "Messwert, mit Quelle und Herkunft.",
            INDICATOR_COLUMNS,
            indicator_rows,
            "indikatoren",
        ),
        Dataset(
            "ideen",
            "Ideen aus der Beteiligung zur Digitalstrategie.NRW",
            "Jede veröffentlichte Idee von Bürgerinnen, Bürgern und Organisationen mit "
            "Handlungsfeld, Zahl der Unterstützungen und Kommentare und der Antwort der "
            "Redaktion, ohne E-Mail-Adressen.",
            ideas_opendata.IDEA_COLUMNS,
            ideas_opendata.idea_rows,
            "ideen",
        ),
        Dataset(
            "vorschlaege",
            "Formulierungsvorschläge zum Text der Digitalstrategie.NRW",
            "Jeder veröffentlichte Vorschlag für einen neuen Wortlaut eines Absatzes: bisheriger "
            "und vorgeschlagener Text, Begründung, Zahl der Unterstützungen und Kommentare, die "
            "Antwort der Redaktion und der Absatz, in den er übernommen wurde, ohne "
            "E-Mail-Adressen.",
            suggestions_opendata.SUGGESTION_COLUMNS,
            suggestions_opendata.suggestion_rows,
            "vorschlaege",
        ),
    ]
}


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " ".join(value) if all(" " not in v for v in value) else "; ".join(value)
    return neutralise_cell(str(value))


def as_csv(rows: list[dict], columns=COLUMNS) -> str:
    """CSV text with a byte order mark, so spreadsheet programs read UTF-8 umlauts."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv_writer(out)
    writer.writerow([key for key, _ in columns])
    for row in rows:
        writer.writerow([_csv_value(row[key]) for key, _ in columns])
    return out.getvalue()


def as_json(dataset: Dataset, rows: list[dict]) -> dict:
    return {
        "titel": dataset.title,
        "lizenz": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "herausgeber": PUBLISHER,
        dataset.json_key: rows,
    }


def last_modified():
    return StatusReport.objects.aggregate(latest=Max("date"))["latest"]


def _modified(slug: str):
    if slug == "ideen":
        latest = ideas_opendata.last_published()
        return latest.date() if latest else None
    if slug == "vorschlaege":
        latest = suggestions_opendata.last_published()
        return latest.date() if latest else None
    if slug == "indikatoren":
        return Measurement.objects.aggregate(latest=Max("date"))["latest"]
    return last_modified()


def _typed(iri: str, kind: str) -> dict:
    """A resource the catalogue names, with the class DCAT-AP 3 expects of it (its range
    shapes check the class). The EU vocabularies and IANA declare these classes too; a
    harvester that does not load them still reads what each IRI is."""
    return {"@id": iri, "@type": kind}


EU_VOCABULARY = "http://publications.europa.eu/resource/authority/"


def catalog(absolute) -> dict:
    """The DCAT-AP.de description of the datasets; `absolute(path)` builds full URLs.
    Checked with the official DCAT-AP 3.0.1 SHACL shapes (tests/validators/test_dcat.py)."""
    # An IRI, not a blank node: harvesters merge the publisher of all datasets by it. The
    # Impressum names and describes the provider. An organisation is an agent (FOAF); the
    # shapes ask for foaf:Agent and do not infer it.
    publisher = {
        "@id": absolute("/impressum/#anbieter"),
        "@type": ["foaf:Organization", "foaf:Agent"],
        "foaf:name": PUBLISHER,
    }
    german = _typed(EU_VOCABULARY + "language/DEU", "dct:LinguisticSystem")
    licence = _typed(LICENCE_URI, "dct:LicenseDocument")
    nrw = _typed(NRW_GEOCODING, "dct:Location")
    datasets = []
    for dataset in DATASETS.values():
        entry = {
            "@id": absolute(f"/daten/#{dataset.slug}"),
            "@type": "dcat:Dataset",
            "dct:title": dataset.title,
            "dct:description": dataset.description,
            "dct:publisher": publisher,
            "dcatde:maintainer": publisher,
            "dcatde:contributorID": {"@id": CONTRIBUTOR_ID},
            "dcat:contactPoint": {
                # vcard:Organization is a vcard:Kind; the shapes ask for the latter.
                "@type": ["vcard:Organization", "vcard:Kind"],
                "vcard:fn": "Digitalstrategie.NRW",
                "vcard:hasEmail": {"@id": f"mailto:{settings.COMMENTS_XTD_CONTACT_EMAIL}"},
            },
            "dcat:keyword": ["Digitalstrategie", "Nordrhein-Westfalen", "Ziele", "Umsetzung"],
            "dcat:theme": {
                **_typed(EU_VOCABULARY + "data-theme/GOVE", "skos:Concept"),
                # The theme's German label in the EU vocabulary.
                "skos:prefLabel": {
                    "@value": "Regierung und öffentlicher Sektor",
                    "@language": "de",
                },
            },
            "dct:language": german,
            "dct:spatial": nrw,
            "dcatde:politicalGeocodingLevelURI": {
                "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/state"
            },
            "dcatde:politicalGeocodingURI": {"@id": NRW_GEOCODING},
            "dct:accrualPeriodicity": _typed(EU_VOCABULARY + "frequency/IRREG", "dct:Frequency"),
            "dcat:landingPage": _typed(absolute("/daten/"), "foaf:Document"),
            "dcat:distribution": [
                {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": f"{dataset.title} als {name}",
                    "dct:description": description,
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": _typed(IANA_MEDIA_TYPES + media_type, "dct:MediaType"),
                    "dct:format": _typed(
                        EU_VOCABULARY + f"file-type/{name}", "dct:MediaTypeOrExtent"
                    ),
                    "dct:license": licence,
                }
                for name, media_type, url, description in [
                    (
                        "CSV",
                        "text/csv",
                        absolute(f"/daten/{dataset.slug}.csv"),
                        "Tabelle (UTF-8 mit BOM)",
                    ),
                    (
                        "JSON",
                        "application/json",
                        absolute(f"/daten/{dataset.slug}.json"),
                        "JSON-Dokument",
                    ),
                ]
            ],
        }
        modified = _modified(dataset.slug)
        if modified:
            entry["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:date"}
        datasets.append(entry)
    catalogue = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute("/daten/katalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": "Offene Daten der Digitalstrategie.NRW",
        "dct:description": "Datensätze zu den Zielen der Digitalstrategie des Landes Nordrhein-Westfalen.",
        "dct:publisher": publisher,
        "dct:language": german,
        "dct:license": licence,
        "dct:spatial": nrw,
        "dcat:themeTaxonomy": {
            **_typed(EU_VOCABULARY + "data-theme", "skos:ConceptScheme"),
            "dct:title": {"@value": "Data theme", "@language": "en"},
        },
        "foaf:homepage": _typed(absolute("/"), "foaf:Document"),
        "dcat:dataset": datasets,
    }
    # The catalogue changes when one of its datasets does.
    newest = max(
        (d["dct:modified"]["@value"] for d in datasets if "dct:modified" in d), default=None
    )
    if newest:
        catalogue["dct:modified"] = {"@value": newest, "@type": "xsd:date"}
    return catalogue
