"""Only dialog/comments/xtd.py imports django-comments-xtd or django-comments."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "build", "tests", "migrations", "node_modules", "var", "static"}
IMPORT = re.compile(r"^\s*(from|import)\s+django_comments", re.MULTILINE)


def project_modules():
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def test_the_search_sees_the_boundary_module_itself():
    # Guards the test: if the walk missed files, the next test would pass vacuously.
    importing = [p for p in project_modules() if IMPORT.search(p.read_text())]
    assert ROOT / "dialog" / "comments" / "xtd.py" in importing


def test_no_other_module_imports_the_package():
    importing = {
        str(p.relative_to(ROOT)) for p in project_modules() if IMPORT.search(p.read_text())
    }
    # package_apps.py only subclasses the packages' AppConfigs (German names in the admin);
    # INSTALLED_APPS must name it before the registry is ready, so it cannot go through xtd.py.
    assert importing == {"dialog/comments/xtd.py", "strategy_site/package_apps.py"}


def test_the_package_private_create_comment_is_never_called():
    calling = [
        str(p.relative_to(ROOT)) for p in project_modules() if "._create_comment(" in p.read_text()
    ]
    assert calling == []
