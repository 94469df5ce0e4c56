"""Stored comment counts stay equal to the visible comments: on posting, release, hiding,
deletion, bulk inserts and a rebuild; lists read them without counting per row."""

import datetime

import pytest
from django.utils import timezone

from demo.bulk_comments import Row, insert
from dialog.comments import counts, state
from dialog.comments.xtd import XtdComment
from dialog.models import CommentCount
from goals.models import FieldOfAction, Goal, StrategyVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(db):
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    field = FieldOfAction.objects.create(version=version, number="1", title="Netz", slug="netz")
    return [
        Goal.objects.create(field=field, number=n, title=f"Ziel {n}", horizon="kurzfristig")
        for n in (1, 2)
    ]


def shown(goal) -> int:
    return Goal.objects.with_comment_counts().get(pk=goal.pk).comment_count


def comment(goal, public=True, **extra):
    return XtdComment.objects.create(
        content_object=goal,
        site_id=1,
        user_name="Lea",
        user_email="lea@example.org",
        comment="Text",
        is_public=public,
        **extra,
    )


def test_counts_follow_every_change_of_visibility(goals):
    one, two = goals
    assert shown(one) == 0
    first = comment(one)
    waiting = comment(one, public=False)
    comment(two)
    assert (shown(one), shown(two)) == (1, 1)
    state.comments().filter(pk=waiting.pk).release()
    assert shown(one) == 2
    state.comments().filter(pk=first.pk).hide()
    assert shown(one) == 1
    # Hidden ones by a filter on the state itself: still counted right afterwards.
    state.comments().filter(content_type__model="goal").visible().hide()
    assert (shown(one), shown(two)) == (0, 0)
    state.comments().hidden().release()
    assert (shown(one), shown(two)) == (2, 1)
    waiting.delete()
    assert shown(one) == 1


def test_bulk_inserts_and_rebuild_keep_the_counts(goals):
    one, two = goals
    now = timezone.now()
    insert([Row(one, f"P{n}", "", "Text", now - datetime.timedelta(minutes=n)) for n in range(5)])
    assert shown(one) == 5
    CommentCount.objects.update(visible=99)  # drifted, e.g. by hand in the database
    assert counts.rebuild() == 1
    assert (shown(one), shown(two)) == (5, 0)
