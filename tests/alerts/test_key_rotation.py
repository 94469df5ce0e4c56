"""Rotating DJANGO_SECRET_KEY breaks no link already mailed: a subscription's
confirmation, the manage link, the one-click unsubscribe link (also in mails sent after
the rotation), and a digest run again that day sends nothing twice. The operator's
steps are in docs/deployment.md: new key, old key in DJANGO_SECRET_KEY_FALLBACKS."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alerts.digest import send_digest
from alerts.models import Subscription
from goals.models import StatusReport
from goals.status import Status
from tests.alerts.conftest import link_in
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db

OLD_KEY = "alter-schluessel-vor-dem-wechsel-" + "a" * 30
NEW_KEY = "neuer-schluessel-nach-dem-wechsel-" + "b" * 30
DAY = datetime.date(2024, 5, 14)


@pytest.fixture
def rotate(settings):
    """Start with the old key; calling it rotates as the operator does."""
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = OLD_KEY, []

    def rotate():
        settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]

    return rotate


def report_on(goal, day):
    StatusReport.objects.create(
        goal=goal, date=day, status=Status.IN_UMSETZUNG, text=f"Stand vom {day:%d.%m.}"
    )


def last_mail_to(address):
    return [m for m in mail.outbox if m.to == [address]][-1]


def test_every_alert_link_mailed_before_a_key_rotation_still_works(client, goal, rotate):
    # Before the rotation: Ada asks to follow the goal (her confirmation link waits in
    # her inbox); Bob follows it, gets the day's digest and asks for his manage link.
    client.post("/benachrichtigungen/", {"email": "ada@example.org", "topic": f"goal:{goal.pk}"})
    ada_confirm = link_in(last_mail_to("ada@example.org").body, "/benachrichtigungen/bestaetigen/")
    bob, _ = Subscription.request("bob@example.org", f"goal:{goal.pk}", "Ziel 3")
    Subscription.objects.filter(pk=bob.pk).update(confirmed_at=timezone.now())
    report_on(goal, DAY)
    assert send_digest(DAY) == 1
    bob_unsubscribe = link_in(last_mail_to("bob@example.org").body, "/benachrichtigungen/abmelden/")
    client.post("/benachrichtigungen/verwalten/", {"email": "bob@example.org"})
    bob_manage = link_in(last_mail_to("bob@example.org").body, "/benachrichtigungen/verwalten/")

    rotate()

    # The day's digest run again (a second cron host, a retry) mails Bob nothing new.
    assert send_digest(DAY) == 0
    # Ada's confirmation link: the page, the button, her subscription is active.
    confirmed = press_confirm(client, ada_confirm).content.decode()
    assert "Abonnement bestätigt" in confirmed
    assert Subscription.objects.active().filter(email="ada@example.org").exists()
    # Bob's manage link lists what he follows.
    assert "Ziel 3" in client.get(bob_manage).content.decode()
    # The next day's digest, mailed with the new key, carries the same unsubscribe link.
    report_on(goal, DAY + datetime.timedelta(days=1))
    assert send_digest(DAY + datetime.timedelta(days=1)) == 2
    later = link_in(last_mail_to("bob@example.org").body, "/benachrichtigungen/abmelden/")
    assert later == bob_unsubscribe
    # Bob presses the button behind the link of the mail from before the rotation.
    done = press_confirm(client, bob_unsubscribe).content.decode()
    assert "Sie sind abgemeldet" in done
    assert not Subscription.objects.filter(email="bob@example.org").exists()
    assert Subscription.objects.filter(email="ada@example.org").exists()


def test_one_click_unsubscribe_from_a_mail_before_the_rotation(client, goal, rotate):
    """RFC 8058: the mail program posts to the List-Unsubscribe address, no page, no cookie."""
    ada, _ = Subscription.request("ada@example.org", "news", "Neuigkeiten")
    Subscription.objects.filter(pk=ada.pk).update(confirmed_at=timezone.now())
    report_on(goal, DAY)
    Subscription.request("ada@example.org", f"goal:{goal.pk}", "Ziel 3")
    Subscription.objects.update(confirmed_at=timezone.now())
    send_digest(DAY)
    header = last_mail_to("ada@example.org").extra_headers["List-Unsubscribe"]
    rotate()
    # A subscription added after the rotation belongs to the same address and key.
    later, _ = Subscription.request("ada@example.org", "dialog", "Neue Beteiligungsphasen")
    assert later.unsubscribe_key == ada.unsubscribe_key
    response = client.post(
        link_in(header, "/benachrichtigungen/abmelden/"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="ada@example.org").exists()
