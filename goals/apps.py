from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Strategie und Ziele"

    def ready(self):
        from dialog import commentable

        from . import alerts
        from .comments import policy
        from .dialog_links import connect
        from .models import Goal

        commentable.register(Goal, policy=policy())
        # After registering: adds the phase rule to the goal's comment policy.
        connect()
        from .text.commenting import connect as connect_text

        connect_text()
        alerts.connect()
