"""/daten/: CSV and JSON parsed back and compared, formula cells neutralised, DCAT-AP.de catalogue."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest

from common.spreadsheet import neutralise_cell
from goals.models import Goal, StatusReport

from .conftest import d, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(version, old_version, make_field, make_goal, today):
    alt = make_goal(
        make_field(old_version, "5.3", "Schnelles Internet", "netz"),
        12,
        "Funklöcher schließen",
        "kurzfristig",
        d("2021-12-31"),
        [(d("2020-01-01"), "verzoegert")],
        target_is_year=True,
    )
    neu = make_goal(
        make_field(version, "4", "Gigabit und Mobilfunk – Straße & Schiene", "netz"),
        3,
        "5G für 90 % der Haushalte",
        "mittelfristig",
        d("2024-12-31"),
        [(d("2022-02-01"), "in-umsetzung"), (d("2023-05-04"), "umgesetzt")],
        ministry="Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie",
        target_is_year=True,
        provenance="beispiel",
    )
    neu.continues.add(alt, through_defaults={"provenance": "annahme"})
    alt.ending_reason = "Fortgeführt als 5G-Ziel der Fassung 2.0."
    alt.horizon_provenance = "annahme"
    alt.save()
    indicator = neu.indicators.create(
        name="Haushalte mit 5G", unit="%", target_value=90, target_date=d("2022-12-31")
    )
    indicator.values.create(
        date=d("2021-12-31"), value=Decimal("78.5"), source_title="Breitbandatlas"
    )
    indicator.values.create(
        date=d("2022-12-31"), value=91, source_title="Breitbandatlas", provenance="beispiel"
    )
    neu.indicators.create(name="Masten", unit="Masten", target_value=10300, provenance="annahme")
    return {"alt": alt, "neu": neu}


EXPECTED = [
    {
        "fassung": "2019",
        "fassung_titel": "Digitalstrategie.NRW 2019",
        "handlungsfeld_nummer": "5.3",
        "handlungsfeld": "Schnelles Internet",
        "handlungsfeld_herkunft": "amtlich",
        "nummer": 12,
        "titel": "Funklöcher schließen",
        "herkunft": "amtlich",
        "zeithorizont": "kurzfristig",
        "zieltermin": "2021-12-31",
        "zieltermin_nur_jahr": True,
        "zeithorizont_herkunft": "Annahme der Redaktion",
        "zieltermin_herkunft": "amtlich",
        "zustaendig": "",
        "zustaendig_herkunft": "",
        "status": "verzögert",
        "status_datum": "2020-01-01",
        "ueberfaellig": True,
        "status_herkunft": "amtlich",
        "stand_veraltet": True,
        "fuehrt_fort": [],
        "fuehrt_fort_herkunft": [],
        "grund_ende": "Fortgeführt als 5G-Ziel der Fassung 2.0.",
        "aenderungen": [],
        "url": "http://testserver/strategie/2019/ziele/12/",
    },
    {
        "fassung": "2-0",
        "fassung_titel": "Digitalstrategie.NRW 2.0",
        "handlungsfeld_nummer": "4",
        "handlungsfeld": "Gigabit und Mobilfunk – Straße & Schiene",
        "handlungsfeld_herkunft": "amtlich",
        "nummer": 3,
        "titel": "5G für 90 % der Haushalte",
        "herkunft": "Beispielinhalt",
        "zeithorizont": "mittelfristig",
        "zieltermin": "2024-12-31",
        "zieltermin_nur_jahr": True,
        "zeithorizont_herkunft": "amtlich",
        "zieltermin_herkunft": "amtlich",
        "zustaendig": "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie",
        "zustaendig_herkunft": "amtlich",
        "status": "umgesetzt",
        "status_datum": "2023-05-04",
        "ueberfaellig": False,
        "status_herkunft": "amtlich",
        "stand_veraltet": False,
        "fuehrt_fort": ["2019/12"],
        "fuehrt_fort_herkunft": ["Annahme der Redaktion"],
        "grund_ende": "",
        "aenderungen": [],
        "url": "http://testserver/strategie/2-0/ziele/3/",
    },
]


def test_json_lists_every_goal_with_its_status(client, data):
    response = client.get("/daten/ziele.json")
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content.decode("utf-8"))
    assert document["lizenz"] == {
        "name": "Datenlizenz Deutschland – Zero – Version 2.0",
        "url": "https://www.govdata.de/dl-de/zero-2-0",
    }
    assert document["ziele"] == EXPECTED


def test_csv_has_a_bom_keeps_umlauts_and_matches_the_json(client, data):
    response = client.get("/daten/ziele.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="digitalstrategie-nrw-ziele.csv"' in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark for spreadsheet programs
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    as_text = [
        {
            k: (
                "true"
                if v is True
                else "false"
                if v is False
                else (" " if k == "fuehrt_fort" else "; ").join(v)
                if isinstance(v, list)
                else str(v)
            )
            for k, v in row.items()
        }
        for row in EXPECTED
    ]
    assert rows == as_text
    assert rows[0]["titel"] == "Funklöcher schließen"


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_cells_that_could_run_as_formulas_are_neutralised(
    client, version, make_field, make_goal, dangerous
):
    field = make_field(version, "1", dangerous, "feld")
    make_goal(field, 1, dangerous, ministry=dangerous, categories=dangerous)
    raw = client.get("/daten/ziele.csv").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(raw)))
    assert (row["titel"], row["handlungsfeld"], row["zustaendig"]) == ("'" + dangerous,) * 3
    # JSON is not a spreadsheet: there the text stays exactly as written.
    assert json.loads(client.get("/daten/ziele.json").content)["ziele"][0]["titel"] == dangerous


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("Ziel -1", "Ziel -1"), ("", ""), (-5, -5), (None, None), ("@", "'@")],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_demo_data_lists_all_122_goals(client, demo):
    rows = json.loads(client.get("/daten/ziele.json").content)["ziele"]
    assert [r["fassung"] for r in rows].count("2019") == 44
    assert [r["fassung"] for r in rows].count("2-0") == 78
    overdue = {(g.version.slug, g.number) for g in Goal.objects.overdue().select_related("version")}
    assert {(r["fassung"], r["nummer"]) for r in rows if r["ueberfaellig"]} == overdue


def test_catalog_describes_the_datasets_in_dcat_ap_de(client, data):
    response = client.get("/daten/katalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcatde"] == "http://dcat-ap.de/def/dcatde/"
    goals, reports, indicators, ideas, suggestions = catalog["dcat:dataset"]
    assert ideas["dct:title"] == "Ideen aus der Beteiligung zur Digitalstrategie.NRW"
    assert suggestions["dct:title"] == "Formulierungsvorschläge zum Text der Digitalstrategie.NRW"
    assert goals["dct:title"] == "Ziele der Digitalstrategie.NRW und ihr Stand der Umsetzung"
    assert reports["dct:title"] == "Statusberichte zu den Zielen der Digitalstrategie.NRW"
    assert indicators["dct:title"] == (
        "Indikatoren und Messwerte zu den Zielen der Digitalstrategie.NRW"
    )
    for dataset in (goals, reports, indicators, ideas, suggestions):
        assert dataset["dct:description"]
        assert dataset["dct:publisher"]["foaf:name"].startswith("Ministerium für Wirtschaft")
        assert dataset["dcatde:politicalGeocodingURI"] == {
            "@id": "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"
        }
    assert goals["dct:modified"]["@value"] == "2023-05-04"
    assert reports["dct:modified"]["@value"] == "2023-05-04"
    assert indicators["dct:modified"]["@value"] == "2022-12-31"
    licence = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
    assert [
        (x["dcat:downloadURL"]["@id"], x["dcat:mediaType"], x["dct:license"]["@id"])
        for dataset in (goals, reports, indicators)
        for x in dataset["dcat:distribution"]
    ] == [
        (
            f"http://testserver/daten/{name}.{ext}",
            {
                "@id": f"https://www.iana.org/assignments/media-types/{media}",
                "@type": "dct:MediaType",
            },
            licence,
        )
        for name in ("ziele", "berichte", "indikatoren")
        for ext, media in (("csv", "text/csv"), ("json", "application/json"))
    ]
    # Every distribution the catalogue names is there and parses.
    for dataset in (goals, reports, indicators):
        for x in dataset["dcat:distribution"]:
            path = x["dcat:downloadURL"]["@id"].removeprefix("http://testserver")
            body = client.get(path).content.decode("utf-8-sig")
            assert body.startswith("{") or body.startswith("fassung,")


def test_status_history_lists_every_report_oldest_first(client, data):
    rows = json.loads(client.get("/daten/berichte.json").content)["berichte"]
    assert [(r["fassung"], r["ziel"], r["datum"], r["status"]) for r in rows] == [
        ("2019", 12, "2020-01-01", "verzögert"),
        ("2-0", 3, "2022-02-01", "in Umsetzung"),
        ("2-0", 3, "2023-05-04", "umgesetzt"),
    ]
    report = StatusReport.objects.get(date=d("2023-05-04"))
    assert rows[2]["url"] == f"http://testserver/strategie/2-0/ziele/3/#bericht-{report.pk}"
    assert rows[2]["herkunft"] == "amtlich"
    # As of a day: only what had been reported by then.
    then = json.loads(client.get("/daten/berichte.json?stand=2022-12-31").content)["berichte"]
    assert [r["datum"] for r in then] == ["2020-01-01", "2022-02-01"]
    raw = client.get("/daten/berichte.csv").content.decode("utf-8-sig")
    assert [r["datum"] for r in csv.DictReader(io.StringIO(raw))] == [r["datum"] for r in rows]


def test_indicator_values_as_numbers_with_their_source_and_provenance(client, data):
    rows = json.loads(client.get("/daten/indikatoren.json").content)["indikatoren"]
    assert [
        (r["indikator"], r["zielwert"], r["datum"], r["wert"], r["wert_herkunft"]) for r in rows
    ] == [
        ("Haushalte mit 5G", 90, "2021-12-31", 78.5, "amtlich"),
        ("Haushalte mit 5G", 90, "2022-12-31", 91, "Beispielinhalt"),
        # An indicator without values is listed once, without a value.
        ("Masten", 10300, None, None, ""),
    ]
    assert rows[2]["indikator_herkunft"] == "Annahme der Redaktion"
    raw = client.get("/daten/indikatoren.csv?stand=2022-01-01").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(raw)))
    assert [(r["indikator"], r["wert"], r["zieldatum"]) for r in table] == [
        ("Haushalte mit 5G", "78.5", "2022-12-31"),
        ("Masten", "", ""),
    ]


def test_unknown_dataset_is_404(client, data):
    for url in ("/daten/geheim.csv", "/daten/geheim.json"):
        response = client.get(url)
        assert response.status_code == 404
        assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


def test_data_page_explains_data_licence_and_columns(client, data):
    response = client.get("/daten/")
    text = text_of(response)
    html = response.content.decode()
    assert (
        '<a href="https://www.govdata.de/dl-de/zero-2-0">Datenlizenz Deutschland – Zero – Version 2.0</a>'
        in html
    )
    for link in (
        "/daten/ziele.csv",
        "/daten/ziele.json",
        "/daten/berichte.csv",
        "/daten/indikatoren.json",
        "/daten/katalog.jsonld",
    ):
        assert f'href="{link}"' in html
    assert (
        "ueberfaellig true, wenn der Zieltermin verstrichen und das Ziel weder umgesetzt noch entfallen ist"
        in text
    )
    assert "Neuester Bericht: 4. Mai 2023." in text


@pytest.mark.parametrize("count", [10, 100])
@pytest.mark.parametrize("url", ["/daten/ziele.csv", "/daten/ziele.json"])
def test_downloads_take_the_same_queries_for_10_and_100_goals(
    client, version, old_version, make_field, make_goal, django_assert_num_queries, count, url
):
    old = make_field(old_version, "5.1", "Digitale Verwaltung", "verwaltung")
    new = make_field(version, "1", "Digitale Verwaltung", "verwaltung")
    for number in range(1, count + 1):
        goal = make_goal(new, number, reports=[(d("2023-01-01"), "verzoegert")])
        goal.continues.add(make_goal(old, number))
    # The goals with their version, field and status, every goal's predecessors at once,
    # and every goal's revisions at once (its changes after publication).
    with django_assert_num_queries(3):
        response = client.get(url)
    body = response.content.decode("utf-8-sig")
    assert body.count("/strategie/2-0/ziele/") == count
    # Each new goal names the goal it continues.
    assert len(re.findall(r"(?<!strategie/)2019/\d+", body)) == count
