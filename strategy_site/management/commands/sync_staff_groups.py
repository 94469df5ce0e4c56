"""Explicit reset of the staff groups' rights to the defaults in strategy_site/groups.py.

`migrate` only creates missing groups and never touches existing ones; after a
release with new models, or to undo manual changes, an operator runs this.
"""

from django.core.management.base import BaseCommand

from strategy_site.groups import sync_staff_groups


class Command(BaseCommand):
    help = "Setzt die Rechte der Gruppen Redaktion und Moderation auf die Vorgaben zurück."

    def handle(self, *args, **options):
        for name, added, removed in sync_staff_groups():
            self.stdout.write(f"{name}: {added} Rechte ergänzt, {removed} entzogen.")
