"""The daily digest: bundling, idempotence, batching, failures, one-click leaving."""

import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts import registry
from alerts.digest import send_digest
from alerts.models import DigestSent, Subscription
from blog.models import Post
from common import mail as mail_module
from goals.models import StatusReport
from goals.status import Status
from tests.alerts.conftest import link_in
from tests.dialog.factories import berlin, make_phase

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 5, 14)


def subscribe(email, topic, label=None):
    subscription, _ = Subscription.request(email, topic, label or registry.topic_label(topic))
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now())
    return subscription


@pytest.fixture
def report(goal):
    return StatusReport.objects.create(
        goal=goal, date=DAY, status=Status.IN_UMSETZUNG, text="Erste Schulen sind angeschlossen."
    )


@pytest.fixture
def post(db):
    """A post scheduled days ahead whose time came on DAY."""
    return Post.objects.create(
        title="Einladung zum Werkstattgespräch",
        slug="werkstatt",
        teaser="Kommen Sie vorbei.",
        body="<p>Text</p>",
        status=Post.Status.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2024, 5, 14, 9, 30)),
    )


def test_one_mail_a_day_bundles_every_followed_topic(goal, report, post):
    subscribe("ada@example.org", f"goal:{goal.pk}")
    subscribe("ada@example.org", "news")
    subscribe("ada@example.org", "dialog")  # nothing happened here: not mentioned
    subscribe("bob@example.org", "news")
    unconfirmed, _ = Subscription.request("eve@example.org", "news", "Neuigkeiten und Einladungen")

    assert send_digest(DAY) == 2

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ada@example.org", "bob@example.org"}
    ada = by_address["ada@example.org"]
    assert "weil Sie Benachrichtigungen auf Digitalstrategie.NRW abonniert haben" in ada.body
    assert "Ziel 3: neuer Bericht, Stand „in Umsetzung“" in ada.body
    assert f"{goal.get_absolute_url()}#bericht-{report.pk}" in ada.body
    assert "Neuer Beitrag: Einladung zum Werkstattgespräch" in ada.body
    assert "Neue Beteiligungsphasen" not in ada.body
    html, mimetype = ada.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="de">' in html
    assert "<h2>Neuigkeiten und Einladungen</h2>" in html
    assert "Ziel 3" not in by_address["bob@example.org"].body


def test_second_run_sends_nothing_twice(goal, report):
    subscribe("ada@example.org", f"goal:{goal.pk}")
    call_command("send_alert_digest", "--day", DAY.isoformat(), stdout=None)
    call_command("send_alert_digest", "--day", DAY.isoformat(), stdout=None)
    assert len(mail.outbox) == 1
    assert DigestSent.objects.filter(day=DAY).count() == 1


def test_a_day_without_events_sends_nothing(goal):
    subscribe("ada@example.org", f"goal:{goal.pk}")
    assert send_digest(DAY) == 0
    assert mail.outbox == []


def test_phase_opening_and_results_reach_dialog_followers(db):
    subscribe("ada@example.org", "dialog")
    phase = make_phase(berlin(2024, 5, 14, 10), berlin(2024, 6, 14, 10), title="Onlinephase KI")
    assert send_digest(DAY) == 1
    assert "Neue Beteiligungsphase: Onlinephase KI" in mail.outbox[0].body

    phase.evaluation = "<p>Was aus Ihren Beiträgen wurde.</p>"
    phase.save()
    send_digest(timezone.localdate())
    assert "Ergebnisse veröffentlicht: Onlinephase KI" in mail.outbox[1].body


def test_official_answer_reaches_goal_followers(goal, make_staff):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site
    from django_comments_xtd.models import XtdComment

    subscribe("ada@example.org", f"field:{goal.field_id}")
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(goal),
        object_pk=str(goal.pk),
        site=Site.objects.get_current(),
        user=make_staff("ministerium"),
        comment="Die Landesregierung antwortet.",
        submit_date=timezone.now(),
    )
    send_digest(timezone.localdate())
    assert "Ziel 3: Antwort der Landesregierung" in mail.outbox[0].body


