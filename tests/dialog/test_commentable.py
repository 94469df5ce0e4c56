"""The registry and its policy: editor switches, extra rules (e.g. phases), closed notes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage

from dialog.comments import commentable
from dialog.comments.commentable import DEFAULT_CLOSED_NOTE, CommentPolicy
from dialog.models import CommentOptions

pytestmark = pytest.mark.django_db


class PhaseRule:
    """What a participation phase will answer: open only while it runs, pre-moderated."""

    def __init__(self, running, premoderated=None):
        self.running, self.moderated = running, premoderated

    def is_open(self, obj):
        return self.running

    def closed_note(self, obj):
        return "Die Online-Phase ist beendet."

    def premoderated(self, obj):
        return self.moderated


def options(obj, **values):
    return CommentOptions.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk), **values
    )


def test_default_is_open_and_post_moderated(target):
    policy = commentable.policy_for(target)
    assert (policy.is_open(target), policy.premoderated(target)) == (True, False)


def test_editor_closes_with_own_or_default_note(target):
    options(target, closed=True)
    policy = CommentPolicy()
    assert (policy.is_open(target), policy.closed_note(target)) == (False, DEFAULT_CLOSED_NOTE)
    target2 = FlatPage.objects.get(pk=target.pk)
    CommentOptions.objects.update(closed_note="Bis zur nächsten Fassung geschlossen.")
    assert policy.closed_note(target2) == "Bis zur nächsten Fassung geschlossen."


def test_a_rule_can_close_and_premoderate_but_never_reopen(target):
    closed_by_phase = CommentPolicy(rules=[PhaseRule(running=False)])
    assert closed_by_phase.is_open(target) is False
    assert closed_by_phase.closed_note(target) == "Die Online-Phase ist beendet."

    running = CommentPolicy(rules=[PhaseRule(running=True, premoderated=True)])
    assert (running.is_open(target), running.premoderated(target)) == (True, True)

    options(target, closed=True)
    fresh = FlatPage.objects.get(pk=target.pk)
    assert running.is_open(fresh) is False


def test_add_rule_to_a_registered_model_changes_the_page(client, target):
    commentable.add_rule(FlatPage, PhaseRule(running=False))
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Die Online-Phase ist beendet." in html
    assert "Kommentar absenden" not in html


def test_unregistered_models_are_not_commentable():
    from django.contrib.auth.models import Group

    assert commentable.is_commentable(Group) is False
    with pytest.raises(commentable.NotCommentable):
        commentable.policy_for(Group)
