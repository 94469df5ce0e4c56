"""Public journeys end to end in Chromium, each from the first click to the mailed link, its
button and what the visitor then sees: comments on a goal, a blog post and a dialog theme, a
reply and the reply mail's mute link, managing and ending alerts (and the RFC 8058 one-click
POST a mail client sends), the newsletter, and changing one's ballot.

Paragraph comments (and a comment written by keyboard alone), reports, accessibility feedback, following a topic, the
first ballot and the statement are walked by keyboard in the other files of this folder.
"""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from alerts.models import Newsletter, Subscription
from blog.models import Post
from dialog.comments.commentable import policy_for
from dialog.comments.xtd import XtdComment
from dialog.models import Phase, Theme
from goals.models import Goal, PriorityBallot
from tests.browser.keyboard import press_button

PRIORITIES = "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/prioritaeten/"


def mailed_link(path: str, message=None) -> str:
    """The path of the first link to `path` in the last mail (or in `message`)."""
    body = (message or mail.outbox[-1]).body
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s\"<>]*)", body)[1]


def open_target(queryset):
    """The first object of the demo whose comments are open and not pre-moderated."""
    for obj in queryset:
        policy = policy_for(obj)
        if policy.is_open(obj) and not policy.premoderated(obj):
            return obj
    raise AssertionError(f"the demo has no open {queryset.model.__name__}")


def write_comment(page, name, email, text, followup=False):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_comment", text)
    if followup:
        page.check("#id_followup")
    with page.expect_navigation():
        page.click("button:has-text('Kommentar absenden')")
    assert "Bitte bestätigen Sie Ihren Kommentar" in page.inner_text("h1")


@pytest.mark.parametrize("kind", ["goal", "blog post", "theme"])
def test_comment_on_a_goal_a_blog_post_or_a_theme_and_see_it_there(
    page, live_server, demo_content, kind
):
    if kind == "goal":
        # A goal of the version the running demo phase discusses.
        target = open_target(Goal.objects.filter(version__slug="2-0").order_by("number"))
    elif kind == "blog post":
        target = open_target(Post.objects.published().order_by("-published_at"))
    else:
        # The demo's themes belong to 2019; an editor adds one to the running phase.
        running = Phase.objects.get(slug="mitdiskutieren-digitalstrategie-2-0")
        theme = Theme.objects.create(phase=running, title="Barrierefreiheit", slug="barrierefrei")
        target = open_target(Theme.objects.filter(pk=theme.pk))
    mail.outbox.clear()
    page.goto(live_server.url + target.get_absolute_url())
    text = f"Mein Kommentar zum {kind}: bitte barrierefrei."
    write_comment(page, "Paula Browser", "paula@example.org", text)
    link = mailed_link("/kommentare/bestaetigen/")
    page.goto(live_server.url + link)
    assert text in page.inner_text("main")
    assert not XtdComment.objects.filter(comment=text).exists()  # opening it stores nothing
    press_button(page, "Kommentar bestätigen")
    comment = XtdComment.objects.get(comment=text)
    assert page.url.split("#")[0] == live_server.url + target.get_absolute_url()
    assert text in page.locator(f"#kommentar-{comment.pk}").inner_text()
    assert "Ihr Kommentar ist jetzt veröffentlicht" in page.inner_text(".messages")


def test_a_reply_mails_the_author_and_the_mute_link_ends_those_mails(
    page, browser, live_server, demo_content
):
    target = open_target(Post.objects.published().order_by("-published_at"))
    url = live_server.url + target.get_absolute_url()
    # Anna comments and asks to hear of replies.
    page.goto(url)
    write_comment(page, "Anna Frage", "anna@example.org", "Wann kommt das?", followup=True)
    page.goto(live_server.url + mailed_link("/kommentare/bestaetigen/"))
    press_button(page, "Kommentar bestätigen")
    question = XtdComment.objects.get(comment="Wann kommt das?")

    # Bruno, in a browser of his own, answers her through the reply link.
    bruno = browser.new_context().new_page()
    bruno.goto(url)
    with bruno.expect_navigation():
        bruno.click(f"#kommentar-{question.pk} a:has-text('Antworten')")
    mail.outbox.clear()
    write_comment(bruno, "Bruno Antwort", "bruno@example.org", "Im nächsten Jahr.")
    bruno.goto(live_server.url + mailed_link("/kommentare/bestaetigen/"))
    press_button(bruno, "Kommentar bestätigen")
    answer = XtdComment.objects.get(comment="Im nächsten Jahr.")
    assert answer.parent_id == question.pk
    assert "Im nächsten Jahr." in bruno.locator(f"#kommentar-{question.pk}").inner_text()

    # Anna's mail names the reply and carries the link that ends such mails.
    (notice,) = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    assert "Im nächsten Jahr." in notice.body
    mute = mailed_link("/kommentare/abbestellen/", notice)
    page.goto(live_server.url + mute)
    assert XtdComment.objects.get(pk=question.pk).followup is True  # a scanner changes nothing
    press_button(page, "Keine E-Mails mehr zu dieser Seite")
    assert "Sie erhalten keine E-Mails mehr über neue Kommentare" in page.inner_text("main")
    assert XtdComment.objects.get(pk=question.pk).followup is False

    # Another reply: nothing for Anna any more.
    bruno.goto(live_server.url + f"/kommentare/{question.pk}/antworten/")
    mail.outbox.clear()
    write_comment(bruno, "Bruno Antwort", "bruno@example.org", "Noch etwas dazu.")
    bruno.goto(live_server.url + mailed_link("/kommentare/bestaetigen/"))
    press_button(bruno, "Kommentar bestätigen")
    assert [m.to for m in mail.outbox if m.to == ["anna@example.org"]] == []


