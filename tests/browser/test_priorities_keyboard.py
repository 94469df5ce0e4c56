"""The priorities ballot by keyboard alone, its error and results axe-clean."""

import re

from django.core import mail

from goals.models import PriorityBallot
from tests.browser.keyboard import press_button, tab_to

URL = "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/prioritaeten/"


def test_vote_by_keyboard_alone_then_confirm(page, live_server, demo_content, axe_violations):
    page.goto(live_server.url + URL)
    assert axe_violations(page) == []
    # The first two fields of action: Tab to each, Space to tick.
    for n in range(2):
        tab_to(page, f"document.activeElement.id === 'id_fields_of_action_{n}'")
        page.keyboard.press("Space")
    tab_to(page, "document.activeElement.id === 'id_email'")
    page.keyboard.type("tastatur@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stimme abgeben"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bestätigungslink geschickt" in page.inner_text("main")
    ballot = PriorityBallot.objects.get()
    assert ballot.fields.count() == 2 and ballot.confirmed_at is None
    link = re.search(
        r"https?://[^\s]+(/dialog/prioritaeten/bestaetigen/[^\s]+/)", mail.outbox[0].body
    )
    page.goto(live_server.url + link[1])
    assert axe_violations(page) == []
    PriorityBallot.objects.get(confirmed_at=None)  # opening the link counts nothing
    press_button(page, "Stimme bestätigen")
    assert "Ihre Stimme zählt" in page.inner_text("h1")
    page.goto(live_server.url + URL)
    assert "1 bestätigte Stimme." in page.inner_text("main")
    assert axe_violations(page) == []


def test_too_many_fields_is_explained_and_axe_clean(
    page, live_server, demo_content, axe_violations
):
    page.goto(live_server.url + URL)
    for n in range(4):
        page.check(f"#id_fields_of_action_{n}")
    page.fill("#id_email", "viel@example.org")
    with page.expect_navigation():
        page.click("text=Stimme abgeben")
    assert "Bitte wählen Sie höchstens 3 Handlungsfelder" in page.inner_text("#fehler-wahl")
    assert all(page.is_checked(f"#id_fields_of_action_{n}") for n in range(4))
    assert page.input_value("#id_email") == "viel@example.org"
    assert axe_violations(page) == []
    assert not PriorityBallot.objects.exists()
