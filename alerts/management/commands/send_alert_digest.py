import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.digest import send_digest


class Command(BaseCommand):
    help = (
        "Sends the daily alert digest for one day (default: yesterday). Run it once a day "
        "from cron; running it again sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, day=None, **options):
        day = day or timezone.localdate() - datetime.timedelta(days=1)
        sent = send_digest(day)
        self.stdout.write(f"{sent} digest mail(s) sent for {day.isoformat()}.")
