"""`make bench-mail`: how many mails per second `manage.py mail_worker` delivers.

Queues BENCH_MAILS mails (default 5,000, about 2 KB each, text and HTML) through the
site's own mail path into a database of their own (var/bench-mail.sqlite3, emptied
first), starts a local SMTP sink (scripts/smtp_sink.py) and `manage.py mail_worker`
pointed at it as in production (EMAIL_HOST, MAIL_QUEUE=worker), and measures from the
worker's start until the sink holds every mail. Prints mails/s, the SMTP connections
used and whether any mail arrived twice. Nothing passes or fails.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.smtp_sink import SmtpSink  # noqa: E402

MAILS = int(os.environ.get("BENCH_MAILS", "5000"))
VAR = ROOT / "var"
DATABASE = VAR / "bench-mail.sqlite3"


def environment(port: int) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "MAIL_QUEUE": "worker",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def queue_mails(count: int) -> None:
    import django

    django.setup()
    from django.core.mail import EmailMultiAlternatives
    from django.db import transaction
    from post_office.models import Email

    Email.objects.all().delete()
    text = "Guten Tag,\n\n" + "Neues zu Ziel 12 der Digitalstrategie.NRW. " * 40 + "\n"
    with transaction.atomic():
        for number in range(count):
            message = EmailMultiAlternatives(
                f"Neues am 07.12.2026: 2 Themen ({number})",
                text,
                to=[f"person{number}@example.org"],
            )
            message.attach_alternative(f"<p>{text}</p>", "text/html")
            message.send()


def main() -> None:
    VAR.mkdir(exist_ok=True)
    sink = SmtpSink().start()
    env = environment(sink.port)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy_site.settings")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    queue_mails(MAILS)
    print(f"{MAILS} Mails in der Warteschlange; mail_worker startet …", flush=True)
    started = time.monotonic()
    worker = subprocess.Popen([*manage, "mail_worker"], env=env)
    try:
        complete = sink.wait_for(MAILS, timeout=max(120.0, MAILS / 10))
        seconds = time.monotonic() - started
    finally:
        worker.terminate()
        worker.wait(20)
        sink.stop()
    ids = [message_id for _, message_id in sink.received]
    twice = len(ids) - len(set(ids))
    print(
        f"{len(sink.received)} von {MAILS} Mails in {seconds:.1f} s (ab Start des Workers): "
        f"{len(sink.received) / seconds:.0f} Mails/s; {sink.connections} SMTP-Verbindungen; "
        f"doppelt: {twice}" + ("" if complete else "; ABGEBROCHEN (Zeitlimit)")
    )


if __name__ == "__main__":
    main()
