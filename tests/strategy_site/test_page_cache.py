"""Whole pages kept for anonymous readers: served fast, never someone else's message,
form error or staff view, and fresh the moment anything on them changes (which change
renews which page: tests/strategy_site/test_page_freshness.py)."""

import datetime
import gzip

import pytest
from django.core.cache import cache

from blog.models import Post
from dialog.comments import state
from dialog.comments.xtd import XtdComment
from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion
from tests.dialog.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def goal():
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    field = FieldOfAction.objects.create(version=version, number="1", title="Netz", slug="netz")
    return Goal.objects.create(field=field, number=1, title="Glasfaser", horizon="kurzfristig")


def body(response) -> str:
    raw = response.content
    if response.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return raw.decode()


def test_second_anonymous_request_is_served_from_the_cache_compressed(client, goal):
    first = client.get("/strategie/2-0/ziele/1/")
    assert first.get("X-Page-Cache") is None
    second = client.get("/strategie/2-0/ziele/1/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Encoding"] == "gzip"
    assert len(second.content) < len(first.content) / 2
    assert body(second) == first.content.decode()
    # Security headers are added to kept pages too; no needless Vary.
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert "Accept-Language" not in second.get("Vary", "")
    # A reader whose browser cannot unpack gets the plain page.
    plain = client.get("/strategie/2-0/ziele/1/")
    assert plain["X-Page-Cache"] == "hit" and plain.get("Content-Encoding") is None
    assert plain.content.decode() == first.content.decode()


def test_conditional_get_answers_304_without_a_body(client, goal):
    first = client.get("/strategie/2-0/ziele/1/")
    etag = first["ETag"]
    again = client.get("/strategie/2-0/ziele/1/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get("/strategie/2-0/ziele/1/", HTTP_IF_NONE_MATCH='"anders"').status_code == 200


def test_a_new_status_report_an_edit_and_a_released_comment_appear_at_once(client, goal):
    url = "/strategie/2-0/ziele/1/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    StatusReport.objects.create(
        goal=goal, date=datetime.date(2024, 5, 1), status="umgesetzt", text="Fertig"
    )
    fresh = client.get(url)
    assert fresh.get("X-Page-Cache") is None and "umgesetzt" in fresh.content.decode()
    goal.title = "Glasfaser für alle"
    goal.save()
    assert "Glasfaser für alle" in client.get(url).content.decode()
    comment = XtdComment.objects.create(
        content_object=goal,
        site_id=1,
        user_name="Lea",
        user_email="lea@example.org",
        comment="Bitte auch auf dem Land.",
        is_public=False,
    )
    client.get(url)
    assert "Bitte auch auf dem Land." not in client.get(url).content.decode()
    # Released by the moderation: an update, not a save, and still seen at once.
    state.comments().filter(pk=comment.pk).release()
    assert "Bitte auch auf dem Land." in client.get(url).content.decode()


def test_a_flash_message_is_never_served_to_another_visitor(client, db, mailoutbox):
    from django.test import Client

    response = client.post(
        "/barrierefreiheit/",
        {"name": "A", "email": "a@example.org", "message": "Kontrast zu schwach.", "page": "/"},
    )
    assert response.status_code == 302
    with_message = client.get("/barrierefreiheit/").content.decode()
    assert "Vielen Dank" in with_message
    other = Client()
    for _ in range(2):
        page = other.get("/barrierefreiheit/")
        assert "Vielen Dank" not in page.content.decode()
    assert other.get("/barrierefreiheit/")["X-Page-Cache"] == "hit"


def test_a_form_error_is_never_served_to_another_visitor(client, db):
    from django.test import Client

    response = client.post("/barrierefreiheit/", {"email": "kaputt", "message": ""})
    assert "Bitte geben Sie" in response.content.decode()
    page = Client().get("/barrierefreiheit/").content.decode()
    assert "kaputt" not in page and "Bitte geben Sie" not in page


