"""The statement form by keyboard alone (the PDF handed to the file field the keyboard
reached), then the confirmation link; its error page axe-clean with the text kept."""

import re

from django.core import mail

from dialog.models import Statement
from tests.browser.keyboard import press_button, tab_to
from tests.support.pdfs import make_pdf, make_pdf_of_size

URL = "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/stellungnahmen/einreichen/"


def focused(element_id: str) -> str:
    return f"document.activeElement.id === '{element_id}'"


def test_submit_a_statement_by_keyboard_alone_then_confirm(
    page, live_server, demo_content, axe_violations, tmp_path
):
    pdf = tmp_path / "stellungnahme.pdf"
    pdf.write_bytes(make_pdf(2))
    page.goto(live_server.url + URL)
    assert axe_violations(page) == []
    tab_to(page, focused("id_organisation"))
    page.keyboard.type("Tastaturverband NRW")
    # The kinds are a radio group: Tab enters it, the arrow keys choose.
    tab_to(page, focused("id_kind_0"))
    page.keyboard.press("ArrowDown")  # Wissenschaft
    tab_to(page, focused("id_title"))
    page.keyboard.type("Per Tastatur eingereicht")
    page.keyboard.press("Tab")
    assert page.evaluate(focused("id_text"))
    page.keyboard.type("Unsere Punkte in Kürze.")
    page.keyboard.press("Tab")
    assert page.evaluate(focused("id_pdf"))
    # Space or Enter opens the operating system's file dialog, which is outside the page
    # and has its own keyboard use; headless Chromium does not open it reliably on a
    # key press (a CI run timed out waiting), so the file is handed to the focused field.
    page.set_input_files("#id_pdf", str(pdf))
    assert page.evaluate(focused("id_pdf"))
    # The first chapter or goal offered, by Space.
    tab_to(page, "document.activeElement.name === 'targets'")
    page.keyboard.press("Space")
    tab_to(page, focused("id_email"))
    page.keyboard.type("tastatur@example.org")
    tab_to(page, focused("id_consent"))
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stellungnahme senden"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page.inner_text("h1")
    assert axe_violations(page) == []

    statement = Statement.objects.get(organisation="Tastaturverband NRW")
    assert (statement.kind, statement.pdf_pages, statement.targets.count()) == (
        "wissenschaft",
        2,
        1,
    )
    link = re.search(
        r"https?://[^\s]+(/dialog/stellungnahmen/bestaetigen/[^\s]+/)", mail.outbox[-1].body
    )
    page.goto(live_server.url + link[1])
    assert "Stellungnahme bestätigen" in page.inner_text("h1")
    press_button(page, "Stellungnahme bestätigen")
    assert "Ihre Stellungnahme ist bestätigt" in page.inner_text("h1")
    assert axe_violations(page) == []
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WAITING


def test_an_oversized_pdf_is_explained_beside_the_field_and_axe_clean(
    page, live_server, demo_content, axe_violations, settings, tmp_path
):
    settings.STATEMENTS_MAX_UPLOAD_MB = 1
    pdf = tmp_path / "gross.pdf"
    pdf.write_bytes(make_pdf_of_size(1, 1_300_000))
    page.goto(live_server.url + URL)
    page.fill("#id_organisation", "Großverband")
    page.check("#id_kind_0")
    page.fill("#id_title", "Zu groß")
    page.fill("#id_text", "Dieser Text bleibt stehen.")
    page.set_input_files("#id_pdf", str(pdf))
    page.fill("#id_email", "gross@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("text=Stellungnahme senden")
    assert "Erlaubt sind höchstens 1 MB" in page.inner_text("#id_pdf_error")
    assert page.input_value("#id_text") == "Dieser Text bleibt stehen."
    assert page.is_checked("#id_consent")
    assert axe_violations(page) == []
    assert not Statement.objects.filter(organisation="Großverband").exists()


def test_a_published_statement_and_its_decision_are_axe_clean(
    page, live_server, demo_content, axe_violations
):
    page.goto(live_server.url + "/dialog/phasen/online-phase-2021/stellungnahmen/")
    with page.expect_navigation():
        page.click("text=Beispielinhalt: Stellungnahme zu Schule und Medienbildung")
    assert "Entscheidung: teilweise berücksichtigt" in page.inner_text("main")
    assert axe_violations(page) == []
