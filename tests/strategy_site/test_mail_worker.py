"""The mail worker at scale, as an operator sees it: one run empties the queue over
few SMTP connections, two workers started together deliver every mail exactly once,
a database outage is one warning and the next run sends, and the log has one line per
batch and none while idle."""

import logging
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import OperationalError, connection
from post_office import mail as post_office
from post_office.models import STATUS, Email

from scripts.smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_queue(settings, sink):
    """MAIL_QUEUE=worker with SMTP to the sink, as in production."""
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "DEFAULT_PRIORITY": "medium",
    }
    return settings


def queue(count: int) -> None:
    for number in range(count):
        EmailMessage(f"Neues zu Ziel {number}", "Text", to=[f"p{number}@example.org"]).send()


def worker_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "common.mail_worker"]


def test_one_run_empties_the_queue_over_few_connections_with_a_line_per_batch(
    smtp_queue, sink, caplog
):
    smtp_queue.POST_OFFICE = {**smtp_queue.POST_OFFICE, "BATCH_SIZE": 100}
    queue(250)
    caplog.set_level(logging.INFO, logger="common.mail_worker")
    call_command("mail_worker", "--once")
    assert len(sink.received) == 250
    assert Counter(Email.objects.values_list("status", flat=True)) == {STATUS.sent: 250}
    # Each sending thread keeps its connection for the whole batch: 3 batches, 5 threads.
    assert sink.connections <= 15
    assert worker_lines(caplog) == [
        "Mail-Warteschlange: 100 gesendet, 0 fehlgeschlagen, 0 später erneut",
        "Mail-Warteschlange: 100 gesendet, 0 fehlgeschlagen, 0 später erneut",
        "Mail-Warteschlange: 50 gesendet, 0 fehlgeschlagen, 0 später erneut",
    ]


def test_an_idle_worker_writes_nothing_to_the_log(smtp_queue, sink, capfd):
    """About 17,000 polls a day: post_office's own INFO lines for each would be 70,000 lines."""
    for _ in range(3):
        call_command("mail_worker", "--once")
    assert capfd.readouterr().err == ""
    assert sink.connections == 0


# Committed rows: the worker closes the broken connection, as it would in production, and
# the next run opens a new one (inside a test transaction PostgreSQL could not reopen it).
@pytest.mark.django_db(transaction=True)
def test_a_database_outage_is_one_warning_and_the_next_run_sends(smtp_queue, sink, caplog):
    queue(3)
    down = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(post_office, "send_queued", side_effect=down):
        call_command("mail_worker", "--once")  # no exception: the service stays up
    assert sink.received == []
    (warning,) = [r for r in caplog.records if r.name == "common.mail_worker"]
    assert warning.levelname == "WARNING"
    assert "Datenbank nicht erreichbar" in warning.getMessage()
    call_command("mail_worker", "--once")
    assert sorted(to for (to,), _ in sink.received) == [f"p{n}@example.org" for n in range(3)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="copies the SQLite test database")
def test_two_workers_started_together_send_every_mail_exactly_once(smtp_queue, tmp_path):
    """Two `mail_worker` processes on one machine and one database, started at the same
    moment, against a relay that takes 20 ms per mail: the lock lets one send."""
    slow = SmtpSink(delay=0.02).start()
    queue(300)
    database = tmp_path / "db.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_VAR_DIR": str(tmp_path),  # the lock file's directory, shared by both
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(slow.port),
        "EMAIL_USE_TLS": "0",
        "MAIL_QUEUE": "worker",
    }
    command = [sys.executable, str(ROOT / "manage.py"), "mail_worker", "--once"]
    try:
        workers = [subprocess.Popen(command, env=env, cwd=ROOT) for _ in range(2)]
        assert [worker.wait(120) for worker in workers] == [0, 0]
    finally:
        slow.stop()
    message_ids = Counter(message_id for _, message_id in slow.received)
    assert len(message_ids) == 300
    assert set(message_ids.values()) == {1}  # nobody got a mail twice
    with sqlite3.connect(database) as copy:
        statuses = copy.execute("SELECT status, COUNT(*) FROM post_office_email GROUP BY status")
        assert dict(statuses.fetchall()) == {STATUS.sent: 300}
