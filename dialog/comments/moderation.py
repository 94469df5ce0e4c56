"""Moderation decisions and the mails they send.

State lives in the package's two flags: waiting = not is_public, hidden =
is_removed. Changes go through QuerySet.update() on purpose: the package's
pre_save handler on XtdComment re-publishes or hides a comment's whole
subtree whenever a comment is saved, which would re-publish replies that a
moderator hid on their own. update() sends no signals, so each decision
touches exactly the comments it names.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import mail
from common.groups import MODERATION, member_emails
from dialog.comments import state
from dialog.comments.models import AuthorChange, CommentModeration, CommentReport
from dialog.comments.netiquette import NetiquetteReason
from dialog.comments.notifications import notify_reply


class ModerationRefused(ValueError):
    """A moderation step that cannot be taken, with a German message for staff; nothing
    was changed. Raised by the services of every kind of contribution."""


def confirmed_only(items, is_unconfirmed, plural: str) -> list:
    """The selection as a list, or ModerationRefused if any of it still awaits its
    author's confirmation link (statements, ideas): those are not the moderation's yet."""
    items = list(items)
    unconfirmed = [item for item in items if is_unconfirmed(item)]
    if unconfirmed:
        raise ModerationRefused(
            f"{len(unconfirmed)} der ausgewählten {plural} sind noch nicht per Link "
            "bestätigt; sie lassen sich erst danach prüfen. Es wurde nichts geändert."
        )
    return items


def moderator_emails() -> list[str]:
    return member_emails(MODERATION)


def waiting(queryset=None):
    return state.comments(queryset).waiting()


def _resolve_reports(comment_ids, status, user, now):
    CommentReport.objects.filter(
        comment_id__in=comment_ids, status=CommentReport.Status.OPEN
    ).update(status=status, resolved_at=now, resolved_by=user)


@transaction.atomic
def approve(comments, user) -> int:
    """Publish the given comments (and only them); their open reports become unfounded."""
    now = timezone.now()
    comments = list(comments)
    # Withdrawn by their authors ("Meine Beiträge"): their place stays hidden for good.
    withdrawn = set(
        AuthorChange.objects.filter(
            comment_id__in=[c.pk for c in comments], withdrawn_at__isnull=False
        ).values_list("comment_id", flat=True)
    )
    comments = [c for c in comments if c.pk not in withdrawn]
    ids = [c.pk for c in comments]
    newly_released = [c.pk for c in comments if state.is_waiting(c)]
    state.comments().filter(pk__in=ids).release()
    for pk in ids:
        CommentModeration.objects.update_or_create(
            comment_id=pk,
            defaults={
                "approved_at": now,
                "approved_by": user,
                "hidden_reason": "",
                "hidden_at": None,
                "hidden_by": None,
            },
        )
    _resolve_reports(ids, CommentReport.Status.UNFOUNDED, user, now)
    if newly_released:
        # Authors above a pre-moderated reply hear of it once it is released, not before.
        def notify():
            for comment in state.comments().filter(pk__in=newly_released):
                notify_reply(comment)

        transaction.on_commit(notify)
    return len(ids)


@transaction.atomic
def hide(comments, reason: str, user, note: str = "") -> int:
    """Hide comments with a Netiquette reason; replies stay visible; authors are told why."""
    now = timezone.now()
    comments = list(comments)
    ids = [c.pk for c in comments]
    state.comments().filter(pk__in=ids).hide()
    for pk in ids:
        CommentModeration.objects.update_or_create(
            comment_id=pk,
            defaults={
                "hidden_reason": reason,
                "hidden_note": note,
                "hidden_at": now,
                "hidden_by": user,
            },
        )
    _resolve_reports(ids, CommentReport.Status.UPHELD, user, now)
    reason_text = NetiquetteReason(reason).label
    for comment in comments:
        if comment.user_email and not state.is_hidden(comment):
            transaction.on_commit(
                lambda c=comment: _mail_author_hidden(c, reason_text),
            )
    return len(ids)


def mail_author_removed(email: str, subject: str, reason_text: str, **what) -> None:
    """The one mail an author gets when the moderation takes a contribution of any kind off
    the site with a Netiquette reason (mail/removed.txt). `what` fills the template: name,
    what ("Ihren Kommentar vom …"), done ("verborgen"), it / it_again (pronouns), and
    optionally quote_label and quote, page_url. The author may answer to contest it: the
    answer reaches the editors."""
    mail.send(
        subject,
        email,
        "mail/removed.txt",
        {
            "reason_text": reason_text,
            "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
            **what,
        },
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def _mail_author_hidden(comment, reason_text: str) -> None:
    submitted = timezone.localtime(comment.submit_date)
    mail_author_removed(
        comment.user_email,
        "Ihr Kommentar wurde verborgen",
        reason_text,
        name=comment.user_name,
        what=f"Ihren Kommentar vom {submitted:%d.%m.%Y} auf der Seite „{comment.content_object}“",
        done="verborgen",
        it="er",
        it_again="ihn",
        quote_label="Ihr Kommentar",
        quote=comment.comment,
        page_url=settings.SITE_URL + comment.content_object.get_absolute_url(),
    )


@transaction.atomic
def dismiss_reports(comments, user) -> int:
    """Mark the open reports of these comments as unfounded; the comments stay as they are."""
    ids = [c.pk for c in comments]
    return CommentReport.objects.filter(
        comment_id__in=ids, status=CommentReport.Status.OPEN
    ).update(status=CommentReport.Status.UNFOUNDED, resolved_at=timezone.now(), resolved_by=user)


@transaction.atomic
def report(comment, reason: str, note: str = "") -> CommentReport:
    """Store a visitor's report and tell the moderators once it is committed."""
    created = CommentReport.objects.create(comment=comment, reason=reason, note=note)
    recipients = moderator_emails()
    if recipients:
        context = {
            "report": created,
            "comment": comment,
            "queue_url": settings.SITE_URL + reverse("admin:dialog_reportedcomment_changelist"),
        }
        transaction.on_commit(
            lambda: mail.send(
                "Kommentar gemeldet: " + created.get_reason_display(),
                recipients,
                "mail/comment_reported.txt",
                context,
            )
        )
    return created


def flood_detected(target, text: str) -> None:
    """Tell the moderators once that the same text keeps arriving from several addresses."""
    recipients = moderator_emails()
    if recipients:
        mail.send(
            "Viele gleiche Kommentare: zurückgehalten",
            recipients,
            "mail/comment_flood.txt",
            {
                "target": target,
                "excerpt": text[:200],
                "queue_url": settings.SITE_URL + reverse("admin:dialog_waitingcomment_changelist"),
            },
        )


def corrected_waits(comment) -> None:
    """Tell the moderators that a comment its author corrected waits for release again."""
    recipients = moderator_emails()
    if recipients:
        mail.send(
            "Korrigierter Kommentar wartet auf Freigabe",
            recipients,
            "mail/comment_corrected.txt",
            {
                "target": comment.content_object,
                "excerpt": comment.comment[:200],
                "queue_url": settings.SITE_URL + reverse("admin:dialog_waitingcomment_changelist"),
            },
        )
