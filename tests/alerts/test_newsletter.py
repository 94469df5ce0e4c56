"""Newsletter: written in the admin, previewed, tested, released, sent once, archived."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from alerts.models import Newsletter, NewsletterSent, Subscription
from alerts.newsletter import send_released
from alerts.sent_once import address_hash
from tests.alerts.conftest import link_in

pytestmark = pytest.mark.django_db


def follow(email, topic="news", label="Neuigkeiten und Einladungen"):
    subscription, _ = Subscription.request(email, topic, label)
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now())


@pytest.fixture
def newsletter(db):
    return Newsletter.objects.create(
        subject="Einladung zur Digitalkonferenz",
        text="Liebe Leserinnen und Leser,\n\nwir laden Sie ein.",
        links="Zur Anmeldung | /veranstaltungen/konferenz/\nBöse | javascript:alert(1)",
    )


def test_editor_previews_and_sends_a_test_to_herself(client, editor, newsletter):
    client.force_login(editor)
    preview = client.get(newsletter.get_absolute_url()).content.decode()
    assert "Vorschau: Dieser Newsletter ist noch nicht verschickt" in preview
    assert "wir laden Sie ein." in preview
    assert "javascript:" not in preview

    client.post(
        "/admin/alerts/newsletter/",
        {"action": "send_test", "_selected_action": [newsletter.pk]},
    )
    (message,) = mail.outbox
    assert message.to == ["erika.redaktion@example.org"]
    assert message.subject.endswith("[Test] Einladung zur Digitalkonferenz")
    newsletter.refresh_from_db()
    assert newsletter.released_at is None and newsletter.sent_at is None


def test_unsent_newsletter_is_not_public(client, newsletter):
    assert client.get(newsletter.get_absolute_url()).status_code == 404
    assert "Einladung zur Digitalkonferenz" not in client.get("/newsletter/").content.decode()


def test_released_newsletter_goes_to_news_followers_once(client, editor, newsletter):
    follow("ada@example.org")
    follow("bob@example.org")
    follow("carl@example.org", "dialog", "Neue Beteiligungsphasen")
    client.force_login(editor)
    client.post(
        "/admin/alerts/newsletter/", {"action": "release", "_selected_action": [newsletter.pk]}
    )
    assert mail.outbox == []  # sending is the cron's job, not the admin request's

    call_command("send_alert_digest", stdout=None)
    call_command("send_alert_digest", stdout=None)
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bob@example.org"]
    message = mail.outbox[0]
    assert "Liebe Leserinnen und Leser," in message.body
    assert "Zur Anmeldung: http" in message.body
    assert "javascript:" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    newsletter.refresh_from_db()
    assert newsletter.recipients == 2
    archive = Client().get("/newsletter/").content.decode()
    assert "Einladung zur Digitalkonferenz" in archive
    assert "wir laden Sie ein." in Client().get(newsletter.get_absolute_url()).content.decode()

    # The one-click link in the newsletter works like the digest's.
    path = link_in(message.extra_headers["List-Unsubscribe"], "/benachrichtigungen/abmelden/")
    Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert not Subscription.objects.filter(email=message.to[0]).exists()


def test_released_newsletter_cannot_be_changed(client, editor, newsletter):
    newsletter.released_at = timezone.now()
    newsletter.save()
    client.force_login(editor)
    client.post(
        f"/admin/alerts/newsletter/{newsletter.pk}/change/",
        {"subject": "Geändert", "text": "Anders", "links": ""},
    )
    newsletter.refresh_from_db()
    assert newsletter.subject == "Einladung zur Digitalkonferenz"


def test_interrupted_run_resumes_and_a_failure_is_counted(newsletter, monkeypatch):
    for name in ("ada", "bob", "carl", "dora"):
        follow(f"{name}@example.org")
    newsletter.released_at = timezone.now()
    newsletter.save()
    # A run that died after ada: she is recorded, so she gets nothing a second time.
    NewsletterSent.objects.create(
        newsletter=newsletter, address_hash=address_hash("ada@example.org")
    )
    real_send = __import__("common.mail", fromlist=["send"]).send

    def fail_for_carl(subject, to, *args, **kwargs):
        if to == "carl@example.org":
            raise OSError("connection lost")
        return real_send(subject, to, *args, **kwargs)

    monkeypatch.setattr("common.mail.send", fail_for_carl)
    send_released(batch_size=2)
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "dora@example.org"]
    assert Subscription.objects.get(email="carl@example.org").failures == 1
