from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Category, Post


@pytest.fixture
def make_post(db):
    """A published post, by default one day old; override any field."""
    counter = iter(range(1, 10_000))

    def make(title=None, categories=(), **fields):
        number = next(counter)
        title = title or f"Beitrag {number}"
        defaults = {
            "slug": f"beitrag-{number}",
            "teaser": f"Anreißer von {title}",
            "body": f"<p>Text von {title}</p>",
            "status": Post.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=1),
        }
        post = Post.objects.create(title=title, **(defaults | fields))
        post.categories.set(categories)
        return post

    return make


@pytest.fixture
def draft(make_post):
    return make_post("Unfertiger Entwurf", slug="entwurf", status=Post.Status.DRAFT)


@pytest.fixture
def scheduled(make_post):
    return make_post(
        "Geplanter Beitrag", slug="geplant", published_at=timezone.now() + timedelta(days=3)
    )


@pytest.fixture
def category(db):
    return Category.objects.create(name="Mobilität", slug="mobilitaet")
