"""Keeping spreadsheet programs from running visitors' or editors' text as formulas.

One neutraliser for every CSV and XLSX the site writes (open data, comment
export, admin spreadsheet export), so the rule cannot drift apart again.
"""

import csv
import re

# = + - @ start a formula; tab and carriage return are skipped by some programs
# before they look at the first character.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What XLSX (XML 1.0) cannot hold: C0 control characters except tab, newline, CR.
ILLEGAL_XLSX_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise_cell(value):
    """A text cell starting like a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_cell(value):
    """A value safe for an XLSX cell: control characters removed, then neutralised.

    Removing a control character may uncover a formula start ("\\x01=SUM(...)"),
    so the order matters.
    """
    if isinstance(value, str):
        value = ILLEGAL_XLSX_CHARACTERS.sub("", value)
    return neutralise_cell(value)


def restore_cell(value):
    """Undo neutralise_cell() for a cell read back from one of our own exports."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


# One CSV dialect for every CSV the site writes (open data, phase results, the staff's
# comment export): RFC 4180 (comma, CRLF, double quotes where needed) in UTF-8 with a
# byte order mark, so spreadsheet programs read the umlauts. German Excel splits
# semicolons on a double click, but mixing two dialects confused every other tool; staff
# who want Excel take the XLSX export. Documented on /daten/ and in README.md.
BYTE_ORDER_MARK = "\ufeff"


def csv_writer(out):
    return csv.writer(out, lineterminator="\r\n")
