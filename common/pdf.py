"""Checking an uploaded PDF by its content, and reading its size and page count.

Used for editors' downloads and for the PDFs organisations attach to statements.
A file is trusted by nothing it says about itself (name, extension,
content type sent by the browser): it must start like a PDF, parse completely
with pypdf, have pages, and open without a password, because every visitor
must be able to read it.
"""

from dataclasses import dataclass

from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# A PDF header may be preceded by junk, but must start within the first kilobyte.
HEADER_WINDOW = 1024
MB = 1024 * 1024


class PdfRejected(Exception):
    """The file is not accepted; `message` is German and meant for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PdfInfo:
    size: int  # bytes
    pages: int


def format_megabytes(size: int) -> str:
    """German size text: 2.4 MB is "2,4 MB", below 1 MB "850 KB"."""
    kilobytes = max(1, round(size / 1024))
    if kilobytes < 1024:  # just under 1 MB rounds to "1,0 MB", not "1024 KB"
        return f"{kilobytes} KB"
    # The site speaks only German, so the decimal comma is fixed, not looked up.
    return f"{size / MB:.1f} MB".replace(".", ",")


def inspect_pdf(file, limit_mb: int | None = None) -> PdfInfo:
    """Return size and page count of `file`, or raise PdfRejected saying why not.

    `file` is any Django File (an upload or a stored file); it is read from
    the start and rewound afterwards so that it can still be saved. `limit_mb`
    defaults to the editors' limit (DOWNLOADS_MAX_UPLOAD_MB).
    """
    size = file.size
    limit_mb = limit_mb or settings.DOWNLOADS_MAX_UPLOAD_MB
    if size > limit_mb * MB:
        raise PdfRejected(
            f"Die Datei ist {format_megabytes(size)} groß. Erlaubt sind höchstens "
            f"{limit_mb} MB. Bitte verkleinern Sie das PDF "
            "(z. B. Bilder mit geringerer Auflösung speichern)."
        )
    file.seek(0)
    if b"%PDF-" not in file.read(HEADER_WINDOW):
        file.seek(0)
        raise PdfRejected(
            "Die Datei ist kein PDF-Dokument, auch wenn ihr Name auf .pdf endet. "
            "Bitte laden Sie eine PDF-Datei hoch."
        )
    file.seek(0)
    try:
        reader = _read(file)
        if reader.is_encrypted:
            raise PdfRejected(
                "Das PDF ist verschlüsselt oder mit einem Kennwort geschützt. Besucherinnen "
                "und Besucher könnten es nicht öffnen. Bitte laden Sie eine Fassung ohne "
                "Verschlüsselung hoch."
            )
        pages = len(reader.pages)
    except PdfRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        # pypdf signals damage with its own errors but also with plain ones
        # from deep inside the parser; all mean "cannot be read reliably".
        raise PdfRejected(
            "Das PDF ist beschädigt oder unvollständig (zum Beispiel abgebrochen beim "
            "Hochladen oder Speichern) und lässt sich nicht lesen. Bitte speichern Sie es "
            "neu und laden Sie es noch einmal hoch."
        ) from None
    finally:
        file.seek(0)
    if pages == 0:
        raise PdfRejected("Das PDF enthält keine Seiten.")
    return PdfInfo(size=size, pages=pages)


def _read(file) -> PdfReader:
    reader = PdfReader(file)
    if not reader.is_encrypted:
        # Resolve every page object now, so damage surfaces here and not later.
        for page in reader.pages:
            page.mediabox  # noqa: B018
    return reader
