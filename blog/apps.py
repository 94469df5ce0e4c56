from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from common import page_shows

        from . import alerts, comments

        page_shows.shows("blog.post", "blog.category")
        comments.connect()
        connect_related()
        alerts.connect()


def connect_related() -> None:
    """Theme and goal pages list the published posts about them (neither imports blog)."""
    from common import related
    from dialog.models import Theme
    from goals.models import Goal

    related.register(
        Theme, "Aus dem Blog", lambda theme: theme.posts.published().order_by("-published_at")
    )
    related.register(
        Goal,
        "Aus dem Blog",
        lambda goal: goal.posts.published().order_by("-published_at"),
        date=lambda post: post.published_at,
        anchor="beitraege-zum-ziel",
    )
