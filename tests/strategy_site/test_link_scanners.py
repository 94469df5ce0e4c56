"""Mail scanners open every link in a mail before the person does. Opening a mailed link
(GET, HEAD) changes nothing for any kind of contribution; only the button on its page
confirms, and that button's POST from another site is refused (common/confirmation.py)."""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from alerts.models import Subscription
from dialog.models import PendingComment, Statement
from goals.models import FieldOfAction, PriorityBallot, StrategyVersion
from tests.dialog.conftest import add_comment, commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_field, make_goal, make_phase, make_version
from tests.dialog.helpers import form_data
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db

SCANNER = {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; SafeLinks scanner)"}
OTHER_SITE = {"HTTP_ORIGIN": "https://evil.example"}


def link(message, path):
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s]*)", message.body)[1]


def scanned_then_pressed(client, path, unchanged, changed):
    """A scanner's GET and HEAD change nothing, nor does a cross-site POST; the button does."""
    client.get(path, **SCANNER)
    client.head(path, **SCANNER)
    assert unchanged(), "opening the link changed something"
    assert Client().post(path, **OTHER_SITE).status_code == 403
    assert unchanged(), "a POST from another site changed something"
    press_confirm(client, path)
    assert changed()


def test_comment(client, target, mailoutbox):
    client.post("/kommentare/senden/", form_data(target))
    scanned_then_pressed(
        client,
        link(mailoutbox[0], "/kommentare/bestaetigen/"),
        unchanged=lambda: not XtdComment.objects.exists() and PendingComment.objects.get().data,
        changed=lambda: XtdComment.objects.get().comment == "Mehr Glasfaser auf dem Land, bitte.",
    )


def test_reply_notification_mute_link(client, target, add_comment, mailoutbox):
    follower = add_comment(target, "Ich folge", followup=True)
    client.post("/kommentare/senden/", form_data(target, reply_to=str(follower.pk)))
    press_confirm(client, link(mailoutbox[0], "/kommentare/bestaetigen/"))
    notification = mailoutbox[1]
    scanned_then_pressed(
        client,
        link(notification, "/kommentare/abbestellen/"),
        unchanged=lambda: XtdComment.objects.get(pk=follower.pk).followup,
        changed=lambda: not XtdComment.objects.get(pk=follower.pk).followup,
    )


def test_statement(client, mailoutbox):
    now = timezone.now()
    make_phase(now - timedelta(days=1), now + timedelta(days=9), slug="p", statements_allowed=True)
    data = {
        "organisation": "Verband",
        "kind": "verband",
        "title": "Titel",
        "text": "Text",
        "email": "v@example.org",
        "consent": "on",
    }
    client.post("/dialog/phasen/p/stellungnahmen/einreichen/", data)
    scanned_then_pressed(
        client,
        link(mailoutbox[0], "/dialog/stellungnahmen/bestaetigen/"),
        unchanged=lambda: Statement.objects.get().status == Statement.Status.UNCONFIRMED,
        changed=lambda: Statement.objects.get().status == Statement.Status.WAITING,
    )


def test_ballot(client, mailoutbox):
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=1), now + timedelta(days=9), slug="p", priorities_question="?"
    )
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    version.phases.add(phase)
    field = FieldOfAction.objects.create(version=version, number="1", title="Netze", slug="n")
    client.post(
        "/dialog/phasen/p/prioritaeten/", {"fields_of_action": [field.pk], "email": "a@b.org"}
    )
    scanned_then_pressed(
        client,
        link(mailoutbox[0], "/dialog/prioritaeten/bestaetigen/"),
        unchanged=lambda: PriorityBallot.objects.get().confirmed_at is None,
        changed=lambda: PriorityBallot.objects.get().confirmed_at is not None,
    )


@pytest.mark.parametrize("topic", ["goal", "news"])  # following a goal; the newsletter
def test_alert_and_newsletter_subscription(client, mailoutbox, topic):
    goal = make_goal(make_field(make_version()), 3)
    client.post(
        "/benachrichtigungen/",
        {"email": "ada@example.org", "topic": f"goal:{goal.pk}" if topic == "goal" else "news"},
    )
    scanned_then_pressed(
        client,
        link(mailoutbox[0], "/benachrichtigungen/bestaetigen/"),
        unchanged=lambda: not Subscription.objects.active().exists(),
        changed=lambda: Subscription.objects.active().get().email == "ada@example.org",
    )


def test_a_confirm_page_is_never_kept_by_any_cache(client, target, mailoutbox, settings):
    """It shows a visitor's own text under a private token: the page cache, proxies and the
    browser must not keep it (otherwise a used link kept offering its button)."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.post("/kommentare/senden/", form_data(target, comment="Nur für mich sichtbar"))
    path = link(mailoutbox[0], "/kommentare/bestaetigen/")
    first, second = client.get(path), client.get(path)
    assert second.get("X-Page-Cache") is None
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    press_confirm(client, path)
    assert "Ihr Kommentar ist bereits bestätigt" in client.get(path).content.decode()


def test_a_reply_to_a_comment_hidden_since_says_so_before_the_button(
    client, target, add_comment, mailoutbox, moderator
):
    from dialog.comments import moderation
    from dialog.comments.netiquette import NetiquetteReason

    parent = add_comment(target, "Wird gleich verborgen")
    client.post("/kommentare/senden/", form_data(target, reply_to=str(parent.pk)))
    moderation.hide([parent], NetiquetteReason.INSULT, moderator)
    page = client.get(link(mailoutbox[0], "/kommentare/bestaetigen/"))
    html = page.content.decode()
    assert page.status_code == 400 and "Antwort nicht möglich" in html
    assert "Mehr Glasfaser auf dem Land, bitte." in html  # the text, to copy
    assert "<button" not in html.split("<main")[1]


def test_a_used_subscription_link_shows_the_subscription_not_the_button(client, mailoutbox):
    goal = make_goal(make_field(make_version()), 3)
    client.post("/benachrichtigungen/", {"email": "ada@example.org", "topic": f"goal:{goal.pk}"})
    path = link(mailoutbox[0], "/benachrichtigungen/bestaetigen/")
    press_confirm(client, path)
    again = client.get(path).content.decode()
    assert "Abonnement bestätigt" in again and "Ja, Abonnement bestätigen" not in again