def test_staff_pages_are_never_kept_and_never_served_to_staff(client, goal, editor):
    Post.objects.create(title="Noch geheim", slug="geheim", teaser="t", body="<p>x</p>")
    client.force_login(editor)
    preview = client.get("/blog/geheim/")
    assert "Vorschau" in preview.content.decode()
    client.get("/strategie/2-0/ziele/1/")
    client.logout()
    from django.test import Client

    reader = Client()
    assert reader.get("/blog/geheim/").status_code == 404
    page = reader.get("/strategie/2-0/ziele/1/")
    assert page.get("X-Page-Cache") is None  # the signed-in visit was not kept
    assert "Antwort der Landesregierung" not in page.content.decode()
    # Staff never get a kept page either.
    reader.get("/strategie/2-0/ziele/1/")
    client.force_login(editor)
    assert client.get("/strategie/2-0/ziele/1/").get("X-Page-Cache") is None


def test_off_when_configured_off(client, goal, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/strategie/2-0/ziele/1/")
    assert client.get("/strategie/2-0/ziele/1/").get("X-Page-Cache") is None


def test_a_head_request_is_answered_but_never_kept(client, goal):
    head = client.head("/strategie/2-0/ziele/1/")
    assert head.status_code == 200 and head.content == b""
    page = client.get("/strategie/2-0/ziele/1/")
    assert page.get("X-Page-Cache") is None  # the HEAD filled nothing
    assert "Glasfaser" in page.content.decode()
    kept_head = client.head("/strategie/2-0/ziele/1/")
    assert kept_head["X-Page-Cache"] == "hit" and kept_head.content == b""
    assert "Glasfaser" in client.get("/strategie/2-0/ziele/1/").content.decode()


def test_a_hit_sends_the_headers_of_the_miss(client, goal):
    miss = client.get("/daten/ziele.csv")
    hit = client.get("/daten/ziele.csv")
    assert hit["X-Page-Cache"] == "hit"
    for header in ("Content-Type", "Content-Disposition"):
        assert hit[header] == miss[header], header
    assert "attachment" in hit["Content-Disposition"] or "filename" in hit["Content-Disposition"]


@pytest.mark.parametrize("refusal", ["gzip;q=0, identity", "identity", "*;q=0, identity", ""])
def test_a_client_that_refuses_gzip_gets_identity(client, goal, refusal):
    client.get("/strategie/2-0/ziele/1/")
    hit = client.get("/strategie/2-0/ziele/1/", HTTP_ACCEPT_ENCODING=refusal)
    assert hit["X-Page-Cache"] == "hit" and hit.get("Content-Encoding") is None
    assert "<h1" in hit.content.decode()


def test_query_parameters_no_view_reads_make_no_entries(client, goal):
    for n in range(20):
        client.get("/suche/", {"q": "Glasfaser", "junk": str(n)})
    again = client.get("/suche/", {"q": "Glasfaser", "junk": "0"})
    assert again.get("X-Page-Cache") is None  # never kept
    client.get("/suche/", {"q": "Glasfaser"})
    assert client.get("/suche/", {"q": "Glasfaser"})["X-Page-Cache"] == "hit"


def test_pages_under_a_visitor_s_token_are_never_kept(client, goal):
    from alerts.links import manage_url, unsubscribe_url
    from alerts.models import Subscription

    Subscription.objects.create(email="ada@example.org", topic="news", topic_label="N")
    for url in (manage_url("ada@example.org"), unsubscribe_url("ada@example.org")):
        path = url.split("://", 1)[1].split("/", 1)[1]
        first, second = client.get("/" + path), client.get("/" + path)
        assert first.status_code == 200
        assert second.get("X-Page-Cache") is None and "no-store" in second["Cache-Control"]


def test_a_filtered_list_is_kept_by_the_parameters_it_reads(client, goal):
    url = "/umsetzung/"
    client.get(url, {"horizont": "kurzfristig"})
    assert client.get(url, {"horizont": "kurzfristig"})["X-Page-Cache"] == "hit"


def test_anonymous_writes_that_change_no_public_page_keep_the_cache(
    client, goal, settings, monkeypatch
):
    """Unconfirmed ballot, statement (with targets and PDF), pending comment, subscription
    request, manage link, accessibility feedback: none of them is on any page (none is
    declared in common/page_shows.py), so every kept page stays."""
    from datetime import timedelta

    from django.utils import timezone

    from dialog.comments import decisions
    from dialog.models import Phase
    from strategy_site import page_cache

    now = timezone.now()
    phase = Phase.objects.create(
        title="P",
        slug="p",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=9),
        priorities_question="?",
        statements_allowed=True,
    )
    goal.field.version.phases.add(phase)
    stamped = []
    monkeypatch.setattr(page_cache, "invalidate", lambda tags: stamped.append(set(tags)))
    client.post(
        "/dialog/phasen/p/prioritaeten/", {"fields_of_action": [goal.field.pk], "email": "a@b.org"}
    )
    client.post(
        "/dialog/phasen/p/stellungnahmen/einreichen/",
        {
            "organisation": "V",
            "kind": "verband",
            "title": "T",
            "text": "X",
            "email": "v@b.org",
            "consent": "on",
            "targets": [decisions.result_value(goal)],
        },
    )
    client.post("/benachrichtigungen/", {"email": "s@b.org", "topic": f"goal:{goal.pk}"})
    client.post("/benachrichtigungen/verwalten/", {"email": "s@b.org"})
    client.post("/kommentare/senden/", form_data(goal, comment="Wartet auf den Link"))
    client.post(
        "/barrierefreiheit/",
        {"email": "f@b.org", "message": "Kontrast zu schwach", "name": "", "page": ""},
    )
    from dialog.models import PendingComment, Statement
    from goals.models import PriorityBallot
    from strategy_site.models import AccessibilityFeedback

    assert PriorityBallot.objects.count() == 1 and Statement.objects.count() == 1
    assert PendingComment.objects.count() == 1 and AccessibilityFeedback.objects.count() == 1
    assert stamped == []
    # A confirmed ballot counts on no page while the phase keeps its results until the end;
    # in a phase that shows them while it runs, confirming one renews the phase's pages.
    ballot = PriorityBallot.objects.get()
    ballot.confirmed_at = timezone.now()
    ballot.save()
    assert stamped == []
    phase.priorities_shown_during = True
    phase.save()
    stamped.clear()
    PriorityBallot.objects.get().save()
    assert stamped == [{f"dialog.phase:{phase.pk}"}]


