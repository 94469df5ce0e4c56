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


# Reading or writing the package's state flags, in a filter, an update, an
# attribute or a field dict: everything except the word in prose.
STATE_FLAG = re.compile(r"""(\.|\b|["'])(is_public|is_removed)\b(\s*=|["']|\)|\s+and|\s+or|$)""")
STATE_MODULE = "dialog/comments/state.py"


def _code_lines(path):
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            yield line


def _flag_users():
    return {
        str(p.relative_to(ROOT))
        for p in project_modules()
        if "blog" not in p.parts  # blog's own `is_public` means a published post
        and any(STATE_FLAG.search(line) for line in _code_lines(p))
    }


def test_the_flag_search_sees_the_state_module():
    # Guards the next test against a pattern that matches nothing.
    assert STATE_MODULE in _flag_users()


def test_only_the_state_module_reads_or_writes_the_comment_flags():
    assert _flag_users() == {STATE_MODULE}


# In a template: `comment.is_removed`, `c.is_public`, `{% if x.is_removed %}`.
TEMPLATE_FLAG = re.compile(r"\.(is_public|is_removed)\b")


def _templates_reading_flags():
    return {
        str(p.relative_to(ROOT))
        for p in (ROOT / "templates").rglob("*.*")
        if "blog" not in p.parts  # blog's own `is_public` means a published post
        and TEMPLATE_FLAG.search(p.read_text())
    }


def test_the_template_search_finds_a_flag_read():
    # Guards the next test against a pattern that matches nothing.
    assert TEMPLATE_FLAG.search("{% if comment.is_removed %}")
    assert TEMPLATE_FLAG.search("{{ c.is_public }}")
    assert not TEMPLATE_FLAG.search("{% if comment|is_hidden %}")


def test_templates_ask_the_state_filters_not_the_flags():
    assert _templates_reading_flags() == set()
