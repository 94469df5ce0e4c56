"""Demo downloads: the four documents of the seed (demo/data/downloads/documents.csv), as
generated stand-in PDFs that say on every page that they are stand-ins."""

from django.core.files.base import ContentFile

from demo.standin import stand_in_pdf
from downloads.models import Document

from .datafiles import DATA, table

NOTE = (DATA / "downloads" / "stand_in_note.txt").read_text(encoding="utf-8").strip()


def load(report) -> None:
    for row in table("downloads/documents.csv"):
        slug, title, year, description = row["slug"], row["title"], row["year"], row["description"]
        if Document.objects.filter(slug=slug).exists():
            report.record(f"Download {slug}", False)
            continue
        pages = int(row["stand_in_pages"])
        pdf = stand_in_pdf(f"{title} ({year})", [NOTE, description], pages=pages)
        # Saved like an upload: checked, measured and stored by Document.save().
        Document.objects.create(
            slug=slug,
            title=title,
            kind=row["kind"],
            year=int(year),
            description=description,
            file=ContentFile(pdf, name=f"{slug}.pdf"),
            stand_in=True,
        )
        report.record(f"Download {slug}", True)
