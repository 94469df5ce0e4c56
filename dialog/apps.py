from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class DialogConfig(AppConfig):
    name = "dialog"
    verbose_name = "Dialog und Beteiligung"

    def ready(self):
        from dialog.comments.xtd import TmpXtdComment, comment_was_posted
        from dialog.comments.xtd import views as xtd_views

        from . import alerts, commentable, phase_content
        from .models import Theme
        from .theme_comments import theme_phases, theme_policy

        # The package's receiver stores staff comments and mails confirmation
        # links, and also mails every follower of the page about any comment.
        # Our post view does the first two itself and notifies only the
        # authors a reply answers (dialog.notifications).
        disconnect_package_receiver(comment_was_posted, xtd_views, TmpXtdComment)

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


def disconnect_package_receiver(signal, xtd_views, sender):
    """Disconnect django-comments-xtd's own comment_was_posted receiver.

    If a package upgrade renamed or no longer connects that receiver, a silent
    no-op here would let the package mail every follower again; fail at start-up
    instead.
    """
    receiver = getattr(xtd_views, "on_comment_was_posted", None)
    if receiver is None:
        raise ImproperlyConfigured(
            "django_comments_xtd.views.on_comment_was_posted no longer exists; "
            "check dialog.apps against the installed django-comments-xtd."
        )
    if not signal.disconnect(receiver, sender=sender):
        raise ImproperlyConfigured(
            "django_comments_xtd.views.on_comment_was_posted was not connected to "
            "comment_was_posted for TmpXtdComment; check dialog.apps against the "
            "installed django-comments-xtd."
        )
