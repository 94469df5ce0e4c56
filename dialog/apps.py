from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class DialogConfig(AppConfig):
    name = "dialog"
    verbose_name = "Dialog und Beteiligung"

    def ready(self):
        from common import confirmation, page_shows
        from dialog import theme_comments
        from dialog.comments import counts, own_data, pending
        from dialog.comments.xtd import TmpXtdComment, comment_was_posted
        from dialog.comments.xtd import views as xtd_views
        from dialog.participation import alerts
        from dialog.statements import own_data as own_statements
        from dialog.statements import workflow

        # The package's receiver stores staff comments and mails confirmation
        # links, and also mails every follower of the page about any comment.
        # Our post view does the first two itself and notifies only the
        # authors a reply answers (dialog.comments.notifications).
        disconnect_package_receiver(comment_was_posted, xtd_views, TmpXtdComment)

        theme_comments.connect()
        alerts.connect()
        counts.connect()
        own_data.register()
        own_statements.register()
        workflow.connect()
        confirmation.register_purge("unbestätigte Kommentare", pending.purge_expired)
        confirmation.register_purge("unbestätigte Stellungnahmen", workflow.purge_unconfirmed)
        declare_shown_rows(page_shows)


def declare_shown_rows(page_shows) -> None:
    """What phase, theme, event and comment pages show (the page cache renews on their
    changes). A statement and its targets count once published: an unconfirmed or waiting
    one, sent by any visitor, is on no page. Pending comments, reports and mute links are on
    none either; a confirmed comment is (and every release or hiding renews pages too)."""
    page_shows.shows(
        "dialog.phase",
        "dialog.theme",
        "dialog.event",
        "dialog.eventseries",
        "django_comments_xtd.xtdcomment",
        "dialog.commentcount",
        "dialog.commentdecision",
        "dialog.commentmoderation",
        "dialog.commentoptions",
        "dialog.commentsender",
        "dialog.authorchange",
        "dialog.statementdecision",
    )
    # Comments sit by the dozen on their target's page: a page is about the target.
    page_shows.items("django_comments_xtd.xtdcomment")
    page_shows.shows("dialog.statement", when=lambda statement: statement.reviewed)
    page_shows.shows("dialog.statementtarget", when=lambda target: target.statement.reviewed)


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
