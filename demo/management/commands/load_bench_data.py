"""`manage.py load_bench_data`: the demo plus the large data set of `make bench` (demo/bench.py).

Meant for a database of its own (`make bench` uses one); a second run adds only
what is missing.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo import bench
from strategy_site.models import SearchEntry


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte und den großen Datensatz für make bench (idempotent)."

    def handle(self, *args, **options):
        call_command("load_demo", stdout=StringIO())
        added = bench.load(report=lambda line: self.stdout.write(f"  {line}"))
        if added or not SearchEntry.objects.filter(kind="kommentar").exists():
            # Bulk inserts send no signals: the index learns of them here.
            call_command("rebuild_search_index", stdout=self.stdout)
            self._analyse()

    def _analyse(self):
        # Fresh statistics after bulk inserts, so the planner knows the tables' sizes.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA optimize")
        self.stdout.write("Statistiken der Datenbank aktualisiert (ANALYZE).")
