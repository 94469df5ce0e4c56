"""A visitor's text is never executed: every mail that carries text from outside (visitors'
names, organisations, comments, notes; editors' titles, reasons and newsletters) arrives
with that text exactly as typed, through the immediate path and through the queue's
worker alike.

Each mail is sent with template syntax in every free-text field it shows: once with syntax
that a template engine would run (loading comments_xtd's tags to list other commenters'
addresses, the admin log, `{% debug %}`) and once with syntax that would make it fail
(`{{7*7}}`, unbalanced `{{` and `{%`). post_office's own backend rendered every queued
mail as a template a second time: the first kind then mailed the private data planted
below, the second answered 500 (SECURITY.md, "Visitors' text is never executed").
"""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
import datetime
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from post_office.models import STATUS, Email

from alerts import registry
from alerts.digest import send_digest
from alerts.models import Newsletter, Subscription
from alerts.newsletter import send_released
from blog.models import Post
from common import own_data
from dialog.comments import decisions, moderation
from dialog.comments.models import CommentOptions
from dialog.comments.netiquette import NetiquetteReason
from dialog.models import Statement
from dialog.statements import workflow
from goals.ideas import workflow as ideas_workflow
from goals.ideas.models import Idea
from goals.models import Chapter, FieldOfAction, Goal, Paragraph, StrategyVersion
from goals.suggestions import workflow as suggestions_workflow
from goals.suggestions.models import Suggestion

# The commentable test pages of the dialog tests, as fixtures here too.
from tests.dialog.conftest import add_comment, commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_phase
from tests.dialog.helpers import form_data
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db

# What a leak would show: another commenter's address and IP, an admin's address.
PRIVATE = ["geheim-kommentar@example.org", "203.0.113.77", "geheim-admin@example.org"]

# Template syntax that runs: reads comments with their private fields, the admin log,
# the whole context. Free of < > & " ' so that HTML mails show it unescaped too.
RUNS_LONG = (  # 200 characters at most: fits titles and organisation names
    "{% load comments_xtd log %}"
    "{% get_last_xtdcomments 5 as l for goals.goal %}"
    "{% for c in l %}[{{c.user_email}} {{c.ip_address}}]{% endfor %}"
    "{% get_admin_log 5 as g %}{{g.0.user.email}}{% debug %}"
)
RUNS_SHORT = "{% load log %}{% get_admin_log 9 as l %}{{ l }}"  # fits a 50-character name
# Template syntax that breaks: a second rendering raised TemplateSyntaxError (500).
BREAKS_LONG = "Rechnung {{7*7}} und {% debug %} mit {{ offen und {% ohne Ende und %} und }}"
BREAKS_SHORT = "{{7*7}} {% if %} {{ offen"

PAYLOADS = {
    "runs": (RUNS_SHORT, RUNS_LONG),
    "breaks": (BREAKS_SHORT, BREAKS_LONG),
}
# Every mail is sent with syntax that would run (delivered at once) and with syntax that
# would break (through the worker); the queue itself is tested with all four pairs below.
RUNS = [("runs", "now"), ("breaks", "worker"), ("runs", "worker"), ("breaks", "now")]


@pytest.fixture(params=RUNS[:2], ids=["runs-now", "breaks-worker"])
def case(request):
    return request.param


@pytest.fixture
def text(case):
    """(short, long): the payload for fields of up to 50 characters and for longer ones."""
    return PAYLOADS[case[0]]


@pytest.fixture
def queue(case, settings):
    """MAIL_QUEUE=now delivers during the request; worker only queues, `mail_worker` sends."""
    priority = "now" if case[1] == "now" else "medium"  # as settings.py chooses
    settings.POST_OFFICE = {**settings.POST_OFFICE, "DEFAULT_PRIORITY": priority}
    return case[1]


@pytest.fixture(autouse=True)
def private_data(db, django_user_model):
    """What a second rendering could reach: a commenter's address and IP, the admin log."""
    version = StrategyVersion.objects.create(title="Geheimfassung", slug="geheim", year=2001)
    field = FieldOfAction.objects.create(version=version, number="9", title="F", slug="f9")
    goal = Goal.objects.create(field=field, number=99, title="Geheimziel", horizon="kurzfristig")
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(Goal),
        object_pk=str(goal.pk),
        site_id=1,
        user_name="Geheim",
        user_email=PRIVATE[0],
        ip_address=PRIVATE[1],
        comment="Privat",
        submit_date=timezone.now(),
    )
    admin = django_user_model.objects.create_user("geheim-admin", PRIVATE[2], "pw", is_staff=True)
    LogEntry.objects.log_actions(
        admin.pk, [goal], ADDITION, change_message="angelegt", single_object=True
    )


