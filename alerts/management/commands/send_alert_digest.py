import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.digest import send_digest
from alerts.newsletter import send_released
from common import mail


class Command(BaseCommand):
    help = (
        "Sends the daily alert digest for one day (default: yesterday). Run it once a day "
        "from cron; running it again sends nothing twice. Also sends newsletters the "
        "Redaktion released."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, day=None, **options):
        day = day or timezone.localdate() - datetime.timedelta(days=1)
        started = timezone.now()
        sent = send_digest(day)
        self.stdout.write(f"{sent} digest mail(s) sent for {day.isoformat()}.")
        newsletters = send_released()
        self.stdout.write(f"{newsletters} newsletter mail(s) sent.")
        # Sent at once (MAIL_QUEUE=now): failures are known already.
        mail.report_outcomes(started)