def test_a_decision_on_a_contribution_reaches_goal_followers(goal, make_staff):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site
    from django_comments_xtd.models import XtdComment

    from dialog.comments import decisions

    subscribe("ada@example.org", f"goal:{goal.pk}")
    comment = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(goal),
        object_pk=str(goal.pk),
        site=Site.objects.get_current(),
        user_name="Bürgerin",
        comment="Bitte schneller!",
        submit_date=timezone.now() - timedelta(days=3),
    )
    send_digest(timezone.localdate())
    assert mail.outbox == []  # an old comment alone is no news
    decisions.decide([comment], "teilweise", "Ein Teil kommt 2025.", make_staff("moderation"))
    send_digest(timezone.localdate())
    (digest,) = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert "Ziel 3: Entscheidung zu einem Beitrag (teilweise berücksichtigt)" in digest.body
    assert f"#kommentar-{comment.pk}" in digest.body


@pytest.mark.parametrize("subscribers", [3, 30])
def test_query_count_does_not_grow_with_subscribers(goal, report, subscribers, settings):
    # The digest's own queries; the mail queue stores one row per mail by nature.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Subscription.objects.bulk_create(
        Subscription(
            email=f"leser{n:05}@example.org",
            topic=f"goal:{goal.pk}",
            topic_label="Ziel 3",
            token_hash=f"{n:064}",
            unsubscribe_key=f"{n:064x}",  # as save() gives every subscription
            confirmed_at=timezone.now(),
        )
        for n in range(subscribers)
    )
    with CaptureQueriesContext(connection) as context:
        assert send_digest(DAY, batch_size=1000) == subscribers
    statements = [query["sql"] for query in context.captured_queries]
    # Each mail's sent-record is inserted in a transaction of its own, with the mail
    # (alerts/sent_once.py): one INSERT per mail, by nature, as the queue's row.
    claims = [sql for sql in statements if sql.startswith('INSERT INTO "alerts_digestsent"')]
    assert len(claims) == subscribers
    # Everything else is reading, the same whatever the number of subscribers: event
    # sources (reports, answers, decisions, new and answered ideas, ...), then per page
    # of addresses the page, their topics and the sent records; then the empty next page.
    reads = [
        sql
        for sql in statements
        if sql not in claims and not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    assert len(reads) == 12
    assert len(mail.outbox) == subscribers


def test_small_batches_reach_everyone_once(goal, report):
    for n in range(7):
        subscribe(f"leser{n}@example.org", f"goal:{goal.pk}")
        subscribe(f"leser{n}@example.org", "news")  # two rows per address across pages
    assert send_digest(DAY, batch_size=2) == 7
    assert sorted(m.to[0] for m in mail.outbox) == [f"leser{n}@example.org" for n in range(7)]


def test_failed_address_is_retried_then_switched_off(goal, monkeypatch):
    subscribe("kaputt@example.org", f"goal:{goal.pk}")
    subscribe("gut@example.org", f"goal:{goal.pk}")

    def refuse(subject, to, *args, **kwargs):
        if to == "kaputt@example.org":
            raise OSError("550 mailbox unavailable")
        return 1

    monkeypatch.setattr("common.mail.send", refuse)
    for offset in range(3):
        day = DAY + timedelta(days=offset)
        StatusReport.objects.create(goal=goal, date=day, status=Status.IN_UMSETZUNG, text="x")
        send_digest(day)
    broken = Subscription.objects.get(email="kaputt@example.org")
    assert broken.failures == 3
    assert broken.disabled_at is not None
    assert not Subscription.objects.active().filter(email="kaputt@example.org").exists()
    assert Subscription.objects.get(email="gut@example.org").failures == 0


def test_one_click_unsubscribe_as_mail_clients_post_it(goal, report):
    subscribe("ada@example.org", f"goal:{goal.pk}")
    subscribe("ada@example.org", "news")
    subscribe("bob@example.org", f"goal:{goal.pk}")
    send_digest(DAY)
    message = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    path = link_in(header, "/benachrichtigungen/abmelden/")
    assert path in message.body  # the same link is visible in the mail

    # RFC 8058: a POST with this body, no cookie, no CSRF token, no JavaScript.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="ada@example.org").exists()
    assert Subscription.objects.filter(email="bob@example.org").exists()


def test_unsubscribe_link_opened_in_browser_asks_first(client, goal):
    subscribe("ada@example.org", f"goal:{goal.pk}")
    from alerts.links import unsubscribe_url

    path = link_in(unsubscribe_url("ada@example.org"), "/benachrichtigungen/abmelden/")
    page = client.get(path).content.decode()
    assert "Alle Benachrichtigungen abbestellen" in page
    assert Subscription.objects.filter(email="ada@example.org").exists()
    assert client.post(path + "x").status_code == 404  # a forged link removes nothing
    assert Subscription.objects.filter(email="ada@example.org").exists()


def test_a_digest_that_fails_in_the_mail_queue_counts_against_the_address(goal, settings):
    """Through the real queue: the worker's final failure reaches the subscription."""
    from post_office.models import STATUS, Email

    settings.EMAIL_BACKEND = "common.mail_queue.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "tests.strategy_site.test_mail_queue.BrokenSMTP"},
        "DEFAULT_PRIORITY": "medium",
        "MAX_RETRIES": 0,
    }
    subscribe("kaputt@example.org", f"goal:{goal.pk}")
    for offset in range(3):
        day = DAY + timedelta(days=offset)
        StatusReport.objects.create(goal=goal, date=day, status=Status.IN_UMSETZUNG, text="x")
        send_digest(day)  # only queues
        call_command("mail_worker", "--once", verbosity=0)
    assert Email.objects.filter(status=STATUS.failed).count() == 3
    broken = Subscription.objects.get(email="kaputt@example.org")
    assert broken.failures == 3 and broken.disabled_at is not None


