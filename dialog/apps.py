from django.apps import AppConfig


class DialogConfig(AppConfig):
    name = "dialog"
    verbose_name = "Dialog und Beteiligung"

    def ready(self):
        from django_comments.signals import comment_was_posted
        from django_comments_xtd import views as xtd_views
        from django_comments_xtd.models import TmpXtdComment

        from . import alerts, commentable, phase_content
        from .models import Theme
        from .theme_comments import theme_phases, theme_policy

        # The package's receiver stores staff comments and mails confirmation
        # links, and also mails every follower of the page about any comment.
        # Our post view does the first two itself and notifies only the
        # authors a reply answers (dialog.notifications).
        comment_was_posted.disconnect(xtd_views.on_comment_was_posted, sender=TmpXtdComment)

        # A theme has its own thread, open while its phase runs; its comments
        # count towards that phase, per theme.
        commentable.register(Theme, policy=theme_policy())
        phase_content.register(
            Theme,
            phases_of=theme_phases,
            objects_of=lambda phase: Theme.objects.filter(phase=phase),
            group="title",
            group_name="Dialogthema",
            order="position",
        )
        alerts.connect()
