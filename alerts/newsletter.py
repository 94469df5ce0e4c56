"""Sending a newsletter: a test to the editor, and the released ones to every "news" follower.

The real send runs from the cron command (send_alert_digest), never in an
admin request: 10,000 recipients take longer than a request may. It walks
addresses in batches like the digest and records each delivery.
"""

import logging
from functools import partial

from django.conf import settings
from django.utils import timezone

from common import mail

from . import links, sent_once
from .models import Newsletter, NewsletterSent, Subscription

log = logging.getLogger(__name__)

NEWS_TOPIC = "news"
BATCH_SIZE = 500


def _send_one(newsletter, email, unsubscribe_key="", *, test=False):
    mail.send(
        ("[Test] " if test else "") + newsletter.subject,
        email,
        "mail/alerts/newsletter.txt",
        {
            "newsletter": newsletter,
            "unsubscribe_url": links.unsubscribe_url(email, unsubscribe_key),
            "manage_link": links.manage_request_url(),
            "archive_url": settings.SITE_URL + newsletter.get_absolute_url(),
        },
        headers=links.unsubscribe_headers(email, unsubscribe_key),
        html_template="mail/alerts/newsletter.html",
    )


def send_test(newsletter, email: str) -> None:
    _send_one(newsletter, email, test=True)


def send_released(batch_size: int = BATCH_SIZE) -> int:
    sent = 0
    for newsletter in Newsletter.objects.filter(released_at__isnull=False, sent_at__isnull=True):
        sent += _send_to_followers(newsletter, batch_size)
        newsletter.sent_at = timezone.now()
        newsletter.recipients = NewsletterSent.objects.filter(newsletter=newsletter).count()
        newsletter.save(update_fields=["sent_at", "recipients"])
    return sent


def _send_to_followers(newsletter, batch_size) -> int:
    from .digest import record_failures

    followers = Subscription.objects.active().filter(topic=NEWS_TOPIC)
    sent, last = 0, ""
    while True:
        keys = dict(
            followers.filter(email__gt=last)
            .order_by("email")
            .values_list("email", "unsubscribe_key")[:batch_size]
        )
        if not keys:
            return sent
        addresses = list(keys)
        last = addresses[-1]
        done = sent_once.already_served(
            NewsletterSent.objects.filter(newsletter=newsletter), addresses
        )
        failed = []
        for email in addresses:
            if email in done:
                continue
            record = NewsletterSent(
                newsletter=newsletter, address_hash=sent_once.address_hash(email)
            )
            try:
                sent += sent_once.send_once(
                    record, partial(_send_one, newsletter, email, keys[email])
                )
            except Exception:
                log.exception("Newsletter to one address failed")
                failed.append(email)
        if failed:
            record_failures(failed)