@pytest.fixture
def deliver(queue, django_capture_on_commit_callbacks):
    """Runs a step the way the site runs it (on-commit mails included) and returns the mails
    it delivered, after the worker has sent them in worker mode."""

    def run(step):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            result = step()
        if queue == "worker":
            assert len(mail.outbox) == before, "worker mode must only queue"
            call_command("mail_worker", "--once", verbosity=0)
        assert not Email.objects.filter(status=STATUS.failed).exists()
        return result, mail.outbox[before:]

    return run


def assert_literal(message, *values):
    """Each value stands in the mail as typed; nothing private came along; the queue
    stored exactly what was delivered."""
    html = "".join(
        content
        for content, mimetype in getattr(message, "alternatives", [])
        if mimetype == "text/html"
    )
    whole = "\n".join([message.subject, message.body, html])
    for value in values:
        assert value in whole, f"{value!r} is not in the mail as typed:\n{whole}"
    for private in PRIVATE:
        assert private not in whole
    assert "TemplateSyntaxError" not in whole
    stored = Email.objects.get(message_id=message.extra_headers["Message-ID"])
    assert (stored.subject, stored.message, stored.html_message) == (
        message.subject,
        message.body,
        html,
    )


def link(message, path):
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s]*)", message.body)[1]


# --- Mails that carry visitors' text ---------------------------------------------------


def test_accessibility_feedback(client, editor, deliver, text):
    short, long = text
    data = {"name": short, "email": "hanna@example.org", "page": long, "message": long}
    response, (message,) = deliver(lambda: client.post("/barrierefreiheit/", data, follow=True))
    assert "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen." in response.content.decode()
    assert message.to == [editor.email]
    assert_literal(message, short, long)


def test_comment_confirmation_and_the_comment_on_its_page(client, make_page, deliver, text):
    short, long = text
    target = make_page(title=long)  # an editor's title carries syntax too
    response, (message,) = deliver(
        lambda: client.post("/kommentare/senden/", form_data(target, name=short, comment=long))
    )
    assert response.status_code == 302
    assert_literal(message, short, long)
    page = press_confirm(
        client, link(message, "/kommentare/bestaetigen/"), follow=True
    ).content.decode()
    assert "Ihr Kommentar ist jetzt veröffentlicht" in page
    assert short in page and long in page


def test_reply_notification(client, target, add_comment, deliver, text):
    short, long = text
    parent = add_comment(target, long, name=short, followup=True)
    data = form_data(target, name=short, comment=long, reply_to=str(parent.pk))
    _, (confirmation,) = deliver(lambda: client.post("/kommentare/senden/", data))
    _, (notification,) = deliver(
        lambda: press_confirm(client, link(confirmation, "/kommentare/bestaetigen/"))
    )
    assert notification.to == [parent.user_email]
    assert_literal(notification, short, long)


def test_report_to_the_moderators(client, target, add_comment, moderator, deliver, text):
    short, long = text
    comment = add_comment(target, long, name=short)
    data = {"reason": "beleidigung", "note": long}
    response, (message,) = deliver(
        lambda: client.post(f"/kommentare/{comment.pk}/melden/", data, follow=True)
    )
    assert "Danke für Ihre Meldung" in response.content.decode()
    assert message.to == [moderator.email]
    assert_literal(message, short, long)


def test_flood_notice_to_the_moderators(client, target, moderator, deliver, text):
    _, long = text
    sent = []
    for n in range(4):
        data = form_data(target, comment=long, email=f"p{n}@example.org")
        _, messages = deliver(
            lambda data=data, n=n: client.post(
                "/kommentare/senden/", data, REMOTE_ADDR=f"10.2.0.{n}"
            )
        )
        sent += messages
    (notice,) = [m for m in sent if m.to == [moderator.email]]
    assert_literal(notice, long[:200])


