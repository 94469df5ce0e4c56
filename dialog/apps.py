from django.apps import AppConfig


class DialogConfig(AppConfig):
    name = "dialog"
    verbose_name = "Dialog und Beteiligung"

    def ready(self):
        from . import phase_content
        from .models import Theme

        # A theme is discussed in its own phase; its comments count per theme.
        phase_content.register(
            Theme,
            phases_of=lambda theme: [theme.phase],
            objects_of=lambda phase: Theme.objects.filter(phase=phase),
            group="title",
            group_name="Dialogthema",
        )
