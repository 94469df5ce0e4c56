from django.apps import AppConfig


class SelfServiceConfig(AppConfig):
    name = "selfservice"
    verbose_name = "Meine Beiträge"

    def ready(self):
        from common import confirmation

        from . import access

        confirmation.register_purge("abgelaufene Links zu „Meine Beiträge“", access.purge_expired)
