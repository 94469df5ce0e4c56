from django.apps import AppConfig


class DialogConfig(AppConfig):
    name = "dialog"
    verbose_name = "Dialog und Beteiligung"

    def ready(self):
        from django_comments.signals import comment_was_posted
        from django_comments_xtd import views as xtd_views
        from django_comments_xtd.models import TmpXtdComment

        # The package's receiver stores staff comments and mails confirmation
        # links, and also mails every follower of the page about any comment.
        # Our post view does the first two itself and notifies only the
        # authors a reply answers (dialog.notifications).
        comment_was_posted.disconnect(xtd_views.on_comment_was_posted, sender=TmpXtdComment)
