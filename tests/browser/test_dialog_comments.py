"""Comment threads in a real browser: axe-clean with form, errors and placeholders; keyboard only."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.core import mail
from django.core.cache import cache
from django_comments_xtd.models import XtdComment

from dialog.comments import commentable, moderation
from dialog.comments.netiquette import NetiquetteReason
from tests.browser.keyboard import press_button, tab_to


@pytest.fixture
def commented_page(settings, transactional_db, django_user_model):
    settings.ROOT_URLCONF = "tests.dialog.urls"
    cache.clear()
    commentable.register(FlatPage)
    page = FlatPage.objects.create(url="/kommentar-test/ziel/", title="Testziel Breitband")
    page.sites.add(1)
    staff = django_user_model.objects.create_user("amt", "amt@example.org", "pw", is_staff=True)
    ct = ContentType.objects.get_for_model(FlatPage)

    def add(text, parent=None, **extra):
        comment = XtdComment(
            content_type=ct,
            object_pk=str(page.pk),
            site_id=1,
            user_name=extra.pop("name", "Bürgerin"),
            user_email="b@example.org",
            comment=text,
            parent_id=parent.pk if parent else 0,
            **extra,
        )
        comment.save()
        return comment

    first = add("Mehr Funkmasten im Sauerland, bitte. https://www.land.nrw/")
    add("Wir prüfen das.", parent=first, user=staff, name="Ministerium")
    rude = add("Unhöflich")
    add("Sachliche Antwort", parent=rude)
    moderation.hide([rude], NetiquetteReason.INSULT, None)
    yield page
    commentable.unregister(FlatPage)
    cache.clear()


def test_thread_with_form_is_axe_clean_and_fits_320px(
    page, live_server, commented_page, axe_violations
):
    found = {}
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/kommentar-test/ziel/")
        found[width] = axe_violations(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert found == {320: [], 1280: []}
    assert page.locator(".badge--official").inner_text() == "Antwort der Landesregierung"
    assert "von der Moderation entfernt: Beleidigung" in page.inner_text(".comment--removed")


def test_error_state_is_axe_clean_and_keeps_the_text(
    page, live_server, commented_page, axe_violations
):
    page.goto(live_server.url + "/kommentar-test/ziel/")
    page.fill("#id_email", "kaputt")
    page.fill("#id_comment", "Mein Text bleibt erhalten.")
    with page.expect_navigation():
        page.click("text=Kommentar absenden")
    assert "Bitte geben Sie einen Namen an" in page.inner_text("#id_name_error")
    assert "gültige E-Mail-Adresse" in page.inner_text("#id_email_error")
    assert page.input_value("#id_comment") == "Mein Text bleibt erhalten."
    assert axe_violations(page) == []


def test_reply_and_report_pages_are_axe_clean(page, live_server, commented_page, axe_violations):
    first = XtdComment.objects.get(level=0, is_removed=False)
    found = {}
    for path in (f"/kommentare/{first.pk}/antworten/", f"/kommentare/{first.pk}/melden/"):
        page.goto(live_server.url + path)
        found[path] = axe_violations(page)
    with page.expect_navigation():
        page.click("button:has-text('Kommentar melden')")
    found["report error"] = axe_violations(page)
    assert "Bitte wählen Sie einen Grund aus." in page.inner_text("#id_reason_error")
    assert found == dict.fromkeys(found, [])


def test_comment_and_confirm_by_keyboard_alone(page, live_server, commented_page):
    mail.outbox.clear()
    page.goto(live_server.url + "/kommentar-test/ziel/")
    tab_to(page, "document.activeElement.id === 'id_name'")
    page.keyboard.type("Karla Tastatur")
    page.keyboard.press("Tab")
    page.keyboard.type("karla@example.org")
    page.keyboard.press("Tab")
    # "Ich schreibe als": a native select, chosen with the arrow keys.
    assert page.evaluate("document.activeElement.id") == "id_sender_kind"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#id_sender_kind") == "verband"
    page.keyboard.press("Tab")
    page.keyboard.type("Tastaturverband e. V.")
    page.keyboard.press("Tab")
    page.keyboard.type("Mit der Tastatur geschrieben.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_followup"
    page.keyboard.press("Space")
    tab_to(
        page,
        "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Kommentar absenden'",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bitte bestätigen Sie Ihren Kommentar" in page.inner_text("h1")

    link = re.search(r"https?://\S+(/kommentare/bestaetigen/\S+)", mail.outbox[0].body).group(1)
    page.goto(live_server.url + link)
    # The link shows the comment and a button; opening it alone (as a mail scanner
    # does) stores nothing.
    assert "Kommentar bestätigen" in page.inner_text("h1")
    assert "Mit der Tastatur geschrieben." in page.inner_text("main")
    assert not XtdComment.objects.filter(user_name="Karla Tastatur").exists()
    press_button(page, "Kommentar bestätigen")
    assert "Ihr Kommentar ist jetzt veröffentlicht" in page.inner_text(".messages")
    comment = XtdComment.objects.get(user_name="Karla Tastatur")
    assert comment.followup is True
    shown = page.locator(f"#kommentar-{comment.pk}").inner_text()
    assert shown.count("Mit der Tastatur geschrieben.") == 1
    assert "schreibt als Verband: Tastaturverband e. V." in shown


def test_report_by_keyboard_alone(page, live_server, commented_page):
    first = XtdComment.objects.get(level=0, is_removed=False)
    page.goto(live_server.url + "/kommentar-test/ziel/")
    tab_to(
        page, f"document.activeElement.getAttribute('href') === '/kommentare/{first.pk}/melden/'"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "document.activeElement.name === 'reason'")
    page.keyboard.press("ArrowDown")  # radio group: second reason
    tab_to(
        page,
        "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Kommentar melden'",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1") == "Danke für Ihre Meldung"
    assert list(first.reports.values_list("reason", flat=True)) == ["diskriminierung"]


def test_demo_goal_thread_reply_and_report_pages_are_axe_clean_at_both_widths(
    page, live_server, demo_content, axe_violations
):
    cache.clear()
    lea = XtdComment.objects.get(user_name="Lea aus Bielefeld")
    urls = [
        "/strategie/2-0/ziele/22/",
        f"/kommentare/{lea.pk}/antworten/",
        f"/kommentare/{lea.pk}/melden/",
    ]
    found, too_wide = {}, {}
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(live_server.url + url)
            if violations := axe_violations(page):
                found[f"{url} @ {width}"] = violations
            if page.evaluate("document.documentElement.scrollWidth") > width:
                too_wide[url] = width
    assert (found, too_wide) == ({}, {})
    page.goto(live_server.url + "/strategie/2-0/ziele/22/")
    thread = page.inner_text("#kommentare")
    assert "Antwort der Landesregierung" in thread
    assert "Dieser Kommentar wurde von der Moderation entfernt: Beleidigung" in thread
    assert "Open Data bitte als CSV" in thread
