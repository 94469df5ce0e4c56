"""Every mail the site sends goes through `send()`: subject, recipients, a template.

Bodies come from templates under templates/mail/, never from strings built in
code, so wording is edited in one place. Delivery itself goes through the
persistent queue (django-post-office, the EMAIL_BACKEND); a delivery that
finally failed is announced with `delivery_failed`, e.g. for alerts to switch
off an address that keeps bouncing.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.dispatch import Signal
from django.template.loader import render_to_string

# Sent once per check with `recipients`: the lower-case addresses of mails that
# failed for good (no retry left), or that were delivered.
delivery_failed = Signal()
delivery_succeeded = Signal()


def render_body(template: str, context: dict) -> str:
    return render_to_string(template, {"site_url": settings.SITE_URL, **context}).strip() + "\n"


def send(
    subject: str,
    to: list[str] | str,
    template: str,
    context: dict,
    *,
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    html_template: str | None = None,
) -> int:
    """Send one mail (to every address in `to` together); returns the number sent."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return 0
    message = EmailMultiAlternatives(
        subject=settings.EMAIL_SUBJECT_PREFIX + subject,
        body=render_body(template, context),
        to=recipients,
        reply_to=reply_to,
        headers=headers,
    )
    if html_template:
        message.attach_alternative(
            render_to_string(html_template, {"site_url": settings.SITE_URL, **context}),
            "text/html",
        )
    return message.send()


def report_outcomes(since: datetime.datetime) -> int:
    """Announce which queued mails were delivered and which failed for good since `since`."""
    from post_office.models import STATUS, Email

    changed = Email.objects.filter(
        status__in=[STATUS.sent, STATUS.failed], last_updated__gte=since
    ).values_list("status", "to")
    outcomes = {STATUS.sent: set(), STATUS.failed: set()}
    for status, to in changed.iterator():
        outcomes[status].update(address.lower() for address in to)
    if outcomes[STATUS.failed]:
        delivery_failed.send(sender=Email, recipients=sorted(outcomes[STATUS.failed]))
    if outcomes[STATUS.sent]:
        delivery_succeeded.send(sender=Email, recipients=sorted(outcomes[STATUS.sent]))
    return len(outcomes[STATUS.failed])
