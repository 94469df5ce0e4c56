"""`manage.py mail_worker`: send the mail queue and retry failures, until stopped.

Run it as a service beside gunicorn when MAIL_QUEUE=worker (the default with SMTP),
on one machine. Every few seconds it sends until the queue is empty
(common/mail_worker.py: post_office's batches under post_office's lock, one log line
per batch); a database that is down is logged and tried again, the worker stays up.
Once a day it deletes mails older than the retention (they hold confirmation links
and addresses).
"""

import datetime
import logging
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.utils import timezone
from post_office.utils import cleanup_expired_mails

from common import mail_worker

RETENTION_DAYS = 30
log = logging.getLogger("common.mail_worker")


class Command(BaseCommand):
    help = "Verschickt die E-Mail-Warteschlange und wiederholt Fehlschläge, bis er beendet wird."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Sekunden zwischen Läufen, wenn nichts ansteht",
        )
        parser.add_argument(
            "--once", action="store_true", help="einmal alles Fällige senden, dann beenden"
        )

    def handle(self, *args, interval, once, **options):
        last_cleanup = -float("inf")  # at the first run, then daily
        while True:
            reached = mail_worker.run_once() is not None
            # With the database down, the clean-up waits too: one warning per run, not two.
            if reached and time.monotonic() - last_cleanup > 24 * 3600:
                try:
                    cleanup_expired_mails(timezone.now() - datetime.timedelta(days=RETENTION_DAYS))
                    last_cleanup = time.monotonic()
                except DatabaseError as error:  # tried again after the next run
                    log.warning("Alte Mails nicht gelöscht: %s", error)
            if once:
                return
            time.sleep(interval)
