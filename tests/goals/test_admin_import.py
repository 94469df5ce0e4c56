"""Editors import goals and status reports from a spreadsheet; a bad row saves nothing of the file."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from goals.models import Goal, StatusReport, StrategyVersion
from goals.resources import GoalResource

from .conftest import d

pytestmark = pytest.mark.django_db

GOALS_HEADER = "fassung,handlungsfeld,nummer,titel,beschreibung,zeithorizont,zieltermin,nur_jahr,zustaendig,kategorien,fuehrt_fort\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def setup(version, old_version, make_field, make_goal, client, editor):
    make_field(version, "1", "Digitale Verwaltung", "verwaltung")
    old = make_field(old_version, "5.1", "Digitale Verwaltung", "verwaltung")
    make_goal(old, 12, "E-Government-Gesetz ändern")
    client.force_login(editor)
    return client


def upload(client, url, name, content):
    return client.post(
        url, {"resource": "0", "format": "0", "import_file": SimpleUploadedFile(name, content)}
    )


def confirm(client, url, preview):
    html = preview.content.decode()
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    return client.post(url.replace("/import/", "/process_import/"), fields)


def test_good_goal_file_is_previewed_then_saved_on_confirmation(setup):
    client = setup
    csv = GOALS_HEADER + (
        '2-0,1,1,Digitales Bürgeramt,<p>Online zum Amt</p><script>x</script>,kurzfristig,31.12.2022,ja,MWIDE,"Verwaltung, Kommunen",2019/12\n'
        "2-0,1,2,Once-Only-Register,,mittelfristig (bis 5 Jahre),2026-06-30,nein,,,\n"
    )
    preview = upload(client, "/admin/goals/goal/import/", "ziele.csv", csv.encode("utf-8-sig"))
    assert "Digitales Bürgeramt" in preview.content.decode()
    assert Goal.objects.filter(version__slug="2-0").count() == 0  # the preview saves nothing
    confirm(client, "/admin/goals/goal/import/", preview)
    goal = Goal.objects.get(version__slug="2-0", number=1)
    assert (goal.title, goal.horizon, goal.target_date, goal.target_is_year, goal.categories) == (
        "Digitales Bürgeramt",
        "kurzfristig",
        datetime.date(2022, 12, 31),
        True,
        "Verwaltung, Kommunen",
    )
    assert goal.description == "<p>Online zum Amt</p>"
    assert [str(g) for g in goal.continues.all()] == ["2019 · Ziel 12: E-Government-Gesetz ändern"]
    other = Goal.objects.get(version__slug="2-0", number=2)
    assert (other.horizon, other.target_date) == ("mittelfristig", datetime.date(2026, 6, 30))


def test_bad_goal_file_shows_every_rows_error_and_saves_nothing(setup):
    client = setup
    csv = GOALS_HEADER + (
        "2-0,1,1,Gutes Ziel,,kurzfristig,2022-12-31,ja,,,\n"
        "2-0,9,2,Falsches Feld,,kurzfristig,2022-12-31,ja,,,\n"
        "2-0,1,3,Falscher Horizont,,bald,2022-12-31,ja,,,\n"
        "2-0,1,4,Kaputtes Datum,,kurzfristig,32.13.2022,nein,,,\n"
        "2-0,1,5,Unbekannter Vorgänger,,kurzfristig,,nein,,,2019/99\n"
        "2-0,1,6,,,kurzfristig,,nein,,,\n"
    )
    response = upload(client, "/admin/goals/goal/import/", "ziele.csv", csv.encode())
    html = response.content.decode()
    assert "Ein Handlungsfeld „9“ gibt es in der Fassung „2-0“ nicht." in html
    assert (
        "Unbekannter Zeithorizont „bald“. Erlaubt sind: kurzfristig, mittelfristig, langfristig."
        in html
    )
    assert "„32.13.2022“ ist kein Datum. Bitte schreiben Sie TT.MM.JJJJ oder JJJJ-MM-TT." in html
    assert (
        "„2019/99“ ist kein bekanntes Ziel. Bitte schreiben Sie Fassung/Nummer, z. B. 2019/12."
        in html
    )
    assert "Dieses Feld darf nicht leer sein." in html  # the missing title of row 6
    # No way to confirm, and the good first row was not saved either.
    assert 'action="/admin/goals/goal/process_import/"' not in html
    assert Goal.objects.filter(version__slug="2-0").count() == 0


def test_duplicate_number_in_the_file_saves_nothing(setup):
    client = setup
    csv = (
        GOALS_HEADER
        + "2-0,1,1,Erstes,,kurzfristig,,nein,,,\n2-0,1,1,Zweites,,kurzfristig,,nein,,,\n"
    )
    preview = upload(client, "/admin/goals/goal/import/", "ziele.csv", csv.encode())
    # The second row updates the first: the preview says so; nothing is saved before confirmation.
    assert Goal.objects.filter(version__slug="2-0").count() == 0
    confirm(client, "/admin/goals/goal/import/", preview)
    assert list(Goal.objects.filter(version__slug="2-0").values_list("title", flat=True)) == [
        "Zweites"
    ]


def test_file_that_went_bad_between_preview_and_confirmation_saves_nothing(setup):
    client = setup
    csv = GOALS_HEADER + (
        "2-0,1,1,Digitales Bürgeramt,,kurzfristig,,nein,,,\n"
        "2-0,1,2,Gesetz fortschreiben,,kurzfristig,,nein,,,2019/12\n"
    )
    preview = upload(client, "/admin/goals/goal/import/", "ziele.csv", csv.encode())
    assert 'action="/admin/goals/goal/process_import/"' in preview.content.decode()
    # Another editor deletes the predecessor goal before this one confirms.
    Goal.objects.get(version__slug="2019", number=12).delete()
    response = confirm(client, "/admin/goals/goal/import/", preview)
    # The good first row is not saved on its own either, and the editor is told why.
    assert Goal.objects.filter(version__slug="2-0").count() == 0
    page = client.get(response["Location"]).content.decode()
    assert (
        "Import abgebrochen, nichts wurde gespeichert: Die Datei passt nicht mehr zu den "
        "gespeicherten Daten. Bitte laden Sie sie erneut hoch, die Vorschau zeigt dann die Fehler."
        in page
    )


def test_status_reports_import_from_xlsx_and_change_the_current_status(setup):
    client = setup
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["fassung", "ziel", "datum", "status", "bericht", "quelle", "quelle_url"])
    sheet.append(
        [
            "2019",
            12,
            datetime.datetime(2020, 7, 17),
            "umgesetzt",
            "Gesetz geändert.",
            "Fortschrittsbericht 2020",
            "",
        ]
    )
    data = io.BytesIO()
    book.save(data)
    preview = client.post(
        "/admin/goals/statusreport/import/",
        {
            "resource": "0",
            "format": "1",
            "import_file": SimpleUploadedFile("stand.xlsx", data.getvalue()),
        },
    )
    assert StatusReport.objects.count() == 0
    confirm(client, "/admin/goals/statusreport/import/", preview)
    goal = Goal.objects.with_current_status().get(number=12)
    assert (goal.current_status.label, goal.current_status_date) == ("umgesetzt", d("2020-07-17"))
    assert goal.reports.get().source_title == "Fortschrittsbericht 2020"


def test_bad_status_report_file_saves_nothing(setup):
    client = setup
    csv = (
        "fassung,ziel,datum,status,bericht\n"
        "2019,12,2020-07-17,umgesetzt,Gut\n"
        "2019,77,2020-07-18,umgesetzt,Ziel fehlt\n"
        "2019,12,,fertig,Kein Datum und falscher Stand\n"
    )
    html = upload(
        client, "/admin/goals/statusreport/import/", "stand.csv", csv.encode()
    ).content.decode()
    assert "Ein Ziel „77“ gibt es in der Fassung „2019“ nicht." in html
    assert "Das Datum fehlt." in html
    assert "Unbekannter Stand „fertig“." in html
    assert StatusReport.objects.count() == 0


def test_export_writes_german_columns_and_words(setup):
    client = setup
    goal = Goal.objects.get(number=12)
    StatusReport.objects.create(goal=goal, date=d("2021-03-01"), status="verzoegert", text="Später")
    response = client.post(
        "/admin/goals/statusreport/export/",
        {
            "format": "0",
            "resource": "0",
            "statusreportresource_fassung": "on",
            "statusreportresource_ziel": "on",
            "statusreportresource_datum": "on",
            "statusreportresource_status": "on",
            "statusreportresource_bericht": "on",
            "statusreportresource_quelle": "on",
            "statusreportresource_quelle_url": "on",
        },
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "fassung,ziel,datum,status,bericht,quelle,quelle_url",
        "2019,12,2021-03-01,verzögert,Später,,",
    ]


def test_goal_admin_filters_by_status_and_overdue(setup, make_goal, today):
    client = setup
    goal = Goal.objects.get(number=12)
    goal.target_date = d("2020-12-31")
    goal.save()
    StatusReport.objects.create(goal=goal, date=d("2020-01-01"), status="verzoegert", text="x")
    html = client.get(
        "/admin/goals/goal/", {"stand": "verzoegert", "ueberfaellig": "1"}
    ).content.decode()
    assert "E-Government-Gesetz ändern" in html
    html = client.get("/admin/goals/goal/", {"stand": "umgesetzt"}).content.decode()
    assert "E-Government-Gesetz ändern" not in html


def test_goal_admin_field_filter_names_the_version(setup):
    # Both versions have a field "Digitale Verwaltung"; the filter must tell them apart.
    html = setup.get("/admin/goals/goal/").content.decode()
    versions = {v.slug: v.title for v in StrategyVersion.objects.all()}
    assert f"{versions['2-0']}: 1 Digitale Verwaltung" in html
    assert f"{versions['2019']}: 5.1 Digitale Verwaltung" in html


def test_export_neutralises_formula_cells(setup):
    client = setup
    goal = Goal.objects.get(number=12)
    StatusReport.objects.create(goal=goal, date=d("2021-03-01"), status="verzoegert", text="=1+2")
    response = client.post(
        "/admin/goals/statusreport/export/",
        {
            "format": "0",
            "resource": "0",
            "statusreportresource_ziel": "on",
            "statusreportresource_bericht": "on",
        },
    )
    assert response.content.decode("utf-8-sig").splitlines() == ["ziel,bericht", "12,'=1+2"]


def test_exported_formula_text_imports_back_without_the_apostrophe(setup):
    client = setup
    goal = Goal.objects.get(number=12)
    StatusReport.objects.create(goal=goal, date=d("2021-03-01"), status="verzoegert", text="=1+2")
    columns = ["fassung", "ziel", "datum", "status", "bericht", "quelle", "quelle_url"]
    exported = client.post(
        "/admin/goals/statusreport/export/",
        {"format": "0", "resource": "0", **{f"statusreportresource_{c}": "on" for c in columns}},
    ).content
    assert b"'=1+2" in exported
    StatusReport.objects.all().delete()
    preview = upload(client, "/admin/goals/statusreport/import/", "berichte.csv", exported)
    confirm(client, "/admin/goals/statusreport/import/", preview)
    assert StatusReport.objects.get().text == "=1+2"


@pytest.mark.parametrize("count", [3, 30])
def test_goal_export_lists_lineage_in_queries_independent_of_goal_count(
    version, old_version, make_field, make_goal, django_assert_num_queries, count
):
    old = make_field(old_version, "5.1", "Digitale Verwaltung", "verwaltung")
    new = make_field(version, "1", "Digitale Verwaltung", "verwaltung")
    for number in range(1, count + 1):
        goal = make_goal(new, number, f"Ziel {number}")
        goal.continues.add(make_goal(old, number, f"Altes Ziel {number}"))
    # The library's count, the goals with version and field, every goal's predecessors
    # at once, and the links' provenance at once.
    with django_assert_num_queries(4):
        lines = GoalResource().export().csv.splitlines()
    assert len(lines) == 1 + 2 * count
    assert lines[count + 1] == (
        "2-0,1,1,Ziel 1,,kurzfristig,,nein,amtlich,amtlich,,amtlich,,2019/1,amtlich,,amtlich"
    )


def test_goal_xlsx_export_survives_a_control_character_before_a_formula(setup):
    """A title pasted with a control character in front of "=" neither breaks the XLSX
    (openpyxl refuses control characters) nor smuggles the formula past the neutraliser."""
    import io

    from openpyxl import load_workbook

    client = setup
    goal = Goal.objects.get(number=12)
    Goal.objects.filter(pk=goal.pk).update(title='\x01=HYPERLINK("http://example.org")')
    response = client.post(
        "/admin/goals/goal/export/",
        {"format": "1", "resource": "0", "goalresource_nummer": "on", "goalresource_titel": "on"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["12"] == '\'=HYPERLINK("http://example.org")'


def test_provenance_column_marks_example_goals_and_a_file_without_it_keeps_the_mark(setup):
    client = setup
    url = "/admin/goals/goal/import/"
    with_column = (
        GOALS_HEADER.rstrip("\n")
        + ",herkunft\n"
        + (
            "2-0,1,1,Ausgedachtes Ziel,,kurzfristig,,nein,,,,Beispielinhalt\n"
            "2-0,1,2,Amtliches Ziel,,kurzfristig,,nein,,,,amtlich\n"
        )
    )
    confirm(client, url, upload(client, url, "ziele.csv", with_column.encode()))
    marks = dict(Goal.objects.filter(version__slug="2-0").values_list("number", "provenance"))
    assert marks == {1: "beispiel", 2: "amtlich"}
    # An older file without the column changes the title but not the mark.
    without = GOALS_HEADER + "2-0,1,1,Ausgedachtes Ziel (neu),,kurzfristig,,nein,,,\n"
    confirm(client, url, upload(client, url, "ziele.csv", without.encode()))
    goal = Goal.objects.get(version__slug="2-0", number=1)
    assert (goal.title, goal.provenance) == ("Ausgedachtes Ziel (neu)", "beispiel")


def test_unknown_provenance_is_refused_in_german_and_nothing_is_saved(setup):
    client = setup
    url = "/admin/goals/goal/import/"
    bad = GOALS_HEADER.rstrip("\n") + ",herkunft\n2-0,1,1,Ziel,,kurzfristig,,nein,,,,erfunden\n"
    html = upload(client, url, "ziele.csv", bad.encode()).content.decode()
    assert "Unbekannter Herkunft „erfunden“" in html or "Herkunft „erfunden“" in html
    assert "amtlich, Annahme der Redaktion, Beispielinhalt" in html
    assert not Goal.objects.filter(version__slug="2-0").exists()


def test_the_previewed_file_is_private_and_deleted_after_the_import(setup, settings, tmp_path):
    client = setup
    url = "/admin/goals/goal/import/"
    csv = GOALS_HEADER + "2-0,1,1,Geheimes Vorhaben,,kurzfristig,,nein,,,\n"
    preview = upload(client, url, "ziele.csv", csv.encode())
    waiting = list((tmp_path / "import-previews").rglob("*"))
    waiting_files = [p for p in waiting if p.is_file()]
    assert len(waiting_files) == 1 and b"Geheimes Vorhaben" in waiting_files[0].read_bytes()
    # Nothing of it lies in the public media folder, which /media/ would serve.
    media = tmp_path / "media"
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]
    confirm(client, url, preview)
    assert Goal.objects.filter(title="Geheimes Vorhaben").exists()
    assert not waiting_files[0].exists()


def test_an_abandoned_preview_is_deleted_a_day_later(setup, tmp_path):
    import os
    import time

    client = setup
    url = "/admin/goals/goal/import/"
    csv = GOALS_HEADER + "2-0,1,1,Nie bestätigt,,kurzfristig,,nein,,,\n"
    upload(client, url, "ziele.csv", csv.encode())
    (abandoned,) = [p for p in (tmp_path / "import-previews").rglob("*") if p.is_file()]
    day_old = time.time() - 25 * 3600
    os.utime(abandoned, (day_old, day_old))
    upload(client, url, "andere.csv", csv.encode())  # the next preview cleans up
    assert not abandoned.exists()
    assert len([p for p in (tmp_path / "import-previews").rglob("*") if p.is_file()]) == 1
