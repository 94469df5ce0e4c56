import re

import pytest

from strategy_site.models import AccessibilityFeedback

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
    # Features the site never uses are denied; no feature the specification does not know
    # (Chromium logs "Unrecognized feature: 'interest-cohort'" on every page).
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"


def test_reading_sets_no_cookie(client):
    # Also pages that show a form: the accessibility statement with its feedback form.
    for url in ["/", "/impressum/", "/barrierefreiheit/", "/suche/?q=Netiquette"]:
        response = client.get(url)
        assert response.cookies == {}, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


FEEDBACK = {"email": "a@example.org", "message": "Kontrast zu schwach"}


def test_forged_cross_site_feedback_is_refused_and_nothing_stored():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/barrierefreiheit/", FEEDBACK, HTTP_ORIGIN="https://angreifer.example"
    )
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 0


def test_forged_feedback_by_referer_alone_is_refused():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/barrierefreiheit/", FEEDBACK, HTTP_REFERER="https://angreifer.example/formular"
    )
    assert response.status_code == 403
    assert AccessibilityFeedback.objects.count() == 0


def test_same_origin_feedback_without_cookie_is_accepted():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/barrierefreiheit/", FEEDBACK, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().message == "Kontrast zu schwach"


def test_signed_in_users_keep_the_full_csrf_token_check(editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert "csrfmiddlewaretoken" in strict.get("/barrierefreiheit/").content.decode()
    response = strict.post("/barrierefreiheit/", FEEDBACK, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 403
    assert AccessibilityFeedback.objects.count() == 0


def test_static_files_have_hashed_names_compression_and_long_caching(client):
    html = client.get("/").content.decode()
    css_url = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css_url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Type"].startswith("text/css")


@pytest.mark.django_db
def test_pages_do_not_vary_on_accept_language(client):
    """German is the only language: a cache must not keep one copy per browser language."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Accept-Language" not in response.get("Vary", "")
    assert '<html lang="de">' in response.content.decode()
    assert "Zum Inhalt springen" in response.content.decode()


def test_gunicorn_does_not_recycle_workers_under_load():
    """Worker recycling is rare and jittered (no restart storm under load)."""
    import runpy

    config = runpy.run_path("gunicorn.conf.py")
    assert config["max_requests"] >= 50_000
    assert config["max_requests_jitter"] >= config["max_requests"] // 10
