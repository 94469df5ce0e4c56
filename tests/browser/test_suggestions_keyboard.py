"""Wording suggestions by keyboard alone in Chromium: open the form from a paragraph, edit
the wording, confirm by the mailed link's button, see the difference, support it; the pages
axe-clean, the difference readable in words."""

import re

from django.core import mail

from goals.models import Paragraph
from goals.suggestions.models import Suggestion, SuggestionSupport
from tests.browser.keyboard import press_button, tab_to


def link(path: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", mail.outbox[-1].body)[1]


def focus_is(element_id: str) -> str:
    return f"document.activeElement.id === '{element_id}'"


def test_propose_confirm_see_and_support_by_keyboard_alone(
    page, live_server, demo_content, axe_violations
):
    mail.outbox.clear()
    # A 2.0 paragraph: the running demo phase covers that version.
    paragraph = Paragraph.objects.get(chapter__version__slug="2-0", chapter__number="2", order=2)
    page.goto(live_server.url + paragraph.get_absolute_url())
    assert axe_violations(page) == []
    tab_to(page, "document.activeElement.textContent.trim().startsWith('Formulierung vorschlagen')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == "Formulierung vorschlagen"
    assert axe_violations(page) == []
    current = page.input_value("#id_text")
    assert current.startswith("Beispieltext: Ein neuer Absatz")

    # Unchanged wording is refused beside the field; the reason typed stays.
    tab_to(page, focus_is("id_reason"))
    page.keyboard.type("Der Satz sagt nicht, seit wann es den Absatz gibt.")
    tab_to(page, focus_is("id_name"))
    page.keyboard.type("Kim Tastatur")
    tab_to(page, focus_is("id_email"))
    page.keyboard.type("kim@example.org")
    press_button(page, "Vorschlag absenden")
    assert "dieselbe wie die jetzige" in page.inner_text("#id_text_error")
    assert page.input_value("#id_reason") == "Der Satz sagt nicht, seit wann es den Absatz gibt."
    assert axe_violations(page) == []

    tab_to(page, focus_is("id_text"))
    page.keyboard.press("End")
    page.keyboard.press("Control+End")
    # Replace the final full stop: "… gab, und seit 2021 gilt."
    page.keyboard.press("Backspace")
    page.keyboard.type(", und seit 2021 gilt.")
    press_button(page, "Vorschlag absenden")
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page.inner_text("h1")
    suggestion = Suggestion.objects.get(name="Kim Tastatur")
    assert suggestion.status == Suggestion.Status.UNCONFIRMED
    assert suggestion.text == current[:-1] + ", und seit 2021 gilt."

    page.goto(live_server.url + link("/dialog/vorschlaege/bestaetigen/"))
    assert axe_violations(page) == []
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.UNCONFIRMED
    press_button(page, "Vorschlag bestätigen")
    assert "ist veröffentlicht" in page.inner_text("main")

    # The difference under the paragraph, in words for a screen reader.
    page.goto(live_server.url + paragraph.get_absolute_url())
    assert axe_violations(page) == []
    card = page.locator("article.suggestion", has_text="Kim Tastatur")
    # What assistive technology reads: the hidden words around the insertion.
    inserted = card.locator("ins").first.text_content()
    assert inserted == "[eingefügt: , und seit 2021 gilt]"
    assert "0 Wörter gestrichen, 4 Wörter eingefügt" in card.text_content()

    # Support it from its page.
    page.goto(live_server.url + suggestion.get_absolute_url())
    assert axe_violations(page) == []
    tab_to(page, focus_is("unterstuetzen-email"))
    page.keyboard.type("fan@example.org")
    press_button(page, "Vorschlag unterstützen")
    assert "Fast geschafft" in page.inner_text("#unterstuetzen")
    page.goto(live_server.url + link("/dialog/vorschlaege/unterstuetzung/"))
    assert SuggestionSupport.objects.get(suggestion=suggestion).confirmed_at is None
    press_button(page, "Unterstützung bestätigen")
    assert "Danke, Ihre Unterstützung zählt" in page.inner_text("h1")
    page.goto(live_server.url + suggestion.get_absolute_url())
    assert "1 bestätigte Unterstützung." in page.inner_text("#unterstuetzen")

    # The chapter's list of suggestions.
    page.goto(live_server.url + f"{paragraph.chapter.get_absolute_url()}vorschlaege/")
    assert axe_violations(page) == []
    assert "Kim Tastatur" in page.inner_text("main")
