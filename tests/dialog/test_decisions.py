"""A decision on every contribution: recorded in the admin (also in bulk), shown under the
comment, mailed to its author, listed on the goal it led to, and carried by the export."""

import pytest
from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType

from dialog.comments import decisions
from dialog.comments.export import build_export
from dialog.models import CommentDecision
from goals.models import FieldOfAction, Goal, StrategyVersion

pytestmark = pytest.mark.django_db

ALL = "/admin/django_comments_xtd/xtdcomment/"


@pytest.fixture
def goal(db):
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    field = FieldOfAction.objects.create(version=version, number="1", title="Verwaltung", slug="v")
    return Goal.objects.create(
        field=field, number=7, title="Digitales Bürgeramt", horizon="kurzfristig"
    )


def decide(client, comments, **fields):
    return client.post(
        ALL,
        {"action": "decide", ACTION_CHECKBOX_NAME: [c.pk for c in comments], **fields},
    )


def test_moderator_decides_in_bulk_and_each_author_is_told(
    client, moderator, target, add_comment, goal, outbox, django_capture_on_commit_callbacks
):
    first = add_comment(target, "Bitte ein Online-Bürgeramt!", name="Lea")
    second = add_comment(target, "Termine online buchen", name="Tom")
    client.force_login(moderator)
    ask = decide(client, [first, second]).content.decode()
    assert "Entscheidung zu Beiträgen festhalten" in ask
    assert "Ziel 7: Digitales Bürgeramt" in ask  # a goal of the current version to point to
    goal_type = ContentType.objects.get_for_model(Goal).pk
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            client,
            [first, second],
            apply="1",
            outcome="beruecksichtigt",
            reason="Das Bürgeramt kommt als eigenes Ziel in die Strategie 2.0.",
            result=f"{goal_type}:{goal.pk}",
        )
    assert CommentDecision.objects.count() == 2
    assert {m.to[0] for m in outbox} == {first.user_email, second.user_email}
    mail = next(m for m in outbox if m.to == [first.user_email])
    assert mail.subject.endswith("Was aus Ihrem Beitrag wurde")
    assert "Berücksichtigt." in mail.body
    assert "Das Bürgeramt kommt als eigenes Ziel" in mail.body
    assert "Daraus entstanden: 2.0 · Ziel 7: Digitales Bürgeramt" in mail.body
    assert mail.message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL

    # Under the comment, for everyone.
    client.logout()
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Entscheidung: berücksichtigt</span> Das Bürgeramt kommt" in page
    assert f'Daraus entstanden: <a href="{goal.get_absolute_url()}">' in page
    # On the goal it led to, with links back.
    goal_page = client.get(goal.get_absolute_url()).content.decode()
    assert "Entstanden aus Beiträgen" in goal_page
    assert f'href="/kommentare/{first.pk}/"' in goal_page
    assert "Bitte ein Online-Bürgeramt!" in goal_page


def test_a_decision_needs_a_reason_and_nothing_is_stored_without_one(
    client, moderator, target, add_comment
):
    comment = add_comment(target)
    client.force_login(moderator)
    page = decide(client, [comment], apply="1", outcome="nicht", reason="  ").content.decode()
    assert "Bitte begründen Sie die Entscheidung in einem Satz." in page
    assert not CommentDecision.objects.exists()


def test_no_decision_on_a_hidden_comment(client, moderator, target, add_comment, outbox):
    visible = add_comment(target, "Sichtbar")
    hidden = add_comment(target, "Verborgen", is_removed=True)
    client.force_login(moderator)
    page = decide(
        client, [visible, hidden], apply="1", outcome="nicht", reason="Passt nicht."
    ).content.decode()
    assert "Entscheidungen gibt es nur zu sichtbaren Beiträgen" in page
    assert "Es wurde nichts gespeichert." in page
    assert not CommentDecision.objects.exists() and outbox == []


def test_changing_a_decision_replaces_it(target, add_comment, moderator):
    comment = add_comment(target)
    decisions.decide([comment], "nicht", "Zunächst nicht.", moderator)
    decisions.decide([comment], "teilweise", "Nun doch zum Teil.", moderator)
    decision = CommentDecision.objects.get()
    assert (decision.outcome, decision.reason) == ("teilweise", "Nun doch zum Teil.")


def test_the_export_carries_the_decision(target, add_comment, moderator):
    from dialog.comments import state

    decided = add_comment(target, "Mit Entscheidung")
    add_comment(target, "Ohne Entscheidung")
    decisions.decide([decided], "beantwortet", "Siehe Antwort der Redaktion.", moderator)
    export = build_export(state.comments())
    rows = {row[export.headers.index("Text")]: row for row in export.rows}
    column = export.headers.index("Entscheidung")
    reason = export.headers.index("Begründung der Entscheidung")
    assert rows["Mit Entscheidung"][column] == "beantwortet"
    assert rows["Mit Entscheidung"][reason] == "Siehe Antwort der Redaktion."
    assert rows["Ohne Entscheidung"][column] == ""


def test_decisions_add_no_query_per_comment_to_a_thread(
    client, target, add_comment, moderator, goal, django_assert_max_num_queries
):
    goal_type = ContentType.objects.get_for_model(Goal).pk
    comments = [add_comment(target, f"Beitrag {n}") for n in range(8)]
    decisions.decide(comments, "beruecksichtigt", "Ja.", moderator, f"{goal_type}:{goal.pk}")
    client.get(target.get_absolute_url())  # warm caches (content types, site)
    with django_assert_max_num_queries(12) as counted:
        html = client.get(target.get_absolute_url()).content.decode()
    assert html.count("Entscheidung: berücksichtigt") == 8
    few = len(counted.captured_queries)
    more = [add_comment(target, f"Weiterer {n}") for n in range(8)]
    decisions.decide(more, "nicht", "Nein.", moderator, f"{goal_type}:{goal.pk}")
    with django_assert_max_num_queries(few):
        client.get(target.get_absolute_url() + "?seite=1")
