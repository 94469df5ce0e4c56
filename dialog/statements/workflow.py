"""A statement's way: submitted, address confirmed by link, published or rejected by the
moderation, decided on like a comment. Every step that concerns the organisation
tells it by mail; answers reach the editors (Reply-To), not a noreply box."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import confirmation, mail
from common.groups import MODERATION, member_emails
from common.link_tokens import new_token, token_hash
from dialog.comments import decisions, moderation
from dialog.comments.netiquette import NetiquetteReason
from dialog.statements.models import Statement, StatementDecision
from dialog.statements.targets import set_targets


def purge_unconfirmed(cutoff) -> int:
    """Delete statements whose link was never used in time, with their files
    (`manage.py purge_unconfirmed`)."""
    expired = list(
        Statement.objects.filter(status=Statement.Status.UNCONFIRMED, created_at__lt=cutoff)
    )
    for statement in expired:
        if statement.pdf:
            statement.pdf.delete(save=False)
        statement.delete()
    return len(expired)


def submit(phase, *, organisation, kind, title, text, email, pdf=None, pdf_info=None, targets=()):
    """Store an unconfirmed statement; returns (statement, token for the confirmation link).

    The row and its targets are stored together or not at all; the file is written
    only inside that transaction and removed again if it fails.
    """
    token, hashed = new_token()
    statement = Statement(
        phase=phase,
        organisation=organisation,
        kind=kind,
        title=title,
        text=text,
        email=email,
        token_hash=hashed,
    )
    if pdf is not None:
        statement.pdf_size, statement.pdf_pages = pdf_info.size, pdf_info.pages
    try:
        with transaction.atomic():
            if pdf is not None:
                statement.pdf.save(pdf.name, pdf, save=False)
            statement.save()
            set_targets(statement, targets)
    except Exception:
        if statement.pdf:
            statement.pdf.delete(save=False)
        raise
    return statement, token


def send_confirmation(statement, link: str) -> None:
    mail.send(
        f"Bitte bestätigen Sie Ihre Stellungnahme: {statement.phase.title}",
        statement.email,
        "mail/statement_confirmation.txt",
        {"statement": statement, "link": link, "valid_days": confirmation.valid_for().days},
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def lookup(token: str, now=None, *, for_update: bool = False):
    """The statement a link names, changing nothing; None for an unknown link or an
    unconfirmed statement whose link has expired."""
    statements = Statement.objects.select_for_update() if for_update else Statement.objects
    statement = statements.select_related("phase").filter(token_hash=token_hash(token)).first()
    if statement is None:
        return None
    if statement.status == Statement.Status.UNCONFIRMED and confirmation.is_expired(
        statement.created_at, now
    ):
        return None
    return statement


@transaction.atomic
def confirm(token: str, now=None):
    """(statement, newly confirmed) for a link; (None, False) for an unknown or expired one.

    A second click on a used link finds the statement and changes nothing.
    """
    now = now or timezone.now()
    statement = lookup(token, now, for_update=True)
    if statement is None or statement.status != Statement.Status.UNCONFIRMED:
        return statement, False
    statement.status = Statement.Status.WAITING
    statement.confirmed_at = now
    statement.save(update_fields=["status", "confirmed_at"])
    transaction.on_commit(lambda: _tell_moderation(statement))
    return statement, True


def _tell_moderation(statement) -> None:
    mail.send(
        f"Neue Stellungnahme wartet auf Prüfung: {statement.organisation}",
        member_emails(MODERATION),
        "mail/statement_waiting.txt",
        {
            "statement": statement,
            # The review page: text, PDF, what it addresses, publish or reject.
            "admin_path": reverse("admin:dialog_statement_review", args=[statement.pk]),
        },
    )


def _mail(statement, subject: str, template: str, **context) -> None:
    mail.send(
        subject,
        statement.email,
        template,
        {
            "statement": statement,
            "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
            **context,
        },
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


ModerationRefused = moderation.ModerationRefused


def _moderatable(statements) -> list[Statement]:
    return moderation.confirmed_only(
        statements, lambda s: s.status == Statement.Status.UNCONFIRMED, "Stellungnahmen"
    )


def publish(statements, user, now=None) -> int:
    """Publish confirmed statements; each organisation is told once, when first published."""
    now = now or timezone.now()
    statements = _moderatable(statements)
    with transaction.atomic():
        for statement in statements:
            newly = statement.status != Statement.Status.PUBLISHED
            statement.status = Statement.Status.PUBLISHED
            statement.published_at = statement.published_at or now
            statement.rejected_reason = ""
            statement.moderated_by = user
            statement.save()
            if newly:
                transaction.on_commit(
                    lambda s=statement: _mail(
                        s, "Ihre Stellungnahme ist veröffentlicht", "mail/statement_published.txt"
                    )
                )
    return len(statements)


def reject(statements, reason: str, user) -> int:
    """Take statements off the site (or never put them there), with a Netiquette reason
    that is mailed to the organisation; a decision on them no longer shows."""
    if reason not in NetiquetteReason.values:
        raise ModerationRefused("Bitte wählen Sie einen Grund.")
    statements = _moderatable(statements)
    with transaction.atomic():
        for statement in statements:
            newly = statement.status != Statement.Status.REJECTED
            statement.status = Statement.Status.REJECTED
            statement.rejected_reason = reason
            statement.moderated_by = user
            statement.save()
            if newly:
                transaction.on_commit(
                    lambda s=statement: _mail_rejected(s, NetiquetteReason(reason).label)
                )
    return len(statements)


def _mail_rejected(statement, reason_text: str) -> None:
    moderation.mail_author_removed(
        statement.email,
        "Ihre Stellungnahme wird nicht veröffentlicht",
        reason_text,
        what=f"Ihre Stellungnahme „{statement.title}“ ({statement.organisation}) geprüft und",
        done="nicht veröffentlicht",
        it="sie",
        it_again="sie",
    )


def _mail_decision(statement) -> None:
    decision = StatementDecision.objects.select_related("result_type").get(statement=statement)
    _mail(
        statement,
        "Was aus Ihrer Stellungnahme wurde",
        "mail/statement_decision.txt",
        decision=decision,
        result=decision.result,
    )


def connect() -> None:
    """Statements take decisions like comments (dialog.comments.decisions.decide)."""
    decisions.register_decidable(
        decisions.Decidable(
            model=Statement,
            decision_model=StatementDecision,
            owner_field="statement",
            plural="Stellungnahmen",
            is_visible=lambda statement: statement.is_published,
            author_email=lambda statement: statement.email,
            mail_author=_mail_decision,
        )
    )
