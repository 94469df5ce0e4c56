"""DOWNLOADS_MAX_UPLOAD_MB: 50 by default, configurable, a bad value stops the start."""

from tests.strategy_site.test_env import run_manage, setting_in_fresh_process


def test_upload_limit_defaults_to_50_mb(tmp_path):
    limit = setting_in_fresh_process(
        "settings.DOWNLOADS_MAX_UPLOAD_MB", DJANGO_VAR_DIR=str(tmp_path)
    )
    assert limit == "50"


def test_upload_limit_comes_from_the_environment(tmp_path):
    limit = setting_in_fresh_process(
        "settings.DOWNLOADS_MAX_UPLOAD_MB",
        DJANGO_VAR_DIR=str(tmp_path),
        DOWNLOADS_MAX_UPLOAD_MB="120",
    )
    assert limit == "120"


def test_malformed_upload_limit_stops_the_start(tmp_path):
    for raw, message in [
        ("50MB", "DOWNLOADS_MAX_UPLOAD_MB='50MB' is not an integer."),
        ("0", "DOWNLOADS_MAX_UPLOAD_MB='0' must be at least 1."),
    ]:
        result = run_manage("check", DJANGO_VAR_DIR=str(tmp_path), DOWNLOADS_MAX_UPLOAD_MB=raw)
        assert result.returncode != 0
        assert message in result.stderr
