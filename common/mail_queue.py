"""The EMAIL_BACKEND: puts each message into django-post-office's queue exactly as built.

post_office's own backend hands every message to `post_office.mail.create()`, which
runs subject, text and HTML through `Template(...).render()` once more (upstream
ui/django-post_office#478). Our mails are rendered by our templates before they get
here, and they carry what visitors and editors typed (names, organisations, comment
texts, reasons, newsletters): a second rendering executed that text as a Django
template, so a statement's organisation name could load `comments_xtd` and mail its
sender the addresses of other commenters. This backend stores the rows itself, with
no template engine anywhere on the way: the queue keeps and delivers the subject,
text and HTML we produced, byte for byte. Everything else (priorities, sending now
or by `mail_worker`, retries, the admin's mail list, attachments) stays
post_office's.
"""

from collections import OrderedDict
from email.mime.base import MIMEBase
from email.utils import make_msgid

from django.core.files.base import ContentFile
from django.core.mail.backends.base import BaseEmailBackend
from post_office.models import PRIORITY, STATUS, Email, Log
from post_office.settings import get_default_priority, get_message_id_enabled, get_message_id_fqdn
from post_office.signals import email_queued
from post_office.utils import create_attachments, parse_priority


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        """Queue each message as it is; with priority "now" also deliver it at once.

        Returns the number delivered, as post_office's backend does (0 when queued).
        """
        if not email_messages:
            return 0
        priority = parse_priority(get_default_priority())
        queued = [self._queue(message, priority) for message in email_messages]
        sendable = [email for email in queued if email.status != STATUS.failed]
        if priority == PRIORITY.now:
            return sum(email.dispatch() == STATUS.sent for email in sendable)
        email_queued.send(sender=Email, emails=sendable)
        return 0

    def _queue(self, message, priority) -> Email:
        headers = dict(message.extra_headers)
        if message.reply_to:
            headers.setdefault("Reply-To", ", ".join(str(v) for v in message.reply_to))
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        email = Email.objects.create(
            from_email=message.from_email,
            to=message.to,
            cc=message.cc,
            bcc=message.bcc,
            subject=message.subject,
            message=message.body,
            html_message=html,
            headers=headers,
            priority=priority,
            status=None if priority == PRIORITY.now else STATUS.queued,
            message_id=make_msgid(domain=get_message_id_fqdn())
            if get_message_id_enabled()
            else None,
        )
        if message.attachments:
            email.attachments.add(*create_attachments(_attachment_files(message)))
        _fail_if_unsendable(email)
        return email


def _fail_if_unsendable(email: Email) -> None:
    """A mail no server will ever take (a header with a line break: BadHeaderError) is
    marked failed at once, with the reason in its log, instead of being tried again and
    again; staff see it in the admin's mail list, and the request that queued it goes on."""
    try:
        email.email_message().message()
    except ValueError as error:  # BadHeaderError is a ValueError
        email.status = STATUS.failed
        email.save(update_fields=["status"])
        Log.objects.create(
            email=email,
            status=STATUS.failed,
            exception_type=type(error).__name__,
            message=f"Kann nie versendet werden: {error}",
        )


def _attachment_files(message) -> dict:
    """The message's attachments in the form post_office's `create_attachments` takes."""
    files = {}
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            files[attachment.get_filename()] = {
                "file": ContentFile(attachment.get_payload()),
                "mimetype": attachment.get_content_type(),
                "headers": OrderedDict(attachment.items()),
            }
        else:
            files[attachment[0]] = ContentFile(attachment[1])
    return files
