"""Comment state read through one QuerySet API: which comments each state holds."""

import pytest

from dialog.comments.counts import annotate_comment_counts
from dialog.comments.state import comments

pytestmark = pytest.mark.django_db


def texts(queryset):
    return sorted(queryset.values_list("comment", flat=True))


def test_each_state_holds_exactly_its_comments(target, make_page, add_comment):
    add_comment(target, "freigegeben")
    add_comment(target, "wartet", is_public=False)
    add_comment(target, "verborgen", is_removed=True)
    add_comment(make_page(slug="anders", title="Andere Seite"), "anderswo")

    on_target = comments().on(target)
    assert texts(on_target.visible()) == ["freigegeben"]
    assert texts(on_target.waiting()) == ["wartet"]
    assert texts(on_target.hidden()) == ["verborgen"]
    # Threads show hidden comments as placeholders, never waiting ones.
    assert texts(on_target.released()) == ["freigegeben", "verborgen"]
    assert texts(comments().on_model(type(target)).visible()) == ["anderswo", "freigegeben"]


def test_counts_show_only_visible_comments(target, add_comment):
    add_comment(target, "freigegeben")
    add_comment(target, "wartet", is_public=False)
    add_comment(target, "verborgen", is_removed=True)

    counted = annotate_comment_counts(type(target).objects.filter(pk=target.pk)).get()
    assert counted.comment_count == 1
