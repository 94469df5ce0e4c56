import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings

from tests.support.browser_client import BrowserClient
from tests.support.build import ensure_compiled_messages, static_root_for_tests
from tests.support.demo import take_snapshot

# Playwright's sync API runs an event loop in the test thread; ORM calls from
# live_server tests would otherwise raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionstart(session):
    """Plain `pytest` on a fresh checkout: the German messages are compiled before any test
    module is imported (a module may translate at import time, and Django keeps the first
    catalogue it reads for the whole process)."""
    ensure_compiled_messages()


@pytest.fixture(scope="session", autouse=True)
def _static_and_messages(tmp_path_factory):
    """Plain `pytest` on a fresh checkout: hashed static files present."""
    static_root = static_root_for_tests(tmp_path_factory.mktemp("static"))
    if static_root is None:
        yield
        return
    with override_settings(STATIC_ROOT=static_root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.fixture
def client():
    """Every test posts as a browser does: CSRF checked, the token from the form on the
    page, the site's Origin sent (tests/support/browser_client.py)."""
    return BrowserClient(enforce_csrf_checks=True)


@pytest.fixture
def admin_client(db, admin_user):
    client = BrowserClient(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """Each test its own empty in-process cache and no page cache, even where CI sets
    REDIS_URL (for the test with two app servers, which hands it to its servers):
    counters and kept pages of one test must not leak into the next."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 0
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _real_mail_queue(settings, tmp_path_factory):
    """Every mail of every test takes the site's own path (the queue backend and its
    row in post_office's table), delivered at once into `mail.outbox`. Django's test
    setup would hand mails straight to the outbox and skip the queue, which is how a
    second template rendering in the queue once went unnoticed. The sender's lock file
    is the test process's own: parallel test processes are not rival mail workers."""
    settings.EMAIL_BACKEND = "common.mail_queue.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
        "DEFAULT_PRIORITY": "now",
        "LOCK_FILE_NAME": str(tmp_path_factory.getbasetemp() / "mail-worker"),
    }


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads and demo files of a test land in its own folder, never in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATEMENTS_ROOT = tmp_path / "statements"
    settings.STORAGES = {
        **settings.STORAGES,
        "import_export": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "import-previews")},
        },
    }


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content of `make run`, built once per session (tests/support/demo.py)."""
    with django_db_blocker.unblock():
        return take_snapshot(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo content, restored into this test's database and media folder."""
    demo_snapshot.restore(settings.MEDIA_ROOT)


@pytest.fixture
def demo_content(transactional_db, demo_snapshot, settings):
    """The same for browser tests, whose live server needs committed rows."""
    demo_snapshot.restore(settings.MEDIA_ROOT)


@pytest.fixture
def make_staff(django_user_model):
    def make(username, group=None, **extra):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw", is_staff=True, **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def editor(make_staff):
    """A member of the Redaktion group."""
    return make_staff("erika.redaktion", "Redaktion")


@pytest.fixture
def moderator(make_staff):
    """A member of the Moderation group."""
    return make_staff("max.moderation", "Moderation")


@pytest.fixture
def outsider(django_user_model):
    """A logged-in account without staff rights."""
    return django_user_model.objects.create_user("olga", "olga@example.org", "pw")
