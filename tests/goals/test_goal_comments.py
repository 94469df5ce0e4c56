"""Goals are commentable: thread on the goal page, counts in lists, export by version/field/goal."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialog.comments import moderation
from dialog.comments.forms import CommentForm
from dialog.comments.netiquette import NetiquetteReason
from dialog.models import Phase
from tests.dialog.helpers import form_data
from tests.support.admin_forms import goal_form_extras
from tests.support.links import press_confirm

from .conftest import d

pytestmark = pytest.mark.django_db


def comment_on(goal, text="Kommentar", parent=None, n=0, **extra):
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(goal),
        object_pk=str(goal.pk),
        site_id=1,
        user_name=extra.pop("name", f"Person {n}"),
        user_email=f"p{n}@example.org",
        comment=text,
        submit_date=timezone.now() - timedelta(hours=10000 - n),
        parent_id=parent.pk if parent else 0,
        **extra,
    )
    comment.save()
    return comment


def many_comments(goal, count):
    """Threads of one comment and up to four replies, `count` comments in all."""
    n = 0
    while n < count:
        top = comment_on(goal, f"Strang {n}", n=n)
        n += 1
        for _ in range(4):
            if n >= count:
                break
            comment_on(goal, f"Antwort {n}", parent=top, n=n)
            n += 1


@pytest.fixture
def goal(version, make_field, make_goal):
    # A version's goals take comments only while a phase covering it runs (dialog.participation.phase_rules).
    now = timezone.now()
    version.phases.add(
        Phase.objects.create(
            title="Laufende Phase",
            slug="laufende-phase",
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=1),
        )
    )
    return make_goal(make_field(version, "4.1", "Digitale Verwaltung"), 7, "Serviceportal ausbauen")


def test_goal_page_has_thread_and_form_and_the_anonymous_flow_ends_there(client, goal, mailoutbox):
    html = client.get(goal.get_absolute_url()).content.decode()
    assert '<h2 id="kommentare-titel">Kommentare' in html
    assert "Kommentar schreiben" in html
    data = CommentForm(goal).initial.copy()
    data.update(
        content_type="goals.goal",
        object_pk=str(goal.pk),
        name="Tom",
        email="tom@example.org",
        comment="Bitte auch Wohngeld online.",
        reply_to="0",
        honeypot="",
    )
    client.post("/kommentare/senden/", data)
    assert "„2.0 · Ziel 7: Serviceportal ausbauen“" in mailoutbox[0].body
    link = mailoutbox[0].body.split("/kommentare/bestaetigen/")[1].split()[0]
    response = press_confirm(client, f"/kommentare/bestaetigen/{link}", follow=True)
    comment = XtdComment.objects.get()
    assert response.redirect_chain[-1][0] == f"/strategie/2-0/ziele/7/#kommentar-{comment.pk}"
    assert "Bitte auch Wohngeld online." in response.content.decode()


@pytest.mark.parametrize("count", [1, 500])
def test_goal_page_queries_do_not_grow_with_comments(
    client, goal, count, django_assert_num_queries
):
    many_comments(goal, count)
    url = goal.get_absolute_url()
    # 12 for the goal page (with its blog posts, text paragraphs, the comments, statements
    # and ideas it came from, the statements addressing it, its changes after publication),
    # 4 for the thread: options, the phases covering the version (open or closed?), totals,
    # comments.
    with django_assert_num_queries(16):  # see the goal page's pin in test_strategy_pages
        response = client.get(url)
    html = response.content.decode()
    assert html.count('<li class="comment') == min(count, 50)
    assert f'<span class="comments__count">({count})</span>' in html


@pytest.mark.parametrize("per_goal", [1, 30])
def test_version_page_and_dashboard_show_counts_without_a_query_per_goal(
    client, version, make_field, make_goal, django_assert_num_queries, per_goal
):
    field = make_field(version)
    goals = [make_goal(field, n, target=d("2030-12-31")) for n in range(1, 21)]
    for goal in goals[::2]:
        for n in range(per_goal):
            comment_on(goal, n=n)
    hidden = comment_on(goals[1], "Weg")
    moderation.hide([hidden], NetiquetteReason.SPAM, None)
    link = f'<a href="/strategie/2-0/ziele/1/#kommentare">{per_goal}<span class="visually-hidden"> Kommentar'
    # Content types are looked up once per process; warm them so the count does
    # not depend on which test ran first.
    client.get("/strategie/2-0/")
    with django_assert_num_queries(4):  # 3 + the most commented paragraphs
        version_html = client.get("/strategie/2-0/").content.decode()
    with django_assert_num_queries(4):  # the dashboard's four (see test_dashboard)
        dashboard_html = client.get("/umsetzung/").content.decode()
    for html in (version_html, dashboard_html):
        assert link in html
        assert 'href="/strategie/2-0/ziele/2/#kommentare"' not in html  # only a hidden one


def test_export_by_field_names_goal_number_field_and_version(
    client, version, old_version, make_field, make_goal, moderator
):
    verwaltung = make_field(version, "4.1", "Digitale Verwaltung", slug="verwaltung")
    bildung = make_field(version, "4.2", "Bildung", slug="bildung")
    wanted = make_goal(verwaltung, 12, "Register modernisieren")
    comment_on(wanted, "Zum Register", n=1)
    comment_on(make_goal(bildung, 13, "Schulen"), "Zu Schulen", n=2)
    comment_on(make_goal(make_field(old_version, "1"), 3, "Alt"), "Zur alten Fassung", n=3)
    client.force_login(moderator)

    def export(scope):
        response = client.post(
            "/admin/django_comments_xtd/xtdcomment/export/", {"scope": scope, "format": "csv"}
        )
        return list(
            csv.DictReader(
                io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")),
            )
        )

    rows = export(f"goals.goal:feld-{verwaltung.pk}")
    assert [(r["Fassung"], r["Nummer"], r["Handlungsfeld"], r["Text"]) for r in rows] == [
        ("Digitalstrategie.NRW 2.0", "12", "4.1 Digitale Verwaltung", "Zum Register")
    ]
    assert rows[0]["Objekt"] == "2.0 · Ziel 12: Register modernisieren"
    assert {r["Text"] for r in export("goals.goal:fassung-2-0")} == {"Zum Register", "Zu Schulen"}
    assert [r["Text"] for r in export(f"goals.goal:ziel-{wanted.pk}")] == ["Zum Register"]
    assert len(export("alle")) == 3


def test_editor_closes_comments_on_the_goal_form(client, goal, editor):
    client.force_login(editor)
    prefix = "dialog-commentoptions-content_type-object_pk"
    html = client.get(f"/admin/goals/goal/{goal.pk}/change/").content.decode()
    assert f'name="{prefix}-0-closed"' in html and "Vorab-Moderation" in html
    response = client.post(
        f"/admin/goals/goal/{goal.pk}/change/",
        {
            "field": goal.field_id,
            "number": goal.number,
            "title": goal.title,
            "horizon": goal.horizon,
            "provenance": goal.provenance,
            "reports-TOTAL_FORMS": "0",
            "reports-INITIAL_FORMS": "0",
            **goal_form_extras(goal),
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-closed": "on",
            f"{prefix}-0-closed_note": "Die Kommentarphase zu diesem Ziel ist beendet.",
        },
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Die Kommentarphase zu diesem Ziel ist beendet." in page
    assert "Kommentar absenden" not in page


# Reading a goal page with its comment form sets no cookie; signed-in posts keep CSRF checks.


def test_reading_a_goal_page_with_the_form_sets_no_cookie(goal):
    response = Client().get(goal.get_absolute_url())
    assert "Kommentar schreiben" in response.content.decode()
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_anonymous_comment_needs_no_csrf_cookie_and_still_waits_for_confirmation(goal, mailoutbox):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/kommentare/senden/", form_data(goal, comment="Ohne Cookie geschrieben.")
    )
    assert response.status_code == 302
    assert XtdComment.objects.count() == 0
    assert "/kommentare/bestaetigen/" in mailoutbox[0].body


def test_signed_in_staff_post_without_csrf_token_is_refused(goal, editor):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    html = strict.get(goal.get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" in html  # the signed-in form carries the token
    response = strict.post("/kommentare/senden/", form_data(goal, comment="Gefälschte Antwort"))
    assert response.status_code == 403
    assert XtdComment.objects.count() == 0


def test_cross_site_comment_is_refused_without_storing_or_mailing(goal, mailoutbox):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/kommentare/senden/",
        form_data(goal, comment="Von fremder Seite"),
        HTTP_ORIGIN="https://angreifer.example",
    )
    assert response.status_code == 403
    assert XtdComment.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.parametrize("goal_count", [2, 25])
@pytest.mark.parametrize(
    "queue", ["/admin/dialog/waitingcomment/", "/admin/django_comments_xtd/xtdcomment/"]
)
def test_moderation_queue_links_each_goal_without_a_query_per_goal(
    client, version, make_field, make_goal, moderator, django_assert_num_queries, goal_count, queue
):
    field = make_field(version)
    goals = [make_goal(field, n) for n in range(1, goal_count + 1)]
    for n, goal in enumerate(goals):
        comment_on(goal, f"Wartet zu Ziel {goal.number}", n=n, is_public=False)
    client.force_login(moderator)
    client.get(queue)  # warm the content-type cache
    # Session, user, the two kinds of second factor, two permission queries, two counts,
    # comments, the goals with their versions (one query for all), the date range and days
    # of the date hierarchy, and the session's new expiry in a savepoint (staff sessions end
    # when idle: update, savepoint and release).
    with django_assert_num_queries(15):
        html = client.get(queue).content.decode()
    for goal in goals:
        assert f'<a href="/strategie/2-0/ziele/{goal.number}/">2.0 · Ziel {goal.number}: ' in html
