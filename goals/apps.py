from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Strategie und Ziele"

    def ready(self):
        from . import alerts, comments, dialog_links
        from .priorities import views as priorities
        from .text import commenting as text_commenting

        comments.connect()
        comments.register_decision_results()
        comments.register_statement_targets()
        text_commenting.connect()
        dialog_links.connect()
        alerts.connect()
        priorities.connect()
