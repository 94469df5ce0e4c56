"""An idea's way: submitted, address confirmed by the link's button, published or waiting
for the moderation as its phase says, hidden with a Netiquette reason (author told),
answered with the shared decision (author and supporters who asked are told)."""

from django.conf import settings

from common import confirmation, mail
from common.link_tokens import new_token
from dialog.comments import moderation

from ..contributions.workflow import Kind, Pipeline
from .models import Idea, IdeaDecision, IdeaReport
from .support import supports

ModerationRefused = moderation.ModerationRefused
pipeline = Pipeline(
    Kind(
        model=Idea,
        report_model=IdeaReport,
        supports=supports,
        name="idea",
        plural="Ideen",
        waiting_subject="Neue Idee wartet auf Prüfung: {}",
        reported_subject="Eine Idee wurde gemeldet: {}",
        decision_model=IdeaDecision,
        answer_subject="Was aus Ihrer Idee wurde",
        supporter_subject="Was aus der Idee wurde, die Sie unterstützen",
        related=("phase", "field"),
    )
)


def submit(phase, *, field, title, text, name, sender_kind, organisation, email, **refs):
    """Store an unconfirmed idea; returns (idea, token for the confirmation link).
    `refs`: the optional goal, chapter or theme it names."""
    token, hashed = new_token()
    idea = Idea.objects.create(
        phase=phase,
        field=field,
        title=title,
        text=text,
        name=name,
        sender_kind=sender_kind,
        organisation=organisation,
        email=email,
        token_hash=hashed,
        **{key: value for key, value in refs.items() if value is not None},
    )
    return idea, token


def send_confirmation(idea, link: str) -> None:
    mail.send(
        f"Bitte bestätigen Sie Ihre Idee: {idea.title}",
        idea.email,
        "mail/idea_confirmation.txt",
        {"idea": idea, "link": link, "valid_days": confirmation.valid_for().days},
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def lookup(token: str, now=None, *, for_update: bool = False):
    return pipeline.lookup(token, now, for_update=for_update)


def confirm(token: str, now=None):
    return pipeline.confirm(token, now)


def report(idea, reason: str, note: str) -> None:
    pipeline.report(idea, reason, note)


def publish(ideas, user, now=None) -> int:
    return pipeline.publish(ideas, user, now)


def _tell_author_hidden(idea, reason_label: str) -> None:
    moderation.mail_author_removed(
        idea.email,
        "Ihre Idee wird nicht angezeigt",
        reason_label,
        name=idea.name,
        what=f"Ihre Idee „{idea.title}“ geprüft und",
        done="verborgen",
        it="sie",
        it_again="sie",
    )


def hide(ideas, reason: str, user) -> int:
    """Take ideas off the site with a Netiquette reason mailed to each author."""
    return pipeline.hide(ideas, reason, user, tell_author=_tell_author_hidden)


def connect() -> None:
    pipeline.connect()
