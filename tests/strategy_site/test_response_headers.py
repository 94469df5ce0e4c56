"""Every dynamic answer says how long it may be kept, and public ones travel compressed
(strategy_site/response_headers.py)."""

import gzip

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from strategy_site.response_headers import PUBLIC

pytestmark = pytest.mark.django_db

# A page, a feed, a calendar file, the sitemap and an open-data file, from the demo.
PUBLIC_ANSWERS = [
    "/strategie/2-0/",
    "/umsetzung/feed/",
    "/veranstaltungen.ics",
    "/sitemap-strategie.xml",
    "/daten/ziele.csv",
]


@pytest.fixture
def reader():
    return Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")


@pytest.mark.parametrize("path", PUBLIC_ANSWERS)
def test_public_answers_revalidate_by_etag_and_come_compressed(reader, demo, path):
    response = reader.get(path)
    assert response.status_code == 200, path
    assert response["Cache-Control"] == PUBLIC
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(response.content)
    assert len(response.content) < len(body)
    plain = Client().get(path)  # a client that does not ask for gzip gets plain text
    assert not plain.has_header("Content-Encoding") and plain.content == body
    again = reader.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_staff_and_admin_answers_are_private_and_never_compressed(reader, demo):
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    reader.force_login(editor)
    for path in ("/admin/", "/admin/goals/goal/", "/strategie/2-0/"):
        response = reader.get(path)
        assert response.status_code == 200, path
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        # A page with the CSRF token never goes through gzip (BREACH).
        assert not response.has_header("Content-Encoding"), path


def test_a_page_under_a_mailed_token_keeps_its_own_rule_and_travels_plain(reader, demo):
    response = reader.get("/kommentare/bestaetigen/ein-unbekannter-link/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("Content-Encoding")


def test_kept_pages_carry_the_same_header(reader, demo, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    reader.get("/umsetzung/")
    kept = reader.get("/umsetzung/")
    assert kept.get("X-Page-Cache") == "hit"
    assert kept["Cache-Control"] == PUBLIC and kept["Content-Encoding"] == "gzip"
