"""Subscribing by address alone: double opt-in, bad input, expiry, limits."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Subscription
from common.link_tokens import token_hash
from tests.alerts.conftest import link_in

pytestmark = pytest.mark.django_db


def test_goal_page_shows_the_subscribe_form(client, goal):
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Über Änderungen informieren" in page
    assert f'name="topic" value="goal:{goal.pk}"' in page
    assert 'action="/benachrichtigungen/"' in page


@pytest.mark.parametrize(
    ("url", "topic", "heading"),
    [
        ("/dialog/", "dialog", "Neue Beteiligungsphasen"),
        ("/blog/", "news", "Neuigkeiten und Einladungen"),
    ],
)
def test_dialog_and_blog_show_the_same_form(client, url, topic, heading):
    page = client.get(url).content.decode()
    assert heading in page
    assert f'name="topic" value="{topic}"' in page


def test_dashboard_and_field_offer_subscriptions(client, goal):
    dashboard = client.get("/umsetzung/").content.decode()
    assert f'name="topic" value="version:{goal.version.slug}"' in dashboard
    version_page = client.get(goal.version.get_absolute_url()).content.decode()
    assert f"/benachrichtigungen/?thema=field:{goal.field_id}" in version_page
    field_form = client.get(f"/benachrichtigungen/?thema=field:{goal.field_id}").content.decode()
    assert "Handlungsfeld 4.2 Bildung und Kultur" in field_form


def test_a_signed_in_editor_follows_a_goal_from_its_page(client, goal, editor):
    """Signed-in users get Django's token check on public forms (common/csrf.py); the form
    once carried no token for them, and every editor who tried got 403."""
    client.force_login(editor)
    client.get(goal.get_absolute_url())  # the form with its token, as the browser shows it
    response = client.post(
        "/benachrichtigungen/", {"email": "erika@example.org", "topic": f"goal:{goal.pk}"}
    )
    assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
    assert Subscription.objects.get().email == "erika@example.org"
    assert len(mail.outbox) == 1


def test_double_opt_in_activates_only_after_the_click(client, goal):
    response = client.post(
        "/benachrichtigungen/", {"email": "ada@example.org", "topic": f"goal:{goal.pk}"}
    )
    assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.email == "ada@example.org"
    assert (
        subscription.topic_label == "Ziel 3: Breitband für alle Schulen (Digitalstrategie.NRW 2019)"
    )
    assert not Subscription.objects.active().exists()

    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "Ziel 3: Breitband für alle Schulen" in message.body
    confirm_path = link_in(message.body, "/benachrichtigungen/bestaetigen/")
    token = confirm_path.rstrip("/").rsplit("/", 1)[1]
    # Only the hash is stored: the token in the mail is nowhere in the database.
    assert subscription.token_hash == token_hash(token) != token

    # A link scanner that only GETs activates nothing.
    page = client.get(confirm_path).content.decode()
    assert "Ja, Abonnement bestätigen" in page
    assert not Subscription.objects.active().exists()

    confirmed = client.post(confirm_path).content.decode()
    assert "Abonnement bestätigt" in confirmed
    assert Subscription.objects.active().get().email == "ada@example.org"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ada(at)example.org", "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
        ("", "Bitte geben Sie Ihre E-Mail-Adresse ein."),
    ],
)
def test_bad_address_gets_german_error_beside_the_field(client, goal, email, message):
    response = client.post("/benachrichtigungen/", {"email": email, "topic": f"goal:{goal.pk}"})
    page = response.content.decode()
    assert f'<p class="field__error" id="id_email_error"><strong>Fehler:</strong> {message}' in page
    assert f'value="{email}"' in page or not email  # the text typed stays in the field
    assert f'value="goal:{goal.pk}"' in page
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_unknown_topic_is_refused_and_nothing_stored(client, db):
    response = client.post("/benachrichtigungen/", {"email": "a@example.org", "topic": "goal:999"})
    assert response.status_code == 404
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_keeps_the_text_and_stores_nothing(client, goal):
    for n in range(5):
        client.post("/benachrichtigungen/", {"email": f"n{n}@example.org", "topic": "dialog"})
    response = client.post("/benachrichtigungen/", {"email": "flut@example.org", "topic": "dialog"})
    page = response.content.decode()
    assert "Von Ihrem Anschluss kamen in den letzten 10 Minuten schon 5 Anfragen" in page
    assert 'value="flut@example.org"' in page
    assert not Subscription.objects.filter(email="flut@example.org").exists()
    assert len(mail.outbox) == 5


def test_foreign_origin_is_refused_and_readers_get_no_cookie(client, goal):
    page = client.get(goal.get_absolute_url())
    assert "csrftoken" not in page.cookies
    response = client.post(
        "/benachrichtigungen/",
        {"email": "opfer@example.org", "topic": "dialog"},
        headers={"origin": "https://boese.example"},
    )
    assert response.status_code == 403
    assert Subscription.objects.count() == 0


def test_confirmation_link_expires_after_seven_days(client, goal):
    client.post("/benachrichtigungen/", {"email": "spaet@example.org", "topic": "dialog"})
    confirm_path = link_in(mail.outbox[0].body, "/benachrichtigungen/bestaetigen/")
    Subscription.objects.update(requested_at=timezone.now() - timedelta(days=7, minutes=1))
    response = client.post(confirm_path)
    assert response.status_code == 404
    assert "Dieser Link ist nicht gültig" in response.content.decode()
    assert not Subscription.objects.active().exists()


def test_purge_deletes_expired_requests_only(goal):
    old, _ = Subscription.request("alt@example.org", "dialog", "Neue Beteiligungsphasen")
    fresh, _ = Subscription.request("neu@example.org", "dialog", "Neue Beteiligungsphasen")
    confirmed, _ = Subscription.request("aktiv@example.org", "dialog", "Neue Beteiligungsphasen")
    long_ago = timezone.now() - timedelta(days=8)
    Subscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(requested_at=long_ago)
    Subscription.objects.filter(pk=confirmed.pk).update(confirmed_at=long_ago)
    call_command("purge_unconfirmed", stdout=io.StringIO())
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "neu@example.org",
        "aktiv@example.org",
    }


def test_manage_requests_cannot_use_up_another_mailbox_s_limit(client, goal, settings):
    """Requests for an address without subscriptions send nothing and count nothing against
    that mailbox; for one with subscriptions, the limit is kept silently (same answer)."""
    for n in range(8):
        page = client.post(
            "/benachrichtigungen/verwalten/",
            {"email": f"opfer+{n}@example.org"},
            REMOTE_ADDR=f"10.7.0.{n}",
        ).content.decode()
        assert "Wenn für opfer+" in page
    assert mail.outbox == []
    # The owner of that mailbox can still subscribe.
    response = client.post(
        "/benachrichtigungen/", {"email": "opfer@example.org", "topic": f"goal:{goal.pk}"}
    )
    assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
    assert len(mail.outbox) == 1