def test_a_run_that_dies_half_way_never_mails_anyone_twice(goal, report, monkeypatch):
    """The process is killed while sending the third mail: the two before it are
    recorded with their mail, the next run sends the rest and nothing again."""
    people = [f"person{n}@example.org" for n in range(6)]
    for email in people:
        subscribe(email, f"goal:{goal.pk}")
    real_send = mail_module.send
    calls = []

    def dies_on_the_third(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 3:
            raise KeyboardInterrupt  # a crash, not a delivery error: nothing catches it
        return real_send(*args, **kwargs)

    monkeypatch.setattr(mail_module, "send", dies_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        send_digest(DAY)
    assert sorted(m.to[0] for m in mail.outbox) == people[:2]
    assert DigestSent.objects.filter(day=DAY).count() == 2  # no row for the third

    monkeypatch.setattr(mail_module, "send", real_send)
    assert send_digest(DAY) == 4
    assert sorted(m.to[0] for m in mail.outbox) == people  # each exactly once


def test_a_second_run_started_half_way_through_the_first_sends_nothing_twice(
    goal, report, monkeypatch
):
    """Two cron hosts start the digest; the second begins while the first is at its
    second address: between them every address gets one mail."""
    people = [f"person{n}@example.org" for n in range(5)]
    for email in people:
        subscribe(email, f"goal:{goal.pk}")
    real_send = mail_module.send
    second_run = []

    def send_and_start_the_other_run(*args, **kwargs):
        result = real_send(*args, **kwargs)
        if args[1] == people[1] and not second_run:
            second_run.append(send_digest(DAY))
        return result

    monkeypatch.setattr(mail_module, "send", send_and_start_the_other_run)
    first_run = send_digest(DAY)
    assert first_run + second_run[0] == 5
    assert sorted(m.to[0] for m in mail.outbox) == people
    assert DigestSent.objects.filter(day=DAY).count() == 5
