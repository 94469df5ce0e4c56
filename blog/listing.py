"""Posts for other pages (home), each in one query."""

from .models import Post

HOME_TEASER_COUNT = 3


def posts_for_home() -> list[Post]:
    return list(Post.objects.published()[:HOME_TEASER_COUNT])
