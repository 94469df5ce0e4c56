from collections import Counter

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.report import DemoReport, loader_functions


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte. Idempotent: ein zweiter Lauf ändert nichts."

    def handle(self, *args, **options):
        report = DemoReport()
        # All or nothing: a failing loader leaves no half-loaded demo behind.
        with transaction.atomic():
            for load in loader_functions():
                load(report)
        if report.created:
            self.stdout.write(
                f"Demo-Inhalte angelegt: {len(report.created)} neu, {report.existing} schon vorhanden."
            )
            # One line per kind ("Ziel", "Statusbericht", ...), not hundreds of lines.
            kinds = Counter(label.split(" ", 1)[0] for label in report.created)
            for kind, count in sorted(kinds.items()):
                self.stdout.write(f"  + {count} × {kind}")
        else:
            self.stdout.write(
                f"Nichts geändert: alle {report.existing} Demo-Inhalte sind schon vorhanden."
            )
