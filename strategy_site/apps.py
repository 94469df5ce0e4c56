from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StrategySiteConfig(AppConfig):
    name = "strategy_site"
    verbose_name = "Website"

    def ready(self):
        from .groups import sync_staff_groups

        # Runs after every app's migrations, so permissions of apps added
        # later are picked up without a new data migration.
        post_migrate.connect(sync_staff_groups, dispatch_uid="sync_staff_groups")
