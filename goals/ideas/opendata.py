"""The "Ideen" open dataset: every published idea with its supports and answer, without any
address (the author's or a supporter's)."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from dialog.comments.counts import annotate_comment_counts

from . import listing
from .models import Idea

IDEA_COLUMNS = [
    ("id", "Nummer der Idee"),
    ("phase", "Kurzname der Beteiligungsphase"),
    ("handlungsfeld", "Handlungsfeld als fassung/nummer, z. B. 2-0/3"),
    ("ziel", "Ziel, auf das sich die Idee bezieht, als fassung/nummer; leer wenn keines"),
    ("titel", "Titel der Idee"),
    ("text", "Text der Idee, wie eingereicht"),
    ("name", "Name, unter dem die Idee erscheint"),
    ("schreibt_als", "Bürgerin oder Bürger, Verband, Wissenschaft, …"),
    ("organisation", "Organisation, falls angegeben"),
    ("veroeffentlicht", "Datum der Veröffentlichung (JJJJ-MM-TT)"),
    ("unterstuetzungen", "Zahl der bestätigten Unterstützungen"),
    ("kommentare", "Zahl der sichtbaren Kommentare"),
    ("stand", "eingegangen, in Prüfung, aufgenommen, teilweise aufgenommen, nicht aufgenommen "
              "oder beantwortet"),
    ("begruendung", "öffentliche Begründung der Antwort"),
    ("entstanden", "Adresse des Ziels oder Absatzes, zu dem die Idee geführt hat"),
    ("beispiel", "true, wenn die Idee Beispielinhalt der Vorführung ist"),
    ("url", "Adresse der Seite der Idee"),
]  # fmt: skip


def day_after(day):
    """The first moment after `day` in the site's time zone (Berlin)."""
    import datetime

    following = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))


def idea_rows(base_url: str = "", as_of=None) -> list[dict]:
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    ideas = Idea.objects.published()
    if as_of is not None:
        # The day as Berlin counts it, as everywhere in the open data.
        ideas = ideas.filter(published_at__lt=day_after(as_of))
    ideas = (
        annotate_comment_counts(ideas.with_counts())
        .select_related("phase", "field__version", "goal__field__version", "decision__result_type")
        .order_by("published_at", "pk")
    )
    rows = []
    for idea in ideas:
        decision = getattr(idea, "decision", None)
        result = decision.result if decision is not None else None
        rows.append(
            {
                "id": idea.pk,
                "phase": idea.phase.slug,
                "handlungsfeld": f"{idea.field.version.slug}/{idea.field.number}",
                "ziel": (
                    f"{idea.goal.field.version.slug}/{idea.goal.number}" if idea.goal else None
                ),
                "titel": idea.title,
                "text": idea.text,
                "name": idea.name,
                "schreibt_als": idea.get_sender_kind_display(),
                "organisation": idea.organisation or None,
                "veroeffentlicht": timezone.localdate(idea.published_at).isoformat(),
                "unterstuetzungen": idea.support_count,
                "kommentare": idea.comment_count,
                "stand": listing.public_status(idea),
                "begruendung": decision.reason if decision else None,
                "entstanden": base_url + result.get_absolute_url() if result else None,
                "beispiel": idea.is_example,
                "url": base_url + idea.get_absolute_url(),
            }
        )
    return rows


def last_published():
    return Idea.objects.published().aggregate(latest=Max("published_at"))["latest"]
