import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/", "/impressum/", "/barrierefreiheit/", "/gibt-es-nicht/", "/healthz"]
)
def test_every_response_carries_csp_and_secure_headers(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_reading_sets_no_cookie(client):
    for url in ["/", "/impressum/", "/suche/?q=Netiquette"]:
        assert client.get(url).cookies == {}, url


def test_forms_are_csrf_protected(settings):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/barrierefreiheit/", {"email": "a@example.org", "message": "Hallo"})
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.content.decode()


def test_static_files_have_hashed_names_compression_and_long_caching(client):
    html = client.get("/").content.decode()
    css_url = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css_url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Type"].startswith("text/css")