def follow(email, topic, label):
    """A confirmed subscription, as the confirm view makes it (in a transaction: it locks)."""
    subscription, token = Subscription.request(email, topic, label)
    with transaction.atomic():
        Subscription.objects.confirm(token)
    return subscription


def test_manage_alerts_by_a_mailed_link_end_one_then_all(page, live_server, demo_content):
    follow("mara@example.org", "news", "Neuigkeiten und Einladungen")
    follow("mara@example.org", "dialog", "Neue Beteiligungsphasen")
    mail.outbox.clear()
    page.goto(live_server.url + "/benachrichtigungen/verwalten/")
    page.fill("#id_email", "mara@example.org")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "mara@example.org" in page.inner_text("main")
    link = mailed_link("/benachrichtigungen/verwalten/")
    page.goto(live_server.url + link)
    listed = page.inner_text(".alert-list")
    assert "Neuigkeiten und Einladungen" in listed and "Neue Beteiligungsphasen" in listed
    press_button(page, "Beenden: Neue Beteiligungsphasen")
    assert "Neue Beteiligungsphasen" not in page.inner_text("main")
    assert list(Subscription.objects.values_list("topic", flat=True)) == ["news"]
    press_button(page, "Alle beenden und Adresse löschen")
    assert "Für diese Adresse bestehen keine Benachrichtigungen." in page.inner_text("main")
    assert not Subscription.objects.exists()


def test_newsletter_arrives_opens_in_the_archive_and_ends_by_its_link_or_one_click(
    page, live_server, demo_content, playwright
):
    follow("nora@example.org", "news", "Neuigkeiten und Einladungen")
    follow("olaf@example.org", "news", "Neuigkeiten und Einladungen")
    Newsletter.objects.create(
        subject="Einladung zur Digitalkonferenz",
        text="Liebe Leserinnen und Leser,\n\nwir laden Sie ein.",
        links="",
        released_at=timezone.now(),
    )
    mail.outbox.clear()
    call_command("send_alert_digest", stdout=None)  # what the cron runs
    letters = {m.to[0]: m for m in mail.outbox}
    assert sorted(letters) == ["nora@example.org", "olaf@example.org"]

    # Nora reads it in the archive, then ends her alerts by the link and its button.
    page.goto(live_server.url + mailed_link("/newsletter/", letters["nora@example.org"]))
    assert "wir laden Sie ein." in page.inner_text("main")
    page.goto(
        live_server.url + mailed_link("/benachrichtigungen/abmelden/", letters["nora@example.org"])
    )
    assert Subscription.objects.filter(email="nora@example.org").exists()  # scanner-safe
    press_button(page, "Alle Benachrichtigungen abbestellen")
    assert "Sie sind abgemeldet" in page.inner_text("h1")
    assert not Subscription.objects.filter(email="nora@example.org").exists()

    # Olaf's mail program uses the List-Unsubscribe header: a POST with no cookie,
    # no form token and no Origin (RFC 8058).
    header = letters["olaf@example.org"].extra_headers
    assert header["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.search(r"<(https?://[^>]+)>", header["List-Unsubscribe"])[1]
    path = one_click.split("://", 1)[1].split("/", 1)[1]
    mail_program = playwright.request.new_context()
    answer = mail_program.post(
        f"{live_server.url}/{path}",
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200
    assert not Subscription.objects.filter(email="olaf@example.org").exists()
    mail_program.dispose()


def vote(page, live_server, email, field_numbers):
    page.goto(live_server.url + PRIORITIES)
    for n in field_numbers:
        page.check(f"#id_fields_of_action_{n}")
    page.fill("#id_email", email)
    with page.expect_navigation():
        page.click("button:has-text('Stimme abgeben')")
    page.goto(live_server.url + mailed_link("/dialog/prioritaeten/bestaetigen/"))
    press_button(page, "Stimme bestätigen")
    assert "Ihre Stimme zählt" in page.inner_text("h1")


def votes_for(page, label: str) -> str:
    """The count in the result table's row for a field of action, as the page shows it."""
    row = page.locator("#ergebnis-prioritaeten ~ .table-wrap tbody tr", has_text=label)
    return row.locator("td").first.inner_text()


def test_a_second_ballot_from_the_same_mailbox_replaces_the_first(page, live_server, demo_content):
    page.goto(live_server.url + PRIORITIES)
    label = [page.inner_text(f"label[for=id_fields_of_action_{n}]").strip() for n in range(3)]
    mail.outbox.clear()
    vote(page, live_server, "wahl@example.org", [0, 1])
    page.goto(live_server.url + PRIORITIES)
    assert "1 bestätigte Stimme." in page.inner_text("main")
    assert [votes_for(page, label[n]) for n in range(3)] == ["1", "1", "0"]
    # The same mailbox, spelled otherwise, chooses another field: the first ballot is gone.
    vote(page, live_server, "Wahl+neu@Example.org", [2])
    page.goto(live_server.url + PRIORITIES)
    assert "1 bestätigte Stimme." in page.inner_text("main")
    assert [votes_for(page, label[n]) for n in range(3)] == ["0", "0", "1"]
    assert PriorityBallot.objects.filter(confirmed_at__isnull=False).count() == 1