# Models staff reach in the admin that no public page shows, each with the reason. Every
# other model in the admin must be declared shown by its app (common/page_shows.py), so an
# editor's change is never kept from readers; a new model has to be placed on one side.
NOT_ON_PAGES = {
    "alerts.subscription": "an address's alerts: mail only",
    "auth.group": "staff rights",
    "auth.user": "staff accounts (comments keep the name as written)",
    "axes.accessattempt": "login throttling",
    "axes.accessfailurelog": "login throttling",
    "axes.accesslog": "login throttling",
    "django_comments.commentflag": "reports, seen by moderators only",
    "django_comments_xtd.blacklisteddomain": "blocked mail domains",
    "otp_static.staticdevice": "second factor",
    "otp_totp.totpdevice": "second factor",
    "post_office.attachment": "mail queue",
    "post_office.email": "mail queue",
    "post_office.emailtemplate": "mail queue",
    "post_office.log": "mail queue",
    "strategy_site.accessibilityfeedback": "feedback to the editors",
    "selfservice.event": "the log of „Meine Beiträge“, staff only",
}


def test_every_model_staff_edit_is_declared_shown_or_named_as_on_no_page():
    from django.contrib import admin

    from common import page_shows

    in_admin = {
        model._meta.concrete_model._meta.label_lower: model for model in admin.site._registry
    }
    undecided = sorted(
        label
        for label, model in in_admin.items()
        if not page_shows.declared(model) and label not in NOT_ON_PAGES
    )
    assert undecided == []
    # Named as on no page, yet declared shown: one of the two is wrong.
    both = sorted(label for label in NOT_ON_PAGES if page_shows.declared(in_admin[label]))
    assert both == []
