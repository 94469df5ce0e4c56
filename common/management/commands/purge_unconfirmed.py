"""`manage.py purge_unconfirmed`: delete what visitors sent but never confirmed.

Run daily (README, docs/deployment.md). Each kind of contribution registers what it
keeps until its mailed link is used (common/confirmation.py); after the link's
validity that data is deleted here, whether or not anybody has posted since.
"""

from django.core.management.base import BaseCommand

from common import confirmation


class Command(BaseCommand):
    help = (
        "Löscht unbestätigte Beiträge, deren Bestätigungslink abgelaufen ist (täglich ausführen)."
    )

    def handle(self, *args, **options):
        for label, count in confirmation.purge_expired().items():
            self.stdout.write(f"{count} {label} gelöscht.")
