"""Two gunicorn app servers on one PostgreSQL database and one Redis, as in production:
a comment confirmed through A shows at once on B, a page kept on B is fresh after an
edit in the admin on A, rate limits count across both, an admin session from A works
on B. Runs where CI runs it: with REDIS_URL and a PostgreSQL DATABASE_URL."""

import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.flatpages.models import FlatPage
from django.db import connection
from django.utils import timezone

from blog.models import Category
from dialog.models import Phase
from goals.models import FieldOfAction, Goal, StrategyVersion
from tests.dialog.helpers import form_data

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = [
    pytest.mark.skipif(
        not (REDIS_URL and os.environ.get("DATABASE_URL", "").startswith("postgres")),
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (CI sets both)",
    ),
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A visitor with a cookie jar (cookies belong to the host, not the port)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url):
        with self.opener.open(url, timeout=20) as response:
            return response.headers, response.read().decode()

    def post(self, url, data):
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(url, body, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), "")


@pytest.fixture
def servers():
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    started, urls = [], []
    for _ in range(2):
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "PAGE_CACHE_SECONDS": "300",
            "MAIL_QUEUE": "now",
            "PORT": str(port),
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "2",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        started.append(
            subprocess.Popen(
                [
                    str(ROOT / ".venv/bin/gunicorn"),
                    "-c",
                    "gunicorn.conf.py",
                    "--access-logfile",
                    "/dev/null",
                    "strategy_site.wsgi",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            _wait(url)
        yield urls
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=20)


def _wait(url, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not start")


@pytest.fixture
def goal():
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    field = FieldOfAction.objects.create(version=version, number="1", title="Netz", slug="netz")
    phase = Phase.objects.create(
        title="Mitdiskutieren",
        slug="mitdiskutieren",
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=timezone.now() + datetime.timedelta(days=10),
    )
    version.phases.add(phase)
    return Goal.objects.create(field=field, number=1, title="Glasfaser", horizon="kurzfristig")


def test_two_app_servers_share_comments_cache_rate_limits_and_sessions(servers, goal, settings):
    from post_office.models import Email

    a, b = servers
    page = f"/strategie/2-0/ziele/{goal.number}/"
    reader = Browser()

    # A page kept on B ...
    reader.get(b + page)
    headers, _ = reader.get(b + page)
    assert headers["X-Page-Cache"] == "hit"
    # ... shows a comment confirmed through A at once.
    status, _ = Browser().post(
        a + "/kommentare/senden/", form_data(goal, comment="Zwei Server, ein Stand.")
    )
    assert status == 200
    mail = Email.objects.filter(to__contains="paula@example.org").latest("id")
    link = re.search(r"https?://[^\s]+(/kommentare/bestaetigen/[^\s]+)", mail.message).group(1)
    visitor = Browser()
    visitor.get(a + link)  # the link's page, then its button
    status, _ = visitor.post(a + link, {})
    assert status == 200
    headers, html = reader.get(b + page)
    assert "Zwei Server, ein Stand." in html
    assert headers.get("X-Page-Cache") is None

    # An admin session made on A works on B.
    # The servers check passwords with the production hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    editor = _editor()
    staff = Browser()
    staff.get(a + "/admin/login/")
    status, _ = staff.post(
        a + "/admin/login/?next=/admin/",
        {
            "username": editor.username,
            "password": "ein-langes-Passwort-2026",
            "csrfmiddlewaretoken": staff.cookie("csrftoken"),
            "next": "/admin/",
        },
    )
    _, admin_on_b = staff.get(b + "/admin/")
    assert "Inhalte und Moderation" in admin_on_b

    # A page kept on B is fresh after an edit in the admin on A.
    category = Category.objects.create(name="Erfolgsgeschichten", slug="erfolge")
    reader.get(b + "/blog/kategorie/erfolge/")
    headers, _ = reader.get(b + "/blog/kategorie/erfolge/")
    assert headers["X-Page-Cache"] == "hit"
    _, form = staff.get(a + f"/admin/blog/category/{category.pk}/change/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    status, _ = staff.post(
        a + f"/admin/blog/category/{category.pk}/change/",
        {"name": "Geschichten vom Gelingen", "slug": "erfolge", "description": "",
         "csrfmiddlewaretoken": token},
    )  # fmt: skip
    _, html = reader.get(b + "/blog/kategorie/erfolge/")
    assert "Geschichten vom Gelingen" in html

    # Rate limits count across both: five feedback messages an hour from one address.
    FlatPage.objects.get_or_create(
        url="/barrierefreiheit/", defaults={"title": "Barrierefreiheit", "content": "<p>x</p>"}
    )[0].sites.add(settings.SITE_ID)
    answers = []
    for n in range(6):
        server = (a, b)[n % 2]
        status, html = Browser().post(
            server + "/barrierefreiheit/",
            {"name": "N", "email": f"n{n}@example.org", "message": f"Hinweis {n}", "page": "/"},
        )
        answers.append("schon 5 Rückmeldungen" in html)
    assert answers == [False] * 5 + [True]


def _editor():
    from django.contrib.auth import get_user_model

    # A superuser: the groups' rights are gone after the flushes of earlier tests.
    return get_user_model().objects.create_superuser(
        "erika.redaktion", "erika@example.org", "ein-langes-Passwort-2026"
    )
