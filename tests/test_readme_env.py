"""Operations docs match the code: every environment variable read anywhere is in README.md.

The scan covers our typed readers (envstr/envbool/envint/envlist/envlimit) and raw
os.environ/os.getenv reads in all Python files outside tests and the virtualenv.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ = re.compile(
    r"""(?:env(?:str|bool|int|list|limit)\(|os\.environ\.get\(|os\.getenv\(|os\.environ\[)\s*["']([A-Z][A-Z0-9_]+)["']"""
)
SKIP = {".venv", "tests", "build", "var", "node_modules"}
# Set by manage.py/wsgi.py for Django itself, not an operator's setting.
NOT_CONFIGURATION = {"DJANGO_SETTINGS_MODULE"}


def variables_read_in_code():
    found = {}
    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for name in READ.findall(path.read_text()):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_reads_of_every_kind():
    found = variables_read_in_code()
    # settings.py (typed helper), gunicorn.conf.py, scripts/bench.py (raw os.environ).
    assert {"DJANGO_SECRET_KEY", "GUNICORN_THREADS", "BENCH_SECONDS"} <= set(found)


def test_every_environment_variable_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text()
    missing = {
        name: where
        for name, where in variables_read_in_code().items()
        if name not in NOT_CONFIGURATION and f"`{name}`" not in readme
    }
    assert not missing, f"Not in README.md's table: {missing}"
