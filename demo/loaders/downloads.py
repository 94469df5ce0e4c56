"""Demo downloads: the four documents of the seed, as generated stand-in PDFs."""

from django.core.files.base import ContentFile

from demo.standin import stand_in_pdf
from downloads.models import Document

STAND_IN_NOTE = (
    "Dies ist ein Platzhalter der Demo-Website, nicht das echte Dokument. Das Original "
    "veröffentlicht die Landesregierung Nordrhein-Westfalen; diese Datei zeigt nur, wie ein "
    "Download auf der Website aussieht."
)

DOCUMENTS = [
    # slug, title, kind, year, description, pages of the stand-in
    (
        "digitalstrategie-2-0",
        "Digitalstrategie 2.0",
        Document.Kind.STRATEGIE,
        2022,
        "Die weiterentwickelte Strategie mit 78 Zielen, vom Landeskabinett am 16. November "
        "2021 beschlossen.",
        4,
    ),
    (
        "fortschrittsbericht-2020",
        "Fortschrittsbericht zur Digitalstrategie.NRW",
        Document.Kind.FORTSCHRITTSBERICHT,
        2020,
        "Der Stand der Umsetzung der 44 Ziele und die Auswertung des Dialogs aus dem Jahr 2019, "
        "veröffentlicht am 17. Juli 2020.",
        3,
    ),
    (
        "digitalstrategie-2019",
        "Digitalstrategie.NRW: Teilhabe ermöglichen – Chancen eröffnen",
        Document.Kind.STRATEGIE,
        2019,
        "Die erste Digitalstrategie des Landes mit 44 konkreten Zielen, am 10. April 2019 im "
        "Landtag vorgestellt.",
        3,
    ),
    (
        "metastudie-2018",
        "Metastudie zur Digitalisierung in Nordrhein-Westfalen",
        Document.Kind.STUDIE,
        2018,
        "Die Metastudie aus dem Jahr 2018. Beispielinhalt: Eine Zusammenfassung der Studie "
        "trägt die Redaktion ein.",
        2,
    ),
]


def load(report) -> None:
    for slug, title, kind, year, description, pages in DOCUMENTS:
        if Document.objects.filter(slug=slug).exists():
            report.record(f"Download {slug}", False)
            continue
        pdf = stand_in_pdf(f"{title} ({year})", [STAND_IN_NOTE, description], pages=pages)
        # Saved like an upload: checked, measured and stored by Document.save().
        Document.objects.create(
            slug=slug,
            title=title,
            kind=kind,
            year=year,
            description=description,
            file=ContentFile(pdf, name=f"{slug}.pdf"),
            stand_in=True,
        )
        report.record(f"Download {slug}", True)