def test_corrected_comment_to_the_moderators(target, add_comment, moderator, deliver, text):
    """An author's correction in "Meine Beiträge" of a comment in a pre-moderated thread."""
    _, long = text
    comment = add_comment(target, "Die erste Fassung.")
    CommentOptions.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        premoderated=True,
    )
    comments = own_data.kind("kommentar")
    _, (message,) = deliver(
        lambda: comments.edit(comment.user_email, comment.pk, {"comment": long})
    )
    assert message.to == [moderator.email]
    assert_literal(message, long[:200])


def test_hidden_comment_tells_its_author(target, add_comment, moderator, deliver, text):
    short, long = text
    comment = add_comment(target, long, name=short)
    _, (message,) = deliver(lambda: moderation.hide([comment], NetiquetteReason.INSULT, moderator))
    assert message.to == [comment.user_email]
    assert_literal(message, short, long)


def test_decision_on_a_comment_with_an_editors_reason(target, add_comment, editor, deliver, text):
    short, long = text
    comment = add_comment(target, long, name=short)
    _, (message,) = deliver(lambda: decisions.decide([comment], "beantwortet", long, editor))
    assert_literal(message, short, long)


# --- Statements ------------------------------------------------------------------------


@pytest.fixture
def statement_phase(db):
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=3), now + timedelta(days=20), slug="mitreden", statements_allowed=True
    )
    return phase


def test_statement_from_submission_to_decision(
    client, statement_phase, moderator, editor, deliver, text
):
    short, long = text
    statement_phase.title = long
    statement_phase.save()
    data = {
        "organisation": long,
        "kind": "verband",
        "title": long,
        "text": long,
        "email": "kontakt@verband.example",
        "consent": "on",
    }
    form = f"/dialog/phasen/{statement_phase.slug}/stellungnahmen/einreichen/"
    response, (confirmation,) = deliver(lambda: client.post(form, data))
    assert response.status_code == 302
    assert_literal(confirmation, long)

    _, (waiting,) = deliver(
        lambda: press_confirm(client, link(confirmation, "/dialog/stellungnahmen/bestaetigen/"))
    )
    assert waiting.to == [moderator.email]
    assert_literal(waiting, long)

    statement = Statement.objects.get()
    _, (published,) = deliver(lambda: workflow.publish([statement], moderator))
    assert_literal(published, long)
    _, (decided,) = deliver(lambda: decisions.decide([statement], "beantwortet", long, editor))
    assert_literal(decided, long)
    _, (rejected,) = deliver(lambda: workflow.reject([statement], "werbung", moderator))
    assert_literal(rejected, long)


def test_idea_from_submission_to_answer(client, moderator, editor, deliver, text):
    short, long = text
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=2),
        now + timedelta(days=20),
        title=long,
        slug="ideen",
        ideas_allowed=True,
        moderation="pre",
    )
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    version.phases.add(phase)
    field = FieldOfAction.objects.create(version=version, number="1", title=long, slug="eins")
    form = f"/dialog/phasen/{phase.slug}/ideen/einreichen/"
    client.get(form)
    data = {
        "title": short,
        "text": long,
        "field": str(field.pk),
        "name": short,
        "sender_kind": "verband",
        "organisation": long,
        "email": "idee@example.org",
    }
    response, (confirmation,) = deliver(lambda: client.post(form, data))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_literal(confirmation, short, long)
    _, (waiting,) = deliver(
        lambda: press_confirm(client, link(confirmation, "/dialog/ideen/bestaetigen/"))
    )
    assert waiting.to == [moderator.email]
    assert_literal(waiting, short, long)

    idea = Idea.objects.get()
    ideas_workflow.publish([idea], moderator)
    client.get(idea.get_absolute_url())
    support_form = f"/dialog/ideen/{idea.pk}/unterstuetzen/"
    support = {"email": "fan@example.org", "wants_answer": "on"}
    _, (asked,) = deliver(lambda: client.post(support_form, support))
    assert_literal(asked, short)
    press_confirm(client, link(asked, "/dialog/ideen/unterstuetzung/"))
    _, answers = deliver(lambda: decisions.decide([idea], "nicht", long, editor))
    assert sorted(m.to[0] for m in answers) == ["fan@example.org", "idee@example.org"]
    for answer in answers:
        assert_literal(answer, short, long)
    client.get(f"/dialog/ideen/{idea.pk}/melden/")
    report = {"reason": "werbung", "note": long}
    _, (reported,) = deliver(lambda: client.post(f"/dialog/ideen/{idea.pk}/melden/", report))
    assert reported.to == [moderator.email]
    assert_literal(reported, short, long)
    _, (hidden,) = deliver(lambda: ideas_workflow.hide([idea], "werbung", moderator))
    assert_literal(hidden, short)


