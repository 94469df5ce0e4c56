"""The blog topic "Neuigkeiten und Einladungen": every post whose publication time falls on the day.

Scheduled posts count on the day their time comes, because the digest asks
by publication time, not by when an editor saved them.
"""

from django.utils import timezone

from alerts import registry
from alerts.registry import Event

TOPIC = "news"
LABEL = "Neuigkeiten und Einladungen"


def post_events(start, end):
    from .models import Post

    posts = Post.objects.published().filter(
        published_at__gte=start, published_at__lt=min(end, timezone.now())
    )
    for post in posts.only("title", "slug", "published_at"):
        yield Event(TOPIC, f"Neuer Beitrag: {post.title}", post.get_absolute_url())


def connect() -> None:
    registry.register_topic(TOPIC, lambda rest: LABEL if not rest else None)
    registry.register_events(post_events)
