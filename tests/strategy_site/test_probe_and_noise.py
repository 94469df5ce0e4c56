"""Operations noise: a load balancer's probe by address is answered, a request for a
stranger's host name is a warning line and never a mail to the operators, and the
access log keeps what the privacy page names (time, path without tokens, a shortened
address) and nothing more."""

import datetime
import json
import logging
from types import SimpleNamespace

import pytest
from django.core import mail
from gunicorn.config import Config

from alerts.models import Subscription
from strategy_site.access_log import PrivateAccessLogger
from tests.support.browser_client import BrowserClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    """What docs/deployment.md sets: one host name, HTTPS behind a proxy, admins mailed."""
    settings.ALLOWED_HOSTS = ["digitalstrategie.nrw"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]
    settings.DEBUG = False


def test_a_load_balancer_probing_by_address_gets_the_health_answer(production):
    # A fresh client: the SecurityMiddleware reads SECURE_SSL_REDIRECT when it is built.
    probe = BrowserClient()
    for address in ("10.0.0.5", "10.0.0.5:8000", "[fd00::5]:8000"):
        response = probe.get("/healthz", HTTP_HOST=address)
        assert response.status_code == 200, address
        assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert mail.outbox == []


def test_everything_else_still_goes_to_https_on_our_own_name(production):
    response = BrowserClient().get("/", HTTP_HOST="digitalstrategie.nrw")
    assert response.status_code == 301
    assert response["Location"] == "https://digitalstrategie.nrw/"


def test_a_stranger_host_name_is_a_warning_and_mails_nobody(production, caplog):
    response = BrowserClient().get("/suche/", HTTP_HOST="10.0.0.5", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 400
    assert mail.outbox == []  # the operators' inbox stays quiet
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelname == "WARNING"
    assert "10.0.0.5" in record.getMessage()
    assert record.exc_info is None  # one line, no traceback


def test_a_real_server_error_still_mails_the_operators(production, settings):
    """The quiet is for strangers' host names only: a 500 still reaches DJANGO_ADMINS."""
    logging.getLogger("django.request").error(
        "Internal Server Error: /", extra={"status_code": 500}
    )
    assert [m.to for m in mail.outbox] == [["betrieb@example.org"]]


def access_line(path, query="", address="203.0.113.77", referer=None):
    """The line gunicorn's access log writes for one request, as configured."""
    config = Config()
    config.set("accesslog", "-")
    config.set("logger_class", "strategy_site.access_log.PrivateAccessLogger")
    from strategy_site.access_log import FORMAT

    config.set("access_log_format", FORMAT)
    logger = PrivateAccessLogger(config)
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger.access_log.handlers = [handler]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path + (f"?{query}" if query else ""),
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": address,
    }
    headers = [("REFERER", referer)] if referer else []
    if referer:
        environ["HTTP_REFERER"] = referer
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    logger.access(
        response, SimpleNamespace(headers=headers), environ, datetime.timedelta(0, 0, 3000)
    )
    (line,) = lines
    return line


def test_the_access_log_leaves_out_search_terms_and_shortens_the_address():
    line = access_line("/suche/", query="q=Krankheit+meiner+Tochter", address="203.0.113.77")
    assert "Krankheit" not in line and "q=" not in line
    assert line.startswith("203.0.113.0 [")
    assert '"GET /suche/ HTTP/1.1" 200 512 3ms' in line
    v6 = access_line("/", address="2001:db8:abcd:12:1:2:3:4")
    assert v6.startswith("2001:db8:abcd:: [")


def test_the_access_log_never_holds_the_token_of_a_mailed_link(client):
    """A manage link opened by its owner: the log shows the page, not the key to it."""
    subscription, token = Subscription.request("hanna@example.org", "news", "Neuigkeiten")
    for path in (
        f"/benachrichtigungen/bestaetigen/{token}/",
        f"/dialog/ideen/bestaetigen/{token}/",
    ):
        line = access_line(path, referer=f"https://digitalstrategie.nrw{path}")
        assert token not in line
        assert "[token]" in line
    # Paths without a token stay readable for the operator.
    assert '"GET /strategie/digitalstrategie-2-0/ HTTP/1.1"' in access_line(
        "/strategie/digitalstrategie-2-0/"
    )


def test_the_privacy_page_says_what_the_log_keeps(client):
    page = client.get("/datenschutz/").content.decode()
    assert "ohne Suchbegriffe und ohne die Schlüssel aus E-Mail-Links" in page
    assert "gekürzte IP-Adresse" in page


def test_django_s_own_log_lines_mask_the_token_of_a_mailed_link(client, caplog):
    """An expired or mistyped manage link is a 404, and Django logs its path."""
    caplog.set_level(logging.WARNING, logger="django.request")
    token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"
    response = client.get(f"/benachrichtigungen/verwalten/{token}/")
    assert response.status_code == 404
    (line,) = [r.getMessage() for r in caplog.records if r.name == "django.request"]
    assert line == "Not Found: /benachrichtigungen/verwalten/[token]/"
