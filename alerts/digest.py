"""The daily digest: one mail per address and day with that day's events.

Addresses are walked in batches ordered by address (keyset pagination), so
10,000 subscribers of one goal never sit in memory at once, and each batch
costs the same few queries whatever its size. `DigestSent` remembers who got
the day's mail, written with each mail in one transaction (alerts/sent_once.py): a
second run, a parallel run or a run that died half-way sends nothing twice.
"""

import logging
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import partial

from django.db.models import F
from django.utils import timezone

from common import mail

from . import links, registry, sent_once
from .models import MAX_FAILURES, DigestSent, Subscription

log = logging.getLogger(__name__)

BATCH_SIZE = 500


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def send_digest(day: date, batch_size: int = BATCH_SIZE) -> int:
    """Send the digest for `day`; returns how many mails went out."""
    events_by_topic = defaultdict(list)
    for event in registry.events_between(*day_bounds(day)):
        events_by_topic[event.topic].append(event)
    if not events_by_topic:
        return 0
    followers = Subscription.objects.active().filter(topic__in=list(events_by_topic))
    sent = 0
    last = ""
    while True:
        # Keyset pagination over addresses: `email > last` never rereads a page.
        addresses = list(
            followers.filter(email__gt=last)
            .order_by("email")
            .values_list("email", flat=True)
            .distinct()[:batch_size]
        )
        if not addresses:
            return sent
        last = addresses[-1]
        sent += _send_batch(day, addresses, followers, events_by_topic)


def _send_batch(day, addresses, followers, events_by_topic) -> int:
    topics, keys = defaultdict(dict), {}
    for email, topic, label, key in followers.filter(email__in=addresses).values_list(
        "email", "topic", "topic_label", "unsubscribe_key"
    ):
        topics[email][topic] = label
        keys[email] = key  # the same for all of an address's subscriptions
    done = sent_once.already_served(DigestSent.objects.filter(day=day), addresses)
    sent, failed = 0, []
    for email in addresses:
        if email in done:
            continue
        groups = [
            {"label": label, "events": events_by_topic[topic]}
            for topic, label in sorted(topics[email].items(), key=lambda item: item[1])
        ]
        record = DigestSent(address_hash=sent_once.address_hash(email), day=day)
        try:
            sent += sent_once.send_once(
                record, partial(_send_digest, day, email, groups, keys[email])
            )
        except Exception:  # any delivery error counts as a failure of this address
            log.exception("Alert digest to one address failed")
            failed.append(email)
    if failed:
        record_failures(failed)
    return sent


def _send_digest(day, email, groups, unsubscribe_key) -> None:
    mail.send(
        f"Neues am {day:%d.%m.%Y}: {len(groups)} " + ("Thema" if len(groups) == 1 else "Themen"),
        email,
        "mail/alerts/digest.txt",
        {
            "day": day,
            "groups": groups,
            "unsubscribe_url": links.unsubscribe_url(email, unsubscribe_key),
            "manage_link": links.manage_request_url(),
        },
        headers=links.unsubscribe_headers(email, unsubscribe_key),
        html_template="mail/alerts/digest.html",
    )


def record_failures(addresses) -> None:
    """Count a failed delivery; after MAX_FAILURES in a row the address is switched off."""
    Subscription.objects.filter(email__in=addresses).update(failures=F("failures") + 1)
    Subscription.objects.filter(
        email__in=addresses, failures__gte=MAX_FAILURES, disabled_at__isnull=True
    ).update(disabled_at=timezone.now())


def on_delivery_failed(sender, recipients, **kwargs) -> None:
    """A mail to subscribers failed for good (after the queue's retries): count it."""
    subscribed = list(
        Subscription.objects.filter(email__in=recipients).values_list("email", flat=True)
    )
    if subscribed:
        record_failures(set(subscribed))


def on_delivery_succeeded(sender, recipients, **kwargs) -> None:
    """Failures count in a row: a delivered mail starts the count again."""
    Subscription.objects.filter(email__in=recipients, failures__gt=0).update(failures=0)
