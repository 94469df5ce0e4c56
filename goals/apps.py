from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Strategie und Ziele"

    def ready(self):
        from dialog import commentable

        from .comments import policy
        from .models import Goal

        commentable.register(Goal, policy=policy())
