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
