"""Build the search index anew from every public object (after an import, an upgrade,
or changes made around the admin, e.g. by SQL)."""

from django.core.management.base import BaseCommand

from strategy_site.models import SearchEntry
from strategy_site.search import index


class Command(BaseCommand):
    help = "Baut den Suchindex aus allen öffentlichen Inhalten neu auf."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Nur, wenn der Index noch leer ist (z. B. nach dem ersten Start).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and SearchEntry.objects.exists():
            self.stdout.write("Der Suchindex ist schon gefüllt.")
            return
        total = index.rebuild(report=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(f"Suchindex neu aufgebaut: {total} Einträge.")
