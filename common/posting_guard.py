"""One guard for every public form that stores something or mails a link.

`check(request, kind, recipient=...)` counts the post against the visitor's limit for
that kind of form and, where the site will mail a link, against the recipient
mailbox's limit, in one call; it answers with a German refusal or None. The limits are
settings (settings.PUBLIC_FORM_LIMITS, MAIL_RECIPIENT_LIMIT, SAME_TEXT_LIMIT; README),
counted atomically across app servers by common/ratelimit.py. A mailbox is counted as
one whatever its spelling (common/addresses.py), so `x+1@`, `X@` and `x@` share a limit.

Staff signed in post as themselves (their comments are published under their name) and
are not limited. The same text from several senders (`is_flood`) is not refused but held
for the moderation by the caller.
"""

from dataclasses import dataclass

from django.conf import settings

from common import addresses, ratelimit

# What each kind of form sends, in the plural, for the refusal message.
KIND_NOUNS = {
    "comment": "Kommentare",
    "report": "Meldungen",
    "feedback": "Rückmeldungen",
    "statement": "Stellungnahmen",
    "ballot": "Stimmen",
    "subscription": "Anfragen",
    "idea": "Ideen",
    "support": "Unterstützungen",
    "suggestion": "Formulierungsvorschläge",
    "selfservice": "Anfragen nach einem Link zu „Meine Beiträge“",
}


@dataclass(frozen=True)
class Refused:
    """Why a post is not taken; `field` names the form field the message belongs beside
    (None: above the form). The visitor's text stays in the form."""

    message: str
    field: str | None = None
    status: int = 429


def window_text(seconds: int) -> str:
    """ "in der letzten Stunde", "in den letzten 10 Minuten", ..."""
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return "in der letzten Stunde" if hours == 1 else f"in den letzten {hours} Stunden"
    minutes = max(1, seconds // 60)
    return "in der letzten Minute" if minutes == 1 else f"in den letzten {minutes} Minuten"


def _exempt(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


def check(request, kind: str, *, recipient: str | None = None) -> Refused | None:
    """Count this post; a Refused once the visitor or the recipient mailbox is over its limit."""
    if _exempt(request):
        return None
    count, window = settings.PUBLIC_FORM_LIMITS[kind]
    if not ratelimit.allow(request, kind, (count, window)):
        return Refused(
            f"Von Ihrem Anschluss kamen {window_text(window)} schon {count} {KIND_NOUNS[kind]}. "
            "Bitte versuchen Sie es später noch einmal; Ihre Angaben stehen unten im Formular."
        )
    if recipient is not None and not recipient_allowed(recipient):
        return Refused(
            f"An diese E-Mail-Adresse haben wir {window_text(settings.MAIL_RECIPIENT_LIMIT[1])} "
            "schon mehrere Bestätigungslinks geschickt. Bitte bestätigen Sie zuerst diese oder "
            "versuchen Sie es später noch einmal.",
            field="email",
        )
    return None


def recipient_allowed(recipient: str) -> bool:
    """Count one mail to this mailbox; False once it is over MAIL_RECIPIENT_LIMIT."""
    limit = settings.MAIL_RECIPIENT_LIMIT
    return ratelimit.allow_value("recipient", addresses.mailbox(recipient), limit)


def text_fingerprint(text: str) -> str:
    """The text without case, spacing and punctuation: copies with small changes match."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_flood(text: str) -> bool:
    """Counts this text; True once it has come more often than SAME_TEXT_LIMIT allows."""
    return not ratelimit.allow_value("same-text", text_fingerprint(text), settings.SAME_TEXT_LIMIT)


def flood_is_new(text: str) -> bool:
    """True the first time within an hour a flood of this text is seen (tell moderators once)."""
    return ratelimit.allow_value("flood-notice", text_fingerprint(text), (1, 3600))
