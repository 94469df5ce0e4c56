"""'Meine Beiträge' in Chromium, the whole way: two comments written on a goal, someone
replies to one; from the footer the author asks for a link, opens it from the mail (a
scanner's visit shows nothing), presses its button, sees the list, corrects one comment,
withdraws both (the answered one leaves a placeholder, the reply stays), looks at and
downloads the data, and erases everything. Every page passes axe and the landmark check."""

import json
from pathlib import Path

from django.core import mail

from dialog.comments.xtd import XtdComment
from goals.models import Goal
from tests.browser.keyboard import press_button
from tests.browser.landmarks import landmark_problems
from tests.browser.test_journeys import mailed_link, open_target, write_comment


def checked(page, axe_violations):
    assert axe_violations(page) == []
    assert landmark_problems(page) == []


def comment_on(page, live_server, goal, text):
    mail.outbox.clear()
    page.goto(live_server.url + goal.get_absolute_url())
    write_comment(page, "Paula Browser", "paula@example.org", text)
    page.goto(live_server.url + mailed_link("/kommentare/bestaetigen/"))
    press_button(page, "Kommentar bestätigen")
    return XtdComment.objects.get(comment=text)


def test_see_correct_withdraw_take_away_and_erase_my_contributions(
    page, live_server, demo_content, axe_violations
):
    goal = open_target(Goal.objects.filter(version__slug="2-0").order_by("number"))
    lone = comment_on(page, live_server, goal, "Mehr Glasfaser auf dem Lnad.")
    answered = comment_on(page, live_server, goal, "Schulen brauchen Admins.")
    reply = XtdComment(
        content_type=answered.content_type,
        object_pk=answered.object_pk,
        site_id=1,
        user_name="Jan Antwort",
        user_email="jan@example.org",
        comment="Da stimme ich zu.",
        parent_id=answered.pk,
    )
    reply.save()

    # From the footer of any page.
    page.goto(live_server.url + "/")
    with page.expect_navigation():
        page.click("footer >> text=Meine Beiträge")
    assert page.inner_text("h1") == "Meine Beiträge"
    checked(page, axe_violations)
    press_button(page, "Link anfordern")
    assert "Bitte geben Sie Ihre E-Mail-Adresse ein." in page.inner_text("main")
    mail.outbox.clear()
    page.fill("#id_email", "paula@example.org")
    press_button(page, "Link anfordern")
    assert page.inner_text("h1") == "Bitte prüfen Sie Ihr Postfach"
    checked(page, axe_violations)

    link = live_server.url + mailed_link("/meine-beitraege/zugang/")
    page.goto(link)
    assert "Lnad" not in page.inner_text("main")  # the link's page shows nothing yet
    checked(page, axe_violations)
    press_button(page, "Meine Beiträge anzeigen")
    assert page.url == live_server.url + "/meine-beitraege/uebersicht/"
    main = page.inner_text("main")
    assert "Mehr Glasfaser auf dem Lnad." in main and "Schulen brauchen Admins." in main
    assert "Da stimme ich zu." not in main
    checked(page, axe_violations)

    # Correct the typo.
    with page.expect_navigation():
        page.click(f"#eintrag-kommentar-{lone.pk} >> text=Bearbeiten")
    checked(page, axe_violations)
    page.fill("#id_comment", "Mehr Glasfaser auf dem Land.")
    press_button(page, "Änderung speichern")
    assert "Ihre Änderung ist gespeichert" in page.inner_text("main")
    page.goto(live_server.url + goal.get_absolute_url())
    shown = page.locator(f"#kommentar-{lone.pk}").inner_text()
    assert "Mehr Glasfaser auf dem Land." in shown and "bearbeitet am" in shown

    # Withdraw both: the answered one keeps its place for the reply.
    for comment in (answered, lone):
        page.goto(live_server.url + "/meine-beitraege/uebersicht/")
        with page.expect_navigation():
            page.click(f"#eintrag-kommentar-{comment.pk} >> text=Kommentar zurückziehen")
        checked(page, axe_violations)
        press_button(page, "Kommentar zurückziehen")
    page.goto(live_server.url + goal.get_absolute_url())
    thread = page.inner_text("#kommentare")
    assert "Vom Verfasser zurückgezogen." in thread and "Da stimme ich zu." in thread
    assert "Schulen brauchen Admins." not in thread and "Glasfaser auf dem Land" not in thread
    assert not XtdComment.objects.filter(pk=lone.pk).exists()

    # Take away: a readable page and the JSON file.
    comment_on(page, live_server, goal, "Noch ein Gedanke zum Schluss.")
    page.goto(live_server.url + "/meine-beitraege/uebersicht/")
    with page.expect_navigation():
        page.click("text=Alle Daten als Seite")
    assert "Noch ein Gedanke zum Schluss." in page.inner_text("main")
    checked(page, axe_violations)
    with page.expect_download() as download:
        page.click("main >> text=JSON herunterladen")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    comments = [entry["text"] for entry in data["eintraege"] if entry["art"] == "Kommentar"]
    assert comments == ["Noch ein Gedanke zum Schluss."]

    # Erase everything.
    page.goto(live_server.url + "/meine-beitraege/uebersicht/")
    with page.expect_navigation():
        page.click("text=Alle Daten löschen …")
    checked(page, axe_violations)
    press_button(page, "Alle Daten endgültig löschen")
    assert page.inner_text("h1") == "Ihre Daten sind gelöscht"
    checked(page, axe_violations)
    assert not XtdComment.objects.filter(user_email="paula@example.org").exists()
    page.goto(link)
    assert page.inner_text("h1") == "Dieser Link gilt nicht mehr"
