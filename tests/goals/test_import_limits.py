"""Imports are bounded (issue 27, item 7): a small file that declares or holds a huge
sheet is refused with a German message before openpyxl or django-import-export build
anything from it. Every file is made here, in the test."""

import io
import re
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from common import upload_limits
from goals.models import StatusReport

from .test_admin_import import setup  # noqa: F401 - the editor with two versions

pytestmark = pytest.mark.django_db

URL = "/admin/goals/statusreport/import/"
HEADER = ["fassung", "ziel", "datum", "status", "bericht", "quelle", "quelle_url"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def workbook(rows=(("2019", 12, "2020-07-17", "umgesetzt", "Gut", "", ""),)) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewritten(xlsx: bytes, change, extra: dict | None = None) -> bytes:
    """The same workbook with its first sheet's XML changed (and members added)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            target.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def declaring(ref: str) -> bytes:
    return rewritten(
        workbook(), lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', xml)
    )


def upload(client, name, content, format_index):
    return client.post(
        URL,
        {
            "resource": "0",
            "format": str(format_index),
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def stored_previews() -> list:
    storage = storages["import_export"]
    if not storage.exists("django-import-export"):
        return []
    return storage.listdir("django-import-export")[1]


def refused(client, name, content, format_index=1) -> str:
    tracemalloc.start()
    try:
        response = upload(client, name, content, format_index)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    page = response.content.decode()
    assert StatusReport.objects.count() == 0
    assert stored_previews() == []  # not even kept for a preview
    assert 'action="/admin/goals/statusreport/process_import/"' not in page
    # The request built nothing big: a few MB for Django, the admin page and the check.
    assert peak < 16 * 1024 * 1024, peak
    return page


@pytest.mark.parametrize("ref", ["A1:XFD6000", "A1:XFD1048576"])
def test_small_xlsx_declaring_a_huge_sheet_is_refused_in_german(setup, ref):  # noqa: F811
    content = declaring(ref)
    assert len(content) < 8000  # the attack is a small file
    page = refused(setup, "stand.xlsx", content)
    assert (
        "Die Tabelle hat mehr als 5.000 Zeilen (oder gibt das an); bitte teilen Sie sie auf."
        in page
    )


def test_xlsx_declaring_too_many_columns_is_refused(setup):  # noqa: F811
    page = refused(setup, "stand.xlsx", declaring("A1:XFD2"))
    assert "Die Tabelle hat mehr als 50 Spalten (oder gibt das an)" in page


def test_xlsx_with_a_far_cell_but_no_dimension_is_refused(setup):  # noqa: F811
    # openpyxl fills the gap up to a cell's column (and up to a row's number) itself.
    def far_cell(xml):
        xml = re.sub(r"<dimension[^>]*/>", "", xml)
        return xml.replace(
            "</sheetData>", '<row r="3"><c r="XFD3" t="n"><v>1</v></c></row></sheetData>'
        )

    page = refused(setup, "stand.xlsx", rewritten(workbook(), far_cell))
    assert "Die Tabelle hat mehr als 50 Spalten" in page

    def far_row(xml):
        xml = re.sub(r"<dimension[^>]*/>", "", xml)
        return xml.replace(
            "</sheetData>", '<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row></sheetData>'
        )

    page = refused(setup, "stand.xlsx", rewritten(workbook(), far_row))
    assert "Die Tabelle hat mehr als 5.000 Zeilen" in page


def test_xlsx_that_unpacks_to_too_much_is_refused(setup):  # noqa: F811
    # 30 MB of one repeated byte packs to about 30 KB.
    bomb = rewritten(workbook(), lambda xml: xml, {"xl/padding.bin": b"0" * (30 * 1024 * 1024)})
    assert len(bomb) < 100_000
    page = refused(setup, "stand.xlsx", bomb)
    assert "Die Datei wäre entpackt 30 MB groß; höchstens 20 MB sind erlaubt." in page


def test_file_that_is_not_a_zip_chosen_as_xlsx_is_refused(setup):  # noqa: F811
    page = refused(setup, "stand.xlsx", b"fassung,ziel\n2019,12\n")
    assert "Die Datei ist kein gültiges Office-Dokument (kein lesbares ZIP-Archiv)." in page


def test_csv_over_the_row_column_and_size_limits_is_refused(setup):  # noqa: F811
    rows = ",".join(HEADER) + "\n" + "2019,12,2020-07-17,umgesetzt,Gut,,\n" * 5001
    page = refused(setup, "stand.csv", rows.encode(), format_index=0)
    assert "Die Tabelle hat mehr als 5.000 Zeilen" in page

    wide = ",".join(HEADER) + "," * 60 + "\n"
    page = refused(setup, "stand.csv", wide.encode(), format_index=0)
    assert "Die Tabelle hat mehr als 50 Spalten" in page

    big = b"fassung,ziel\n" + b"x" * (6 * 1024 * 1024)
    page = refused(setup, "stand.csv", big, format_index=0)
    assert (
        "Die Datei ist zu groß (6 MB); höchstens 5 MB sind erlaubt. Bitte teilen Sie sie auf."
        in page
    )


def test_a_file_within_the_limits_still_reaches_the_preview(setup):  # noqa: F811
    response = upload(setup, "stand.xlsx", workbook(), 1)
    page = response.content.decode()
    assert 'action="/admin/goals/statusreport/process_import/"' in page
    assert "Gut" in page


def test_limits_hold_for_a_sheet_at_exactly_the_bound():
    rows = [("2019", 12, "2020-07-17", "umgesetzt", f"Bericht {n}", "", "") for n in range(4999)]
    upload_limits.check_xlsx(SimpleUploadedFile("stand.xlsx", workbook(rows)))  # no error


def test_xlsx_with_a_document_type_declaration_is_refused(setup):  # noqa: F811
    # The way to entity bombs ("billion laughs") and external entities; Office never writes one.
    def laughs(xml):
        declaration = '<!DOCTYPE worksheet [<!ENTITY a "hahahahaha">]>'
        return declaration + xml

    page = refused(setup, "stand.xlsx", rewritten(workbook(), laughs))
    assert "Die Datei enthält eine Dokumenttyp-Deklaration; das tut Office nie." in page