def test_suggestion_from_proposal_to_adoption(client, moderator, editor, deliver, text):
    short, long = text
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=2), now + timedelta(days=20), title=long, slug="t", moderation="pre"
    )
    version = StrategyVersion.objects.create(title=long[:100], slug="v", year=2019)
    version.phases.add(phase)
    chapter = Chapter.objects.create(version=version, number="1", title=long, slug="k")
    paragraph = Paragraph.objects.create(chapter=chapter, order=1, text="<p>Alter Text.</p>")
    form = paragraph.get_absolute_url() + "vorschlagen/"
    client.get(form)
    data = {
        "text": long,
        "reason": long,
        "name": short,
        "sender_kind": "verband",
        "organisation": long,
        "email": "vorschlag@example.org",
    }
    response, (confirmation,) = deliver(lambda: client.post(form, data))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_literal(confirmation, long)
    _, (waiting,) = deliver(
        lambda: press_confirm(client, link(confirmation, "/dialog/vorschlaege/bestaetigen/"))
    )
    assert waiting.to == [moderator.email]
    assert_literal(waiting, short, long)
    suggestion = Suggestion.objects.get()
    suggestions_workflow.pipeline.publish([suggestion], moderator)
    client.get(suggestion.get_absolute_url())
    support = {"email": "fan@example.org", "wants_answer": "on"}
    _, (asked,) = deliver(
        lambda: client.post(f"/dialog/vorschlaege/{suggestion.pk}/unterstuetzen/", support)
    )
    assert_literal(asked, short)
    press_confirm(client, link(asked, "/dialog/vorschlaege/unterstuetzung/"))
    report_url = f"/dialog/vorschlaege/{suggestion.pk}/melden/"
    client.get(report_url)
    _, (reported,) = deliver(lambda: client.post(report_url, {"reason": "werbung", "note": long}))
    assert_literal(reported, short, long)
    later = StrategyVersion.objects.create(title=long[:100], slug="w", year=2021)
    target = Paragraph.objects.create(
        chapter=Chapter.objects.create(version=later, number="1", title=long, slug="k"),
        order=1,
        text="<p>Alter Text.</p>",
        continues=paragraph,
    )
    _, answers = deliver(lambda: suggestions_workflow.adopt(suggestion, target, long, editor))
    assert sorted(m.to[0] for m in answers) == ["fan@example.org", "vorschlag@example.org"]
    for answer in answers:
        assert_literal(answer, long)


# --- Mails that carry editors' text ----------------------------------------------------


def test_priorities_confirmation(client, deliver, text):
    short, long = text
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=2),
        now + timedelta(days=20),
        title=long,
        slug="mitreden",
        priorities_question="Was ist Ihnen wichtig?",
    )
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    version.phases.add(phase)
    field = FieldOfAction.objects.create(version=version, number="1", title=long, slug="eins")
    data = {"fields_of_action": [str(field.pk)], "email": "ada@example.org"}
    _, (message,) = deliver(lambda: client.post("/dialog/phasen/mitreden/prioritaeten/", data))
    assert_literal(message, long)


@pytest.fixture
def goal_with_syntax(text):
    version = StrategyVersion.objects.create(title="2019", slug="2019", year=2019)
    field = FieldOfAction.objects.create(version=version, number="4", title="B", slug="f4")
    return Goal.objects.create(field=field, number=3, title=text[1], horizon="kurzfristig")


def test_alert_confirmation(client, goal_with_syntax, deliver, text):
    data = {"email": "ada@example.org", "topic": f"goal:{goal_with_syntax.pk}"}
    _, (message,) = deliver(lambda: client.post("/benachrichtigungen/", data))
    assert_literal(message, text[1])


