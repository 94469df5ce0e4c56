"""`manage.py mail_worker`: send the mail queue and retry failures, until stopped.

Run it as a service beside gunicorn when MAIL_QUEUE=worker (the default with
SMTP). django-post-office does the sending, retrying and logging; this loop only
calls it every few seconds and, once a day, deletes mails older than the
retention (they hold confirmation links and addresses).
"""

import datetime
import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from post_office.mail import send_queued
from post_office.utils import cleanup_expired_mails

from common import mail

RETENTION_DAYS = 30


class Command(BaseCommand):
    help = "Verschickt die E-Mail-Warteschlange und wiederholt Fehlschläge, bis er beendet wird."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Sekunden zwischen Läufen")
        parser.add_argument("--once", action="store_true", help="nur einen Lauf, dann beenden")

    def handle(self, *args, interval, once, **options):
        last_cleanup = 0.0
        while True:
            started = timezone.now()
            sent, failed, _requeued = send_queued()
            # Failures with no retry left: e.g. alerts switch off a bouncing address.
            mail.report_outcomes(started)
            if sent or failed:
                self.stdout.write(f"{sent} gesendet, {failed} fehlgeschlagen")
            if time.monotonic() - last_cleanup > 24 * 3600:
                cutoff = timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
                cleanup_expired_mails(cutoff)
                last_cleanup = time.monotonic()
            if once:
                return
            time.sleep(interval)
