"""Ideas by keyboard alone in Chromium: submit, confirm by the mailed link's button, support,
confirm, see the count; the pages axe-clean."""

import re

from django.core import mail

from goals.ideas.models import Idea, IdeaSupport
from tests.browser.keyboard import press_button, tab_to

IDEAS = "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/ideen/"


def link(path: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", mail.outbox[-1].body)[1]


def focus_is(element_id: str) -> str:
    return f"document.activeElement.id === '{element_id}'"


def test_submit_confirm_support_by_keyboard_alone(page, live_server, demo_content, axe_violations):
    mail.outbox.clear()
    page.goto(live_server.url + IDEAS)
    assert axe_violations(page) == []
    tab_to(page, "document.activeElement.textContent.trim() === 'Idee einreichen'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == "Idee einreichen"

    # An error first: the text stays, the message stands beside the field.
    tab_to(page, focus_is("id_title"))
    page.keyboard.type("Lernwerkstätten in Jugendzentren")
    page.keyboard.press("Tab")
    page.keyboard.type("Zu kurz")
    press_button(page, "Idee absenden")
    assert "mindestens 20 Zeichen" in page.inner_text("#id_text_error")
    assert page.input_value("#id_title") == "Lernwerkstätten in Jugendzentren"
    assert axe_violations(page) == []

    tab_to(page, focus_is("id_text"))
    page.keyboard.press("Control+A")
    page.keyboard.type("Jugendzentren bekommen Werkstätten mit 3D-Druckern und Laptops.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_field"
    page.keyboard.press("ArrowDown")  # a native select: the first field of action
    tab_to(page, focus_is("id_name"))
    page.keyboard.type("Kim Tastatur")
    tab_to(page, focus_is("id_email"))
    page.keyboard.type("kim@example.org")
    press_button(page, "Idee absenden")
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page.inner_text("h1")
    idea = Idea.objects.get(title="Lernwerkstätten in Jugendzentren")
    assert idea.status == Idea.Status.UNCONFIRMED

    page.goto(live_server.url + link("/dialog/ideen/bestaetigen/"))
    assert axe_violations(page) == []
    assert Idea.objects.get(pk=idea.pk).status == Idea.Status.UNCONFIRMED  # scanner-safe
    press_button(page, "Idee bestätigen")
    assert "ist veröffentlicht" in page.inner_text("main")

    # Support it, by keyboard, from its page.
    page.goto(live_server.url + idea.get_absolute_url())
    assert axe_violations(page) == []
    assert "0 bestätigte Unterstützungen" in page.inner_text("#unterstuetzen")
    tab_to(page, focus_is("unterstuetzen-email"))
    page.keyboard.type("fan@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # tell me the answer
    press_button(page, "Idee unterstützen")
    assert "Fast geschafft" in page.inner_text("#unterstuetzen")
    page.goto(live_server.url + link("/dialog/ideen/unterstuetzung/"))
    assert IdeaSupport.objects.get(idea=idea).confirmed_at is None
    press_button(page, "Unterstützung bestätigen")
    assert "Danke, Ihre Unterstützung zählt" in page.inner_text("h1")
    assert IdeaSupport.objects.get(idea=idea).email == "fan@example.org"
    page.goto(live_server.url + idea.get_absolute_url())
    assert "1 bestätigte Unterstützung." in page.inner_text("#unterstuetzen")
    page.goto(live_server.url + IDEAS)
    item = page.locator("li.idea", has_text="Lernwerkstätten in Jugendzentren")
    assert "1 Unterstützung" in item.inner_text()

    # Reporting it: the form is axe-clean and explains a missing reason beside the field.
    page.goto(live_server.url + f"/dialog/ideen/{idea.pk}/melden/")
    assert axe_violations(page) == []
    press_button(page, "Idee melden")
    assert "Bitte wählen Sie einen Grund aus." in page.inner_text("#id_reason_error")
    assert axe_violations(page) == []