def test_digest(deliver, text):
    _, long = text
    Post.objects.create(
        title=long[:200],
        slug="neu",
        teaser="t",
        body="<p>Text</p>",
        status=Post.Status.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2024, 5, 14, 9, 30)),
    )
    subscription, _ = Subscription.request("ada@example.org", "news", registry.topic_label("news"))
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now())
    _, (message,) = deliver(lambda: send_digest(datetime.date(2024, 5, 14)))
    assert_literal(message, long[:200])


def test_newsletter(deliver, text):
    short, long = text
    subscription, _ = Subscription.request("ada@example.org", "news", "Neuigkeiten")
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now())
    Newsletter.objects.create(
        subject=long[:200],
        text=f"{long}\n\n{short}",
        links=f"{short} | /blog/",
        released_at=timezone.now(),
    )
    _, (message,) = deliver(lambda: send_released())
    assert_literal(message, long[:200], short, long)


# --- The backend itself: any message, from any sender (Django's error mails included) ---


@pytest.mark.parametrize("case", RUNS, ids=["-".join(pair) for pair in RUNS])
def test_the_queue_stores_and_sends_any_message_byte_for_byte(queue, text):
    short, long = text
    message = mail.EmailMultiAlternatives(
        subject=long, body=long, to=["a@example.org"], reply_to=["r@example.org"]
    )
    message.attach_alternative(f"<p>{long}</p>", "text/html")
    message.attach("notiz.txt", long, "text/plain")
    message.send()
    if queue == "worker":
        call_command("mail_worker", "--once", verbosity=0)
    (delivered,) = mail.outbox
    assert (delivered.subject, delivered.body) == (long, long)
    assert delivered.alternatives[0][0] == f"<p>{long}</p>"
    assert delivered.extra_headers["Reply-To"] == "r@example.org"
    assert Email.objects.get().attachments.get().file.read().decode() == long


# Which test above sends each mail template; a new template fails here until it has one.
COVERED = {
    "accessibility_feedback.txt": test_accessibility_feedback,
    "comment_confirmation.txt": test_comment_confirmation_and_the_comment_on_its_page,
    "comment_decision.txt": test_decision_on_a_comment_with_an_editors_reason,
    "comment_flood.txt": test_flood_notice_to_the_moderators,
    "comment_corrected.txt": test_corrected_comment_to_the_moderators,
    "removed.txt": test_hidden_comment_tells_its_author,  # and the statement test
    "comment_reply.txt": test_reply_notification,
    "comment_reported.txt": test_report_to_the_moderators,
    "priorities_confirmation.txt": test_priorities_confirmation,
    "statement_confirmation.txt": test_statement_from_submission_to_decision,
    "statement_waiting.txt": test_statement_from_submission_to_decision,
    "statement_published.txt": test_statement_from_submission_to_decision,
    "statement_decision.txt": test_statement_from_submission_to_decision,
    "idea_confirmation.txt": test_idea_from_submission_to_answer,
    "idea_waiting.txt": test_idea_from_submission_to_answer,
    "support.txt": test_idea_from_submission_to_answer,
    "idea_decision.txt": test_idea_from_submission_to_answer,
    "idea_reported.txt": test_idea_from_submission_to_answer,
    "suggestion_confirmation.txt": test_suggestion_from_proposal_to_adoption,
    "suggestion_waiting.txt": test_suggestion_from_proposal_to_adoption,
    "suggestion_reported.txt": test_suggestion_from_proposal_to_adoption,
    "suggestion_decision.txt": test_suggestion_from_proposal_to_adoption,
    "alerts/confirm.txt": test_alert_confirmation,
    "alerts/digest.txt": test_digest,
    "alerts/digest.html": test_digest,
    "alerts/newsletter.txt": test_newsletter,
    "alerts/newsletter.html": test_newsletter,
    # Shows only the address's own link: no text from outside. The backend test covers it.
    "alerts/manage.txt": test_the_queue_stores_and_sends_any_message_byte_for_byte,
    # The same: the address's own link to "Meine Beiträge", nothing typed by anyone.
    "selfservice/link.txt": test_the_queue_stores_and_sends_any_message_byte_for_byte,
    "selfservice/nothing.txt": test_the_queue_stores_and_sends_any_message_byte_for_byte,
}


def test_every_mail_template_is_sent_with_template_syntax_above():
    folder = settings.BASE_DIR / "templates" / "mail"
    templates = {str(path.relative_to(folder)) for path in folder.rglob("*.*")}
    assert templates == set(COVERED)
