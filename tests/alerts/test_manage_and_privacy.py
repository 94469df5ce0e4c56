"""Managing by a mailed link, and who may see subscriber addresses."""

import pytest
from django.core import mail

from alerts.models import Subscription
from tests.alerts.conftest import link_in

pytestmark = pytest.mark.django_db


def confirmed(email, topic, label):
    subscription, _ = Subscription.request(email, topic, label)
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at="2024-05-01T10:00Z")
    return subscription


def test_manage_link_lists_and_removes_subscriptions(client, goal):
    news = confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    confirmed("ada@example.org", "dialog", "Neue Beteiligungsphasen")
    confirmed("bob@example.org", "news", "Neuigkeiten und Einladungen")

    response = client.post("/benachrichtigungen/verwalten/", {"email": "ada@example.org"})
    assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    path = link_in(message.body, "/benachrichtigungen/verwalten/")

    page = client.get(path).content.decode()
    assert "Neuigkeiten und Einladungen" in page and "Neue Beteiligungsphasen" in page
    assert "bob@example.org" not in page

    client.post(path, {"abonnement": news.pk})
    assert list(
        Subscription.objects.filter(email="ada@example.org").values_list("topic", flat=True)
    ) == ["dialog"]
    client.post(path, {"alle": "1"})
    assert not Subscription.objects.filter(email="ada@example.org").exists()
    assert Subscription.objects.filter(email="bob@example.org").exists()


def test_manage_request_does_not_reveal_who_subscribes(client, db):
    response = client.post("/benachrichtigungen/verwalten/", {"email": "niemand@example.org"})
    assert "Wenn für niemand@example.org Benachrichtigungen bestehen" in response.content.decode()
    assert mail.outbox == []


def test_manage_request_bad_address_keeps_text(client, db):
    page = client.post("/benachrichtigungen/verwalten/", {"email": "ada@"}).content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in page
    assert 'value="ada@"' in page


def test_manage_link_for_another_subscription_removes_nothing(client, db):
    confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    bob = confirmed("bob@example.org", "news", "Neuigkeiten und Einladungen")
    client.post("/benachrichtigungen/verwalten/", {"email": "ada@example.org"})
    path = link_in(mail.outbox[0].body, "/benachrichtigungen/verwalten/")
    client.post(path, {"abonnement": bob.pk})
    assert Subscription.objects.filter(pk=bob.pk).exists()


def test_redaktion_sees_counts_never_addresses(client, editor):
    confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    confirmed("bob@example.org", "news", "Neuigkeiten und Einladungen")
    Subscription.request("eve@example.org", "news", "Neuigkeiten und Einladungen")
    client.force_login(editor)
    page = client.get("/admin/alerts/subscription/").content.decode()
    assert "<td>Neuigkeiten und Einladungen</td><td>2</td><td>1</td><td>0</td>" in page
    assert "example.org" not in page
    one = Subscription.objects.first()
    assert client.get(f"/admin/alerts/subscription/{one.pk}/change/").status_code in (302, 403)
    # No export: neither an action nor an export view exists for the Redaktion.
    assert client.get("/admin/alerts/subscription/export/").status_code in (302, 403, 404)


def test_superuser_sees_addresses(client, django_user_model):
    confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    assert "ada@example.org" in client.get("/admin/alerts/subscription/").content.decode()


def test_moderation_sees_nothing(client, moderator):
    confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    client.force_login(moderator)
    assert client.get("/admin/alerts/subscription/").status_code == 403


def test_alert_links_name_no_address_and_the_manage_link_expires(client, goal):
    from datetime import timedelta

    from django.utils import timezone

    from alerts.links import unsubscribe_url
    from alerts.models import ManageLink

    confirmed("ada@example.org", "news", "Neuigkeiten und Einladungen")
    unsubscribe = unsubscribe_url("ada@example.org")
    token = unsubscribe.rstrip("/").rsplit("/", 1)[1]
    assert "ada" not in unsubscribe and len(token) == 64
    # It finds the address server-side and keeps working (RFC 8058 one-click).
    assert "Alle Benachrichtigungen abbestellen" in client.get(unsubscribe).content.decode()

    client.post("/benachrichtigungen/verwalten/", {"email": "ada@example.org"})
    path = link_in(mail.outbox[0].body, "/benachrichtigungen/verwalten/")
    assert "ada" not in path
    assert "Neuigkeiten und Einladungen" in client.get(path).content.decode()
    ManageLink.objects.update(created_at=timezone.now() - timedelta(days=8))
    expired = client.get(path)
    assert expired.status_code == 404
    assert "Dieser Link ist nicht gültig" in expired.content.decode()
