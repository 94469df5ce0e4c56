from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialog.comments import commentable


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits live in the cache, which outlives a test; every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commentable_pages(settings, db):
    """Flat pages registered as commentable, shown at /kommentar-test/<slug>/ with their thread."""
    settings.ROOT_URLCONF = "tests.dialog.urls"
    commentable.register(FlatPage)
    yield
    commentable.unregister(FlatPage)


@pytest.fixture
def make_page(commentable_pages):
    def make(slug="ziel", title="Testziel Breitband"):
        target = FlatPage.objects.create(url=f"/kommentar-test/{slug}/", title=title, content="")
        target.sites.add(1)
        return target

    return make


@pytest.fixture
def target(make_page):
    return make_page()


@pytest.fixture
def add_comment():
    """Store a released comment directly (as if confirmed), with thread data computed."""
    counter = iter(range(1, 100000))

    def add(target, text="Ein Kommentar", name="Bürgerin", parent=None, **extra):
        n = next(counter)
        comment = XtdComment(
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            site_id=1,
            user_name=name,
            user_email=f"person{n}@example.org",
            comment=text,
            submit_date=extra.pop("submit_date", timezone.now() - timedelta(minutes=100000 - n)),
            parent_id=parent.pk if parent else 0,
            is_public=extra.pop("is_public", True),
            **extra,
        )
        comment.save()
        return comment

    return add


@pytest.fixture
def outbox():
    return mail.outbox
