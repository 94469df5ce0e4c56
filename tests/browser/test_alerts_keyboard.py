"""Following by e-mail works by keyboard alone in a real browser, from the form to the
mailed link and its button; its pages are axe-clean."""

import re

from django.core import mail

from alerts.models import Subscription
from tests.browser.keyboard import press_button, tab_to


def test_subscribe_on_blog_by_keyboard_alone(page, live_server, demo_content, axe_violations):
    page.goto(live_server.url + "/blog/")
    assert axe_violations(page) == []
    tab_to(page, "document.activeElement.id === 'abo-email-news'")
    page.keyboard.type("tastatur@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Abonnieren"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Wir haben eine E-Mail an tastatur@example.org geschickt" in page.content()
    subscription = Subscription.objects.get(email="tastatur@example.org")
    assert (subscription.topic, subscription.confirmed_at) == ("news", None)
    (message,) = mail.outbox

    # The mailed link: a page with one button (a scanner's visit confirms nothing) ...
    link = re.search(r"https?://[^/\s]+(/benachrichtigungen/bestaetigen/\S+)", message.body)[1]
    page.goto(live_server.url + link)
    assert "Neuigkeiten und Einladungen" in page.inner_text("main")
    assert axe_violations(page) == []
    assert Subscription.objects.get().confirmed_at is None
    # ... and pressing it, with the cookies and headers a browser really sends, confirms.
    press_button(page, "Ja, Abonnement bestätigen")
    assert "Sie erhalten ab jetzt" in page.inner_text("main")
    assert Subscription.objects.active().get().email == "tastatur@example.org"


def test_subscribe_error_keeps_text_and_is_axe_clean(
    page, live_server, demo_content, axe_violations
):
    page.goto(live_server.url + "/dialog/")
    page.fill("#abo-email-dialog", "tastatur-at-example.org")
    with page.expect_navigation():
        page.click("text=Abonnieren")
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in page.inner_text("#id_email_error")
    assert page.input_value("#id_email") == "tastatur-at-example.org"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert not Subscription.objects.exists()


def test_newsletter_archive_is_axe_clean(page, live_server, demo_content, axe_violations):
    from django.utils import timezone

    from alerts.models import Newsletter

    newsletter = Newsletter.objects.create(
        subject="Einladung zur Digitalkonferenz",
        text="Liebe Leserinnen und Leser,\n\nwir laden Sie ein.",
        links="Veranstaltungen | /veranstaltungen/",
        sent_at=timezone.now(),
    )
    page.goto(live_server.url + "/newsletter/")
    assert "Einladung zur Digitalkonferenz" in page.inner_text("main")
    assert axe_violations(page) == []
    page.goto(live_server.url + newsletter.get_absolute_url())
    assert "wir laden Sie ein." in page.inner_text("main")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
