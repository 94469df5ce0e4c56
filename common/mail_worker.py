"""Sending the mail queue: batch after batch until it is empty, one sender at a time.

django-post-office does the sending (`send_queued`: one batch, SMTP connections kept
open per sending thread for the whole batch, retries, failures logged in the admin)
and brings the lock (`FileLock`, the one its own `send_queued_mail` command takes,
at the same path). Its `send_queued_mail_until_done` is this loop without a hook
after each batch; the site needs one: the batch's outcomes go to `report_outcomes`
(alerts switch off bouncing addresses) and the operator reads one line per batch
that sent something, none while the queue is idle.

The lock is a file (POST_OFFICE["LOCK_FILE_NAME"], in DJANGO_VAR_DIR): it keeps a
second worker on the same machine from sending the same batch. Run the worker on
one machine only (docs/deployment.md).
"""

import logging
import os
import tempfile

from django.db import DatabaseError, connections
from django.utils import timezone
from post_office import mail as post_office
from post_office.lockfile import FileLock, FileLocked
from post_office.settings import get_lock_file_name

from common import mail

log = logging.getLogger(__name__)


def lock_path() -> str:
    # As post_office.lockfile.default_lockfile, but read now (tests set their own).
    return os.path.join(tempfile.gettempdir(), get_lock_file_name())


def drain() -> int:
    """Send batches until none is due; returns how many mails were sent.

    Another worker holding the lock: returns 0 at once, that one sends.
    """
    total = 0
    try:
        with FileLock(lock_path()):
            while True:
                started = timezone.now()
                sent, failed, requeued = post_office.send_queued()
                mail.report_outcomes(started)
                total += sent
                if not (sent or failed or requeued):
                    return total
                log.info(
                    "Mail-Warteschlange: %d gesendet, %d fehlgeschlagen, %d später erneut",
                    sent,
                    failed,
                    requeued,
                )
    # FileLock checks, then links: a worker that loses the race between the two gets
    # FileExistsError instead of FileLocked.
    except (FileLocked, FileExistsError):
        return total


def run_once() -> int | None:
    """One drain that survives the database going away: logs it once and returns None (the
    caller then leaves other database work for later too); the next run retries."""
    try:
        return drain()
    except DatabaseError as error:
        log.warning("Mail-Warteschlange: Datenbank nicht erreichbar (%s); neuer Versuch", error)
        # A broken connection is not reused by the next run.
        connections.close_all()
        return None
