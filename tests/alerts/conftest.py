import re

import pytest
from django.core.cache import cache

from tests.dialog.factories import make_field, make_goal, make_version


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def goal(db):
    version = make_version()
    return make_goal(make_field(version), 3, "Breitband für alle Schulen")


def link_in(body: str, path: str) -> str:
    """The first link in a mail body that contains `path`, as a path on the site."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s\"<>]*)", body)
    assert match, f"no link to {path} in:\n{body}"
    return match.group(1)
