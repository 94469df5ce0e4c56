"""`manage.py bench_text_import`: how long the text import takes for a generated Word file.

Generates a strategy text of --pages pages (demo/word.py: headings, paragraphs, lists,
goal references), then times each step the admin runs: the zip bounds check, reading,
the preview and storing it, twice (the second run is a corrected file updating in
place). Also times refusing the 1.5 KB XLSX that declares A1:XFD1048576. Everything
happens in a transaction that is rolled back, so any database can be used.
"""

import io
import time
import tracemalloc

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from common import upload_limits
from demo.word import strategy_document
from goals.models import StrategyVersion
from goals.text import document, importing


class RolledBack(Exception):
    pass


class Command(BaseCommand):
    help = "Misst den Textimport mit einer erzeugten Word-Datei (nichts wird gespeichert)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=100)

    def step(self, label, function, memory=False):
        # Time without tracemalloc (it slows Python down several times); the memory
        # peak, where asked, from a second run of the same step.
        # CPU seconds beside the wall clock: on a shared, loaded machine the first is
        # the figure that says what the import itself costs.
        start, cpu = time.perf_counter(), time.process_time()
        result = function()
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        line = f"{label:<36} {wall:7.2f} s ({cpu:5.2f} s CPU)"
        if memory:
            tracemalloc.start()
            function()
            line += f"  {tracemalloc.get_traced_memory()[1] / 2**20:6.1f} MB Spitze"
            tracemalloc.stop()
        self.stdout.write(line)
        return result

    def handle(self, *args, pages, **options):
        data = strategy_document(pages)
        self.stdout.write(f"Word-Datei: {pages} Seiten, {len(data) / 1024:.0f} KB")
        upload = SimpleUploadedFile("strategie.docx", data)
        self.step("Grenzen prüfen (ZIP)", lambda: upload_limits.check_docx(upload), True)
        draft = self.step("Lesen (python-docx)", lambda: document.read_docx(io.BytesIO(data)), True)
        words = sum(len(b.text.split()) for c in draft.chapters for b in c.blocks)
        self.stdout.write(
            f"  {len(draft.chapters)} Kapitel, "
            f"{sum(len(c.blocks) for c in draft.chapters)} Absätze, {words} Wörter"
        )
        try:
            with transaction.atomic():
                version = StrategyVersion.objects.create(title="Messung", slug="messung", year=2099)
                self.step("Vorschau (leere Fassung)", lambda: importing.preview(version, draft))
                self.step("Speichern (neu)", lambda: importing.store(version, draft))
                corrected = document.read_docx(io.BytesIO(strategy_document(pages, typo=True)))
                self.step(
                    "Vorschau (korrigierte Datei)", lambda: importing.preview(version, corrected)
                )
                self.step(
                    "Speichern (korrigierte Datei)", lambda: importing.store(version, corrected)
                )
                raise RolledBack
        except RolledBack:
            pass
        attack = _declared_sheet("A1:XFD1048576")
        self.stdout.write(f'XLSX mit <dimension ref="A1:XFD1048576"/>: {len(attack)} Bytes')
        self.step("  abgelehnt nach", lambda: _refused(attack), True)


def _refused(content: bytes) -> str:
    try:
        upload_limits.check_xlsx(SimpleUploadedFile("stand.xlsx", content))
    except upload_limits.ImportRefused as refused:
        return refused.messages[0]
    raise AssertionError("not refused")


def _declared_sheet(ref: str) -> bytes:
    import re
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["fassung", "ziel", "datum", "status", "bericht"])
    plain = io.BytesIO()
    book.save(plain)
    source, out = zipfile.ZipFile(plain), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), part)
            target.writestr(name, part)
    return out.getvalue()
