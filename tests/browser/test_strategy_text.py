"""The strategy text in the real browser: axe-clean pages, commenting a paragraph by keyboard."""

import re

from django.core import mail
from django_comments_xtd.models import XtdComment

from goals.models import Paragraph

from .keyboard import press_button, tab_to

TEXT_PAGES = [
    "/strategie/2019/text/",
    "/strategie/2019/text/4-2/",
    "/strategie/2019/text/4-2/a4-2-1/",
    "/strategie/2-0/text/2/a2-1/",
]


def test_text_pages_are_axe_clean_at_both_widths(page, live_server, demo_content, axe_violations):
    found = {}
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in TEXT_PAGES:
            page.goto(live_server.url + url)
            violations = axe_violations(page)
            if violations:
                found[f"{url} @ {width}px"] = violations
    assert found == {}


def test_comment_on_a_paragraph_by_keyboard_alone(page, live_server, demo_content):
    mail.outbox.clear()
    paragraph = Paragraph.objects.get(anchor="a2-2", chapter__version__slug="2-0")
    page.goto(live_server.url + "/strategie/2-0/text/2/")
    tab_to(
        page, f"document.activeElement.getAttribute('href') === '{paragraph.get_absolute_url()}'"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "document.activeElement.id === 'id_name'")
    page.keyboard.type("Karla Tastatur")
    page.keyboard.press("Tab")
    page.keyboard.type("karla@example.org")
    tab_to(page, "document.activeElement.id === 'id_comment'")  # past the optional sender
    page.keyboard.type("Zum Absatz per Tastatur.")
    tab_to(
        page,
        "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Kommentar absenden'",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bitte bestätigen Sie Ihren Kommentar" in page.inner_text("h1")
    link = re.search(r"https?://\S+(/kommentare/bestaetigen/\S+)", mail.outbox[0].body).group(1)
    page.goto(live_server.url + link)
    press_button(page, "Kommentar bestätigen")
    comment = XtdComment.objects.get(user_name="Karla Tastatur")
    assert comment.object_pk == str(paragraph.pk)
    page.goto(live_server.url + "/strategie/2-0/text/2/")
    assert "Kommentare (1)" in page.inner_text(f"#{paragraph.anchor}")
