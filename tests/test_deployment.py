"""docs/deployment.md works as written: what it tells an operator to type exists.

An operator copies the doc's commands and the units in deploy/ onto an empty server.
Every `manage.py` command they name must exist and accept exactly the arguments shown
(parsed by the command's own parser, nothing is run); every unit the doc names must be
in deploy/systemd/; every environment variable the doc, the units and the example
environment file set must be one the application reads.
"""

import re
import shlex
from configparser import ConfigParser
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class
from django.core.management.base import CommandError

from tests.test_readme_env import READ, SKIP

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deployment.md"
DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
ENV_EXAMPLE = DEPLOY / "dsnrw.env.example"
APP = "/srv/dsnrw/app"

# What a first install, the timers and a restore cannot do without.
NEEDED_COMMANDS = {
    "migrate",
    "compilemessages",
    "collectstatic",
    "sync_staff_groups",
    "createsuperuser",
    "mail_worker",
    "send_alert_digest",
    "anonymize_comments",
    "anonymize_alerts",
    "purge_unconfirmed",
    "clearsessions",
}
# Names in capitals the doc shows that are Django settings, not environment variables.
SETTINGS_NOT_ENVIRONMENT = {"POST_OFFICE", "BATCH_SIZE", "STATIC_ROOT"}
MANAGE = re.compile(r"manage\.py\s+([^`\n]*)")


def unit_files():
    return sorted(path for path in UNITS.iterdir() if path.suffix in {".service", ".timer"})


def read_unit(path):
    parser = ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys keep their case (ExecStart, not execstart)
    parser.read_string(path.read_text())
    return parser


def manage_calls():
    """(where, command, arguments) for every `manage.py …` in the doc, units and scripts."""
    sources = [DOC, DEPLOY / "dsnrw-run", *unit_files()]
    calls = []
    for source in sources:
        for line in source.read_text().splitlines():
            for found in MANAGE.finditer(line):
                words = shlex.split(found.group(1), comments=True)
                # A shell line may go on after the command (`&& …`, `| …`, `# …`).
                for stop in ("&&", "||", "|", ";"):
                    if stop in words:
                        words = words[: words.index(stop)]
                if words:
                    calls.append((source.relative_to(ROOT), words[0], words[1:]))
    return calls


def test_the_doc_and_units_name_every_command_an_install_needs():
    named = {command for _, command, _ in manage_calls()}
    assert named >= NEEDED_COMMANDS, f"not shown: {sorted(NEEDED_COMMANDS - named)}"


