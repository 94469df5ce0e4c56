"""What the download pages and the home page show, each in one query."""

from dataclasses import dataclass

from .models import Document

HOME_TEASER_COUNT = 4
# Headings of the groups on /downloads/ (the kind's label is singular).
GROUP_HEADINGS = {
    Document.Kind.STRATEGIE: "Strategien",
    Document.Kind.FORTSCHRITTSBERICHT: "Fortschrittsberichte",
    Document.Kind.STUDIE: "Studien",
    Document.Kind.SONSTIGES: "Weitere Dokumente",
}


@dataclass(frozen=True)
class KindGroup:
    kind: str
    heading: str
    documents: list[Document]


def documents_by_kind() -> list[KindGroup]:
    """Documents grouped by kind (in the order of Document.Kind), newest first within."""
    by_kind: dict[str, list[Document]] = {kind: [] for kind in Document.Kind.values}
    for document in Document.objects.newest_first():
        by_kind[document.kind].append(document)
    return [
        KindGroup(kind, GROUP_HEADINGS[kind], documents)
        for kind, documents in by_kind.items()
        if documents
    ]


def documents_for_home() -> list[Document]:
    return list(Document.objects.newest_first()[:HOME_TEASER_COUNT])
