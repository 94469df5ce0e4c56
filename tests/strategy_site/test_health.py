import json
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_remembered_failure():
    from common import middleware

    middleware.last_database_failure = 0.0
    yield
    middleware.last_database_failure = 0.0


def test_healthz_answers_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_database_is_down(client):
    with mock.patch(
        "strategy_site.views.health.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "error",
        "database": "unavailable",
        "cache": "ok",
    }


def test_healthz_says_the_cache_is_degraded_when_redis_is_down(client, settings, monkeypatch):
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    monkeypatch.setattr("strategy_site.views.health.cache", caches.create_connection("default"))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
    }


def database_gone():
    return mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection timeout expired"),
    )


def test_pages_answer_a_plain_german_503_while_the_database_is_gone(client):
    with database_gone():
        response = client.get("/umsetzung/")
        html = response.content.decode()
        assert response.status_code == 503 and response["Retry-After"] == "60"
        assert "Die Website ist gerade nicht vollständig erreichbar" in html
        # /healthz remembers the failure and answers at once, without trying again.
        assert client.get("/healthz").status_code == 503


def test_static_files_are_served_while_the_database_is_gone(client):
    from django.contrib.staticfiles.storage import staticfiles_storage

    with database_gone():
        response = client.get(staticfiles_storage.url("css/site.css"))
    assert response.status_code == 200
    assert b".status" in b"".join(response.streaming_content)


def test_postgresql_connections_give_up_quickly():
    from strategy_site.env import database_from_url, with_timeouts

    pg = with_timeouts(database_from_url("X", "postgres://u@h/db"), 3, 10000)
    assert pg["OPTIONS"] == {"connect_timeout": 3, "options": "-c statement_timeout=10000"}
    # A URL's own choice wins; SQLite has no such options.
    own = with_timeouts(database_from_url("X", "postgres://u@h/db?connect_timeout=9"), 3, 0)
    assert own["OPTIONS"] == {"connect_timeout": "9"}
    assert "OPTIONS" not in with_timeouts(database_from_url("X", "sqlite:////tmp/x"), 3, 10000)


def test_a_server_error_is_mailed_to_the_admins_as_the_error_page_promises(
    client, settings, mailoutbox
):
    settings.ADMINS = [("betrieb@example.org", "betrieb@example.org")]
    client.raise_request_exception = False
    with mock.patch(
        "django.http.HttpRequest.build_absolute_uri", side_effect=ZeroDivisionError("kaputt")
    ):
        response = client.get("/robots.txt")
    assert response.status_code == 500
    assert "Wir wurden über den Fehler informiert." in response.content.decode()
    assert [m.to for m in mailoutbox] == [["betrieb@example.org"]]
    assert "ZeroDivisionError" in mailoutbox[0].body