@pytest.mark.parametrize(
    ("where", "command", "arguments"),
    manage_calls(),
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_every_command_shown_exists_and_accepts_its_arguments(where, command, arguments):
    commands = get_commands()
    assert command in commands, f"{where}: manage.py {command} does not exist"
    parser = load_command_class(commands[command], command).create_parser("manage.py", command)
    try:
        parser.parse_args(arguments)
    except CommandError as error:  # Django's parser raises instead of exiting
        pytest.fail(f"{where}: manage.py {command} {' '.join(arguments)}: {error}")


def test_anonymize_comments_as_shown_needs_its_retention_and_keeps_links_valid():
    """The old doc showed it without `--older-than`, which fails; a value below the
    confirmation links' lifetime would erase addresses of comments still to be confirmed."""
    from django.conf import settings

    parser = load_command_class("dialog", "anonymize_comments").create_parser(
        "manage.py", "anonymize_comments"
    )
    with pytest.raises(CommandError, match="--older-than"):
        parser.parse_args([])
    shown = [args for _, command, args in manage_calls() if command == "anonymize_comments"]
    assert shown
    for arguments in shown:
        days = parser.parse_args(arguments).older_than
        assert days >= settings.CONFIRMATION_LINK_DAYS


def test_every_unit_the_doc_names_is_in_the_repository():
    doc = DOC.read_text()
    named = set(re.findall(r"\b(dsnrw-[a-z][a-z-]*\.(?:service|timer))\b", doc))
    # `systemctl restart dsnrw-gunicorn dsnrw-mail-worker`: a bare name is a service.
    for line in re.findall(r"systemctl [^\n`]*", doc):
        for word in line.split():
            if re.fullmatch(r"dsnrw-[a-z][a-z-]*", word):
                named.add(f"{word}.service")
    assert {"dsnrw-gunicorn.service", "dsnrw-mail-worker.service"} <= named
    present = {path.name for path in unit_files()}
    assert named - present == set(), "named in docs/deployment.md, missing in deploy/systemd/"
    # And the doc tells how to start every timer the repository ships.
    assert {name for name in present if name.endswith(".timer")} <= named


def test_services_run_as_the_app_user_from_the_checkout_with_the_environment_file():
    for path in unit_files():
        if path.suffix != ".service":
            continue
        service = read_unit(path)["Service"]
        assert service["User"] == "dsnrw", path.name
        assert service["WorkingDirectory"] == APP, path.name
        assert service["EnvironmentFile"] == "/etc/dsnrw/dsnrw.env", path.name
        assert service["ExecStart"].split()[0] in {
            "/usr/bin/env",
            f"{APP}/.venv/bin/python",
            f"{APP}/.venv/bin/gunicorn",
        }, path.name


def test_long_running_services_restart_and_jobs_have_no_statement_timeout():
    gunicorn = read_unit(UNITS / "dsnrw-gunicorn.service")["Service"]
    worker = read_unit(UNITS / "dsnrw-mail-worker.service")["Service"]
    assert gunicorn["Restart"] == worker["Restart"] == "always"
    assert "gunicorn -c gunicorn.conf.py strategy_site.wsgi" in gunicorn["ExecStart"]
    assert worker["ExecStart"].endswith("manage.py mail_worker")
    timers = [path for path in unit_files() if path.suffix == ".timer"]
    assert len(timers) == 5
    for timer in timers:
        assert read_unit(timer)["Timer"]["OnCalendar"], timer.name
        service = read_unit(timer.with_suffix(".service"))["Service"]
        assert service["Type"] == "oneshot"
        # Set in ExecStart, after EnvironmentFile: systemd lets the file override
        # Environment=, so only this placement guarantees no 10-s limit for the job.
        assert service["ExecStart"].startswith("/usr/bin/env DATABASE_STATEMENT_TIMEOUT_MS=0 ")


def test_the_statement_timeout_switch_the_jobs_use_really_switches_it_off():
    from strategy_site.env import database_from_url, with_timeouts

    url = "postgres://dsnrw@db/dsnrw"
    web = with_timeouts(database_from_url("DATABASE_URL", url), 3, 10000)
    job = with_timeouts(database_from_url("DATABASE_URL", url), 3, 0)
    assert web["OPTIONS"]["options"] == "-c statement_timeout=10000"
    assert "options" not in job["OPTIONS"]


def environment_names_shown():
    """Environment variables the doc, the units, the example file and dsnrw-run set or name."""
    names = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#"):
            names.setdefault(line.split("=", 1)[0], ENV_EXAMPLE.name)
    for path in [DEPLOY / "dsnrw-run", *unit_files()]:
        for name in re.findall(r"\b([A-Z][A-Z0-9_]+)=", path.read_text()):
            names.setdefault(name, path.name)
    doc = DOC.read_text()
    for name in re.findall(r"`\$?\{?([A-Z][A-Z0-9]*_[A-Z0-9_]+)", doc) + re.findall(
        r"\$\{?([A-Z][A-Z0-9_]+)", doc
    ):
        names.setdefault(name, DOC.name)
    return names


def test_every_environment_variable_shown_is_read_by_the_application():
    read = set()
    for path in ROOT.rglob("*.py"):
        # Not the benchmark's own variables (scripts/): those are no production setting.
        if not (SKIP | {"scripts"}) & set(path.relative_to(ROOT).parts):
            read.update(READ.findall(path.read_text()))
    shown = environment_names_shown()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_VAR_DIR"} <= set(shown)
    unknown = {
        name: where
        for name, where in shown.items()
        if name not in read and name not in SETTINGS_NOT_ENVIRONMENT
    }
    assert unknown == {}


def test_the_example_environment_file_is_plain_systemd_syntax():
    for line in ENV_EXAMPLE.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Z][A-Z0-9_]*", name), line
        assert not value.startswith(("'", '"')), line
