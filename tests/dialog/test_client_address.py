"""Rate limits count per visitor, also behind our reverse proxy, and cannot be dodged by forging headers."""

from django.test import RequestFactory

from common.ratelimit import client_address

factory = RequestFactory()


def test_direct_visitor_is_counted_by_remote_addr_and_forged_header_ignored(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    request = factory.post("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(request) == "203.0.113.7"


def test_behind_trusted_proxy_the_address_it_saw_counts(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    request = factory.post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "203.0.113.7"


def test_forged_left_entries_do_not_help_behind_the_proxy(settings):
    # The visitor sends "X-Forwarded-For: 1.2.3.4"; our proxy appends the real address.
    settings.TRUSTED_PROXIES = ["10.0.0.5", "10.0.0.6"]
    request = factory.post(
        "/", REMOTE_ADDR="10.0.0.6", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7, 10.0.0.5"
    )
    assert client_address(request) == "203.0.113.7"


def test_without_trusted_proxies_every_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    request = factory.post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "10.0.0.5"
