"""A wording suggestion's way (the pipeline of goals.contributions): proposed on a paragraph
open for comment, confirmed by the link's button, published or moderated, answered; and,
once adopted, applied to the paragraph of the next version that continues it."""

import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from common import confirmation, mail
from common.link_tokens import new_token
from dialog.comments import moderation
from dialog.comments.commentable import policy_for
from dialog.comments.models import Outcome
from dialog.participation.models import is_running
from dialog.participation.phase_rules import PhaseRule

from ..contributions.workflow import Kind, Pipeline
from ..text import reading
from ..text.models import Paragraph
from .models import Suggestion, SuggestionDecision, SuggestionReport
from .support import supports

ModerationRefused = moderation.ModerationRefused
pipeline = Pipeline(
    Kind(
        model=Suggestion,
        report_model=SuggestionReport,
        supports=supports,
        name="suggestion",
        plural="Formulierungsvorschläge",
        waiting_subject="Neuer Formulierungsvorschlag wartet auf Prüfung: {}",
        reported_subject="Ein Formulierungsvorschlag wurde gemeldet: {}",
        decision_model=SuggestionDecision,
        answer_subject="Was aus Ihrem Formulierungsvorschlag wurde",
        supporter_subject="Was aus dem Formulierungsvorschlag wurde, den Sie unterstützen",
        related=("phase", "paragraph__chapter__version"),
    )
)


def plain_text(paragraph) -> str:
    """The paragraph's wording as a visitor edits it: text only, spacing made single."""
    return reading.plain_text(paragraph.text)


def same_wording(a: str, b: str) -> bool:
    return a.split() == b.split()


def taking_phase(paragraph, now=None):
    """The running phase that takes suggestions on `paragraph` (exactly while its thread is
    open for comment), or None."""
    policy = policy_for(paragraph)
    if paragraph.removed or not policy.is_open(paragraph):
        return None
    now = now or timezone.now()
    # The phase rule has fetched the paragraph's phases for is_open (no second query).
    rule = next(r for r in policy.rules if isinstance(r, PhaseRule))
    running = [p for p in rule.phases(paragraph) if is_running(p, now)]
    return min(running, key=lambda p: p.ends_at, default=None)


def submit(paragraph, phase, *, text, reason, name, sender_kind, organisation, email):
    """Store an unconfirmed suggestion; returns (suggestion, token for the link)."""
    token, hashed = new_token()
    suggestion = Suggestion.objects.create(
        paragraph=paragraph,
        phase=phase,
        original=plain_text(paragraph),
        text=text,
        reason=reason,
        name=name,
        sender_kind=sender_kind,
        organisation=organisation,
        email=email,
        token_hash=hashed,
    )
    return suggestion, token


def send_confirmation(suggestion, link: str) -> None:
    mail.send(
        "Bitte bestätigen Sie Ihren Formulierungsvorschlag",
        suggestion.email,
        "mail/suggestion_confirmation.txt",
        {"suggestion": suggestion, "link": link, "valid_days": confirmation.valid_for().days},
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def _tell_author_hidden(suggestion, reason_label: str) -> None:
    moderation.mail_author_removed(
        suggestion.email,
        "Ihr Formulierungsvorschlag wird nicht angezeigt",
        reason_label,
        name=suggestion.name,
        what="Ihren Formulierungsvorschlag geprüft und",
        done="verborgen",
        it="ihn",
        it_again="ihn",
    )


def hide(suggestions, reason: str, user) -> int:
    return pipeline.hide(suggestions, reason, user, tell_author=_tell_author_hidden)


def next_paragraphs(suggestion):
    """The paragraphs of later versions that continue the suggestion's paragraph: where an
    adopted suggestion can be applied."""
    return (
        Paragraph.objects.current()
        .filter(continues=suggestion.paragraph)
        .select_related("chapter__version")
    )


def as_paragraph_html(text: str) -> str:
    """A suggestion's plain wording as the paragraph's stored (sanitised) markup: each block
    between blank lines one <p>."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def markup_lost(paragraph) -> bool:
    """Whether writing plain wording into `paragraph` drops formatting it has (links,
    emphasis, lists): anything but paragraphs."""
    return bool(re.search(r"<(?!/?p[\s>])[a-z]", paragraph.text, re.IGNORECASE))


class AdoptionRefused(Exception):
    """Why a suggestion cannot be applied (said to the editor in German)."""


ADOPTABLE = (Outcome.BERUECKSICHTIGT, Outcome.TEILWEISE)


@transaction.atomic
def adopt(suggestion, target, text: str, user, now=None) -> str:
    """Write `text` (the suggested wording, as the editor checked it) into `target`, the
    paragraph of the next version, and record that the suggestion was adopted there; returns
    the paragraph's text before. A suggestion not yet answered is answered "übernommen";
    the author and supporters who asked are told when the answer is new. Refused for a
    suggestion applied before, one answered otherwise, or a paragraph that does not
    continue the suggestion's paragraph."""
    now = now or timezone.now()
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.applied_at is not None:
        raise AdoptionRefused(
            f"Dieser Vorschlag wurde schon am {timezone.localtime(suggestion.applied_at):%d.%m.%Y} "
            "übernommen. Ändern Sie den Absatz bei Bedarf direkt."
        )
    if not suggestion.is_published:
        raise AdoptionRefused("Nur veröffentlichte Vorschläge lassen sich übernehmen.")
    decision = SuggestionDecision.objects.filter(suggestion=suggestion).first()
    if decision is not None and decision.outcome not in ADOPTABLE:
        raise AdoptionRefused(
            f"Die Antwort auf diesen Vorschlag lautet „{decision.outcome_label}“. Ändern Sie "
            "zuerst die Antwort, wenn Sie ihn doch übernehmen möchten."
        )
    if not next_paragraphs(suggestion).filter(pk=target.pk).exists():
        raise AdoptionRefused(
            "Dieser Absatz schreibt den Absatz des Vorschlags nicht fort oder ist entfernt."
        )
    before = target.text
    target.text = as_paragraph_html(text)
    target.save(update_fields=["text"])
    new_answer = decision is None
    if new_answer:
        decision = SuggestionDecision(
            suggestion=suggestion,
            outcome=Outcome.BERUECKSICHTIGT,
            reason="Wir haben Ihren Vorschlag in die nächste Fassung übernommen.",
        )
    decision.result = target
    decision.decided_by = user
    decision.save()
    suggestion.applied_at = now
    suggestion.save(update_fields=["applied_at"])
    if new_answer:
        transaction.on_commit(lambda: pipeline.mail_decision(suggestion))
    return before


def connect() -> None:
    pipeline.connect()
