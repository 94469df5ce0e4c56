from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from dialog import commentable

        from . import alerts
        from .comments import policy
        from .models import Post

        commentable.register(Post, policy=policy())
        connect_dialog()
        alerts.connect()


def connect_dialog() -> None:
    """Theme pages list the published posts about them (dialog does not import blog)."""
    from dialog import related
    from dialog.models import Theme

    related.register(
        Theme, "Aus dem Blog", lambda theme: theme.posts.published().order_by("-published_at")
    )
