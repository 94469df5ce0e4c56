"""Whole-site checks: migrations complete, one h1 on every page."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from .pages import PUBLIC_PAGES


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"Missing migrations:\n{out.getvalue()}")


@pytest.mark.django_db
def test_every_page_has_exactly_one_h1(client):
    call_command("load_demo", stdout=StringIO())
    counts = {}
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        counts[url] = len(re.findall(r"<h1[\s>]", html))
    assert counts == dict.fromkeys(PUBLIC_PAGES, 1)


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert out.getvalue().startswith("Nichts geändert")


def test_demo_content_is_data_not_code():
    """Texts of the demo live in demo/data/ (CSV, Markdown, text files with a header), read by
    the loaders: no loader holds a text longer than a label (docstrings aside)."""
    import ast
    from pathlib import Path

    loaders = Path(__file__).resolve().parents[1] / "demo" / "loaders"
    long_texts = []
    for path in sorted(loaders.glob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        long_texts += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and len(node.value) > 60
        ]
    assert len(list(loaders.glob("*.py"))) > 5  # the scan sees the loaders
    assert long_texts == []
