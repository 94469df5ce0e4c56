"""Bounds for files editors import, checked before any reader builds anything from them.

An XLSX or DOCX is a zip of XML: 1.5 KB can declare a sheet of 16,384 columns by a
million rows (`<dimension ref="A1:XFD1048576"/>`), and openpyxl pads every row it
hands out to the declared width, so django-import-export would copy billions of
empty cells (issue 27, item 7). Each check here reads at most the bytes the limits
allow, with a streaming XML parser that keeps one element at a time, and raises
ImportRefused with a German sentence for the form before openpyxl, tablib or the
Word reader see the file.

Python's zipfile never hands out more than a member's declared size, so summing the
declared sizes bounds what any reader can unpack.
"""

import csv
import io
import re
import zipfile
from xml.parsers import expat

from django.core.exceptions import ValidationError

MAX_FILE_BYTES = 5 * 1024 * 1024
# Everything a reader may unpack from one zip (XML, shared strings, styles).
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
# Spreadsheets: far above the 122 goals and a few hundred status reports a file holds.
MAX_ROWS = 5_000
MAX_COLUMNS = 50
# Word files: images stay packed (the importer never opens them), so they count
# against the file size only; the text parts count against MAX_UNCOMPRESSED_BYTES.
MAX_DOCX_FILE_BYTES = 20 * 1024 * 1024


class ImportRefused(ValidationError):
    pass


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_size(uploaded, limit: int = MAX_FILE_BYTES) -> None:
    if uploaded.size > limit:
        raise ImportRefused(
            f"Die Datei ist zu groß ({_megabytes(uploaded.size)}); höchstens "
            f"{_megabytes(limit)} sind erlaubt. Bitte teilen Sie sie auf."
        )


def _thousands(n: int) -> str:
    return f"{n:_}".replace("_", ".")


def _read(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def _refuse_table(rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise ImportRefused(
            f"Die Tabelle hat mehr als {_thousands(MAX_ROWS)} Zeilen (oder gibt das an); "
            "bitte teilen Sie sie auf."
        )
    if columns > MAX_COLUMNS:
        raise ImportRefused(
            f"Die Tabelle hat mehr als {MAX_COLUMNS} Spalten (oder gibt das an); erwartet "
            "werden nur die Spalten der Vorlage. Bitte löschen Sie die übrigen Spalten."
        )


def check_csv(uploaded) -> None:
    """Size, then rows and columns, counted by the csv module the import uses too."""
    check_size(uploaded)
    text = _read(uploaded).decode("utf-8-sig", errors="replace")
    rows = 0
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            rows += 1
            _refuse_table(rows, len(row))
    except csv.Error as error:
        raise ImportRefused(f"Die CSV-Datei ist nicht lesbar ({error}).") from error


def open_zip(uploaded, *, counted=lambda name: True) -> zipfile.ZipFile:
    """The uploaded file as a zip whose members are few and whose counted parts unpack
    to at most MAX_UNCOMPRESSED_BYTES."""
    uploaded.seek(0)
    try:
        archive = zipfile.ZipFile(uploaded)
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportRefused(
            "Die Datei ist kein gültiges Office-Dokument (kein lesbares ZIP-Archiv)."
        ) from error
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportRefused(
            f"Die Datei enthält {len(members)} Teile; höchstens {MAX_ZIP_MEMBERS} sind erlaubt."
        )
    unpacked = sum(m.file_size for m in members if counted(m.filename))
    if unpacked > MAX_UNCOMPRESSED_BYTES:
        raise ImportRefused(
            f"Die Datei wäre entpackt {_megabytes(unpacked)} groß; höchstens "
            f"{_megabytes(MAX_UNCOMPRESSED_BYTES)} sind erlaubt."
        )
    return archive


_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _cell(reference: str) -> tuple[int, int]:
    """(row, column) of "XFD6000"; anything unreadable counts as out of bounds."""
    match = _CELL.match(reference.strip())
    if not match:
        return MAX_ROWS + 1, MAX_COLUMNS + 1
    return int(match.group(2)), _column_number(match.group(1))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _NotASheet(Exception):
    pass


def check_sheet(stream) -> None:
    """The declared dimension, every row number and every cell's column, streamed.

    Any part whose root is a worksheet counts, wherever the workbook keeps it. The
    parser is expat itself: it builds no tree, and a document type declaration (the
    way to entity bombs and external entities) is refused, since Office never writes one.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    state = {"rows": 0, "columns": 0, "first": True}

    def start(name, attributes):
        tag = _local(name)
        if state["first"]:
            state["first"] = False
            if tag != "worksheet":
                raise _NotASheet  # shared strings, styles: bounded by their unpacked size
        if tag == "dimension":
            _refuse_table(*_cell(attributes.get("ref", "").split(":")[-1]))
        elif tag == "row":
            number = attributes.get("r", "")
            state["rows"] = int(number) if number.isdigit() else state["rows"] + 1
            state["columns"] = 0
            _refuse_table(state["rows"], 0)
        elif tag == "c":
            reference = attributes.get("r")
            state["columns"] = _cell(reference)[1] if reference else state["columns"] + 1
            _refuse_table(state["rows"], state["columns"])

    def doctype(*args):
        raise ImportRefused("Die Datei enthält eine Dokumenttyp-Deklaration; das tut Office nie.")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        while chunk := stream.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _NotASheet:
        return
    except expat.ExpatError as error:
        raise ImportRefused("Ein Teil der Datei ist kein lesbares XML.") from error


def check_xlsx(uploaded) -> None:
    check_size(uploaded)
    archive = open_zip(uploaded)
    try:
        for name in archive.namelist():
            if name.endswith(".xml"):
                with archive.open(name) as stream:
                    check_sheet(stream)
    finally:
        uploaded.seek(0)


def check_docx(uploaded) -> zipfile.ZipFile:
    """Size and unpacked text parts of a Word file; its media are never unpacked."""
    check_size(uploaded, MAX_DOCX_FILE_BYTES)
    archive = open_zip(uploaded, counted=lambda name: not name.startswith("word/media/"))
    if "word/document.xml" not in archive.namelist():
        raise ImportRefused("Die Datei ist kein Word-Dokument (.docx).")
    uploaded.seek(0)
    return archive
