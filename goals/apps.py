from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Strategie und Ziele"

    def ready(self):
        from .dialog_links import connect

        connect()
