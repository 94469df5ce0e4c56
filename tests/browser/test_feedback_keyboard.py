"""The accessibility feedback form can be filled in and sent by keyboard alone."""

from strategy_site.models import AccessibilityFeedback
from tests.browser.keyboard import tab_to


def test_feedback_form_by_keyboard_alone(page, live_server, demo_content):
    page.goto(live_server.url + "/barrierefreiheit/")
    tab_to(page, "document.activeElement.id === 'id_name'")
    page.keyboard.type("Karl Tastatur")
    page.keyboard.press("Tab")
    page.keyboard.type("karl@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("/strategie/")
    page.keyboard.press("Tab")
    page.keyboard.type("Der Fokus ist auf der Startseite schlecht zu sehen.")
    page.keyboard.press("Tab")
    # Past the link to the privacy policy, on to the button (the honeypot is out of the tab order).
    for _ in range(3):
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Rückmeldung senden"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen." in page.content()
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.name, feedback.email) == ("Karl Tastatur", "karl@example.org")


def test_feedback_errors_by_keyboard_keep_text(page, live_server, demo_content, axe_violations):
    page.goto(live_server.url + "/barrierefreiheit/")
    page.fill("#id_email", "kaputt")
    page.fill("#id_message", "Mein Text bleibt erhalten.")
    with page.expect_navigation():
        page.click("text=Rückmeldung senden")
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in page.inner_text("#id_email_error")
    assert page.input_value("#id_message") == "Mein Text bleibt erhalten."
    assert axe_violations(page) == []
    assert AccessibilityFeedback.objects.count() == 0
