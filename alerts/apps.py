from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Benachrichtigungen per E-Mail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from common import confirmation, page_shows
        from common.mail import delivery_failed, delivery_succeeded

        from . import links, own_data
        from .digest import on_delivery_failed, on_delivery_succeeded

        # The newsletter archive; subscriptions and manage links are on no page.
        page_shows.shows("alerts.newsletter")
        confirmation.register_purge("unbestätigte Abonnements", links.purge_unconfirmed_requests)
        confirmation.register_purge("abgelaufene Verwaltungslinks", links.purge_manage_links)
        own_data.register()

        delivery_failed.connect(on_delivery_failed, dispatch_uid="alerts.delivery_failed")
        delivery_succeeded.connect(on_delivery_succeeded, dispatch_uid="alerts.delivered")
