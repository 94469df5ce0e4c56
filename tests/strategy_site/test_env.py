"""Configuration from environment variables: good values, malformed ones, production mode."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from strategy_site.env import database_from_url, envbool, envint, envlist, redis_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False)]
)
def test_envbool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert envbool("X_FLAG", not expected) is expected


def test_envbool_rejects_other_words_naming_the_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='vielleicht' is not a boolean"):
        envbool("X_FLAG", False)


def test_envbool_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert envbool("X_FLAG", True) is True


def test_envint_parses_and_checks_minimum(monkeypatch):
    monkeypatch.setenv("X_NUM", "42")
    assert envint("X_NUM", 1, minimum=0) == 42
    monkeypatch.setenv("X_NUM", "zehn")
    with pytest.raises(ImproperlyConfigured, match="X_NUM='zehn' is not an integer"):
        envint("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "-1")
    with pytest.raises(ImproperlyConfigured, match="must be at least 0"):
        envint("X_NUM", 1, minimum=0)


def test_envlist_splits_and_trims(monkeypatch):
    monkeypatch.setenv("X_HOSTS", " a.example , b.example,, ")
    assert envlist("X_HOSTS", []) == ["a.example", "b.example"]


def test_database_url_postgres_is_translated():
    db = database_from_url(
        "DATABASE_URL", "postgres://user:p%40ss@db.example:6543/strategie?sslmode=require", 60
    )
    assert db == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "strategie",
        "USER": "user",
        "PASSWORD": "p@ss",
        "HOST": "db.example",
        "PORT": "6543",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"sslmode": "require"},
    }


def test_database_url_sqlite_absolute_path():
    assert database_from_url("DATABASE_URL", "sqlite:////tmp/x.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/x.sqlite3",
    }


@pytest.mark.parametrize(
    "url", ["mysql://root@localhost/db", "postgres://localhost", "postgres://h:port/db", "kaputt"]
)
def test_database_url_malformed_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL="):
        database_from_url("DATABASE_URL", url)


def test_redis_url_must_be_redis():
    assert redis_url("REDIS_URL", "redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL='http://x' is not a redis:// URL"):
        redis_url("REDIS_URL", "http://x")


def run_manage(*args, **env):
    """Run manage.py in a fresh process with only the given DJANGO_/DATABASE_ variables."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def setting_in_fresh_process(expression, **env):
    code = f"from django.conf import settings; print({expression})"
    result = run_manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_malformed_value_stops_the_start_naming_the_variable():
    result = run_manage("check", DJANGO_DEBUG="jein")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='jein' is not a boolean" in result.stderr


def test_malformed_database_url_stops_the_start():
    result = run_manage("check", DATABASE_URL="oracle://x/y")
    assert result.returncode != 0
    assert "DATABASE_URL='oracle://x/y' is not supported" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_VAR_DIR=str(tmp_path),
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="1",
        DJANGO_SECRET_KEY="x7#kP2!vQ9zL@m4Rt8&wY1^nB6*cF3(hJ0)sD5-gAeeeeeeeeeeeeeeeeeeee",
        DJANGO_ALLOWED_HOSTS="digitalstrategie.nrw",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_smtp_mails_are_written_to_var_mail_at_once(tmp_path):
    backend = setting_in_fresh_process(
        "settings.EMAIL_BACKEND, settings.POST_OFFICE['BACKENDS']['default'], "
        "settings.EMAIL_FILE_PATH, settings.POST_OFFICE['DEFAULT_PRIORITY']",
        DJANGO_VAR_DIR=str(tmp_path),
    )
    assert backend == (
        "common.mail_queue.EmailBackend django.core.mail.backends.filebased.EmailBackend "
        f"{tmp_path / 'mail'} now"
    )


def test_smtp_settings_select_smtp_behind_the_queue_and_a_worker():
    backend = setting_in_fresh_process(
        "settings.POST_OFFICE['BACKENDS']['default'], settings.EMAIL_HOST, settings.EMAIL_PORT, "
        "settings.POST_OFFICE['DEFAULT_PRIORITY']",
        EMAIL_HOST="mail.example",
        EMAIL_PORT="2525",
    )
    assert backend == "django.core.mail.backends.smtp.EmailBackend mail.example 2525 medium"


def test_unknown_mail_queue_mode_refuses_to_start():
    result = run_manage("check", MAIL_QUEUE="sofort")
    assert result.returncode != 0
    assert "MAIL_QUEUE='sofort': use 'worker' or 'now'." in result.stderr


def test_redis_url_selects_shared_cache():
    cache = setting_in_fresh_process(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert setting_in_fresh_process("settings.CACHES['default']['BACKEND']", REDIS_URL="") == (
        "strategy_site.file_cache.SharedFileCache"
    )


def test_importing_settings_writes_no_files(tmp_path):
    var_dir = tmp_path / "var"
    key = setting_in_fresh_process("bool(settings.SECRET_KEY)", DJANGO_VAR_DIR=str(var_dir))
    assert key == "True"
    assert not var_dir.exists()


def test_prepare_var_creates_the_directory_and_a_key_settings_then_use(tmp_path):
    var_dir = tmp_path / "var"
    result = run_manage("prepare_var", DJANGO_VAR_DIR=str(var_dir))
    assert result.returncode == 0, result.stderr
    stored = (var_dir / "secret-key").read_text().strip()
    assert len(stored) >= 50
    used = setting_in_fresh_process("settings.SECRET_KEY", DJANGO_VAR_DIR=str(var_dir))
    assert used == stored


def test_https_without_secret_key_refuses_to_start(tmp_path):
    # A key file from a demo run must not be picked up in production either.
    run_manage("prepare_var", DJANGO_VAR_DIR=str(tmp_path))
    result = run_manage("check", DJANGO_VAR_DIR=str(tmp_path), DJANGO_HTTPS="1")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set; with DJANGO_HTTPS=1 it is required" in result.stderr


def gunicorn_config(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_gunicorn_trusts_the_same_proxies_as_django():
    result = gunicorn_config(
        "--print-config", "strategy_site.wsgi", DJANGO_TRUSTED_PROXIES="10.0.0.1, 10.0.0.2"
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("forwarded_allow_ips"))
    assert line.split("=", 1)[1].strip() == "['10.0.0.1', '10.0.0.2']"


def test_gunicorn_malformed_thread_count_names_the_variable():
    result = gunicorn_config("--check-config", "strategy_site.wsgi", GUNICORN_THREADS="vier")
    assert result.returncode != 0
    assert "GUNICORN_THREADS='vier' is not an integer" in result.stderr


def test_sqlite_connections_keep_their_statistics_current():
    """Every new SQLite connection runs PRAGMA optimize (a fresh process reads the setting)."""
    assert (
        setting_in_fresh_process(
            "settings.DATABASES['default']['OPTIONS'].get('init_command')",
            DATABASE_URL="sqlite:////tmp/dsnrw-optimize.sqlite3",
        )
        == "PRAGMA optimize;"
    )
