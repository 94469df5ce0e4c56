import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_service_pages(client):
    html = client.get("/suche/", {"q": "Ombudsstelle"}).content.decode()
    assert "1 Treffer für „Ombudsstelle“" in html
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in html


def test_search_keeps_the_query_and_escapes_it(client):
    html = client.get("/suche/", {"q": "<b>nichts</b>"}).content.decode()
    assert 'value="&lt;b&gt;nichts&lt;/b&gt;"' in html
    assert "0 Treffer" in html


def test_too_short_query_is_explained(client):
    html = client.get("/suche/", {"q": "a"}).content.decode()
    assert "Bitte geben Sie mindestens 2 Zeichen ein." in html
