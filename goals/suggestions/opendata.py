"""The "Formulierungsvorschläge" open dataset: every published wording suggestion with the
wording it started from, its reason, supports and answer, without any address."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from dialog.comments.counts import annotate_comment_counts

from ..ideas.opendata import day_after
from . import listing
from .models import Suggestion

SUGGESTION_COLUMNS = [
    ("id", "Nummer des Vorschlags"),
    ("phase", "Kurzname der Beteiligungsphase"),
    ("fassung", "Kurzname der Fassung der Strategie, z. B. 2019"),
    ("kapitel", "Nummer und Titel des Kapitels"),
    ("absatz", "Nummer des Absatzes im Kapitel"),
    ("bisher", "Wortlaut des Absatzes, als der Vorschlag kam"),
    ("vorschlag", "vorgeschlagener Wortlaut"),
    ("begruendung_vorschlag", "Begründung des Vorschlags"),
    ("name", "Name, unter dem der Vorschlag erscheint"),
    ("schreibt_als", "Bürgerin oder Bürger, Verband, Wissenschaft, …"),
    ("organisation", "Organisation, falls angegeben"),
    ("veroeffentlicht", "Datum der Veröffentlichung (JJJJ-MM-TT)"),
    ("unterstuetzungen", "Zahl der bestätigten Unterstützungen"),
    ("kommentare", "Zahl der sichtbaren Kommentare"),
    ("stand", "eingegangen, in Prüfung, übernommen, teilweise übernommen, nicht übernommen "
              "oder beantwortet"),
    ("begruendung", "öffentliche Begründung der Antwort"),
    ("uebernommen_in", "Adresse des Absatzes der nächsten Fassung, in den er übernommen wurde"),
    ("beispiel", "true, wenn der Vorschlag Beispielinhalt der Vorführung ist"),
    ("url", "Adresse der Seite des Vorschlags"),
]  # fmt: skip


def suggestion_rows(base_url: str = "", as_of=None) -> list[dict]:
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    suggestions = Suggestion.objects.published()
    if as_of is not None:
        suggestions = suggestions.filter(published_at__lt=day_after(as_of))
    suggestions = (
        annotate_comment_counts(suggestions.with_counts())
        .select_related("phase", "paragraph__chapter__version", "decision__result_type")
        .order_by("published_at", "pk")
    )
    rows = []
    for suggestion in suggestions:
        decision = getattr(suggestion, "decision", None)
        result = decision.result if decision is not None else None
        chapter = suggestion.paragraph.chapter
        rows.append(
            {
                "id": suggestion.pk,
                "phase": suggestion.phase.slug,
                "fassung": chapter.version.slug,
                "kapitel": str(chapter),
                "absatz": suggestion.paragraph.order,
                "bisher": suggestion.original,
                "vorschlag": suggestion.text,
                "begruendung_vorschlag": suggestion.reason,
                "name": suggestion.name,
                "schreibt_als": suggestion.get_sender_kind_display(),
                "organisation": suggestion.organisation or None,
                "veroeffentlicht": timezone.localdate(suggestion.published_at).isoformat(),
                "unterstuetzungen": suggestion.support_count,
                "kommentare": suggestion.comment_count,
                "stand": listing.public_status(suggestion),
                "begruendung": decision.reason if decision else None,
                "uebernommen_in": base_url + result.get_absolute_url() if result else None,
                "beispiel": suggestion.is_example,
                "url": base_url + suggestion.get_absolute_url(),
            }
        )
    return rows


def last_published():
    return Suggestion.objects.published().aggregate(latest=Max("published_at"))["latest"]
