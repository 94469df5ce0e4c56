"""`manage.py purge_unconfirmed`: what visitors sent but never confirmed is deleted once its
link has expired, by the daily job alone, while nobody posts (SECURITY.md's promise)."""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from dialog.models import PendingComment
from goals.models import FieldOfAction, PriorityBallot, StrategyVersion
from tests.dialog.conftest import commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_phase
from tests.dialog.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ballot_phase(db):
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=20), now + timedelta(days=20), slug="mitreden", priorities_question="?"
    )
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    version.phases.add(phase)
    FieldOfAction.objects.create(version=version, number="1", title="Netze", slug="netze")
    return phase


def test_expired_unconfirmed_data_of_every_kind_goes_fresh_data_stays(
    client, target, ballot_phase, settings
):
    field = FieldOfAction.objects.get()
    ballot_url = "/dialog/phasen/mitreden/prioritaeten/"
    # Eight days ago: a comment and a ballot whose links were never opened.
    client.post("/kommentare/senden/", form_data(target, comment="Alt"))
    client.post(ballot_url, {"fields_of_action": [field.pk], "email": "alt@example.org"})
    eight_days_ago = timezone.now() - timedelta(days=8)
    PendingComment.objects.update(created_at=eight_days_ago)
    PriorityBallot.objects.update(created_at=eight_days_ago)
    # Today: the same again, still waiting for their click.
    client.post("/kommentare/senden/", form_data(target, comment="Neu", email="neu@example.org"))
    client.post(ballot_url, {"fields_of_action": [field.pk], "email": "neu@example.org"})

    out = io.StringIO()
    call_command("purge_unconfirmed", stdout=out)

    assert [p.data["comment"] for p in PendingComment.objects.all()] == ["Neu"]
    assert PriorityBallot.objects.count() == 1
    assert PriorityBallot.objects.get().created_at > eight_days_ago
    report = out.getvalue()
    assert "1 unbestätigte Kommentare gelöscht." in report
    assert "1 unbestätigte Stimmen zu Prioritäten gelöscht." in report


def test_the_validity_is_one_setting(client, target, settings):
    settings.CONFIRMATION_LINK_DAYS = 2
    client.post("/kommentare/senden/", form_data(target))
    PendingComment.objects.update(created_at=timezone.now() - timedelta(days=3))
    call_command("purge_unconfirmed", stdout=io.StringIO())
    assert not PendingComment.objects.exists()


def test_confirmed_contributions_stay_and_used_links_are_not_counted(client, target, mailoutbox):
    from django_comments_xtd.models import XtdComment

    from tests.support.links import press_confirm

    client.post("/kommentare/senden/", form_data(target))
    press_confirm(client, re_link(mailoutbox[0].body))
    PendingComment.objects.update(created_at=timezone.now() - timedelta(days=8))
    out = io.StringIO()
    call_command("purge_unconfirmed", stdout=out)
    assert "0 unbestätigte Kommentare gelöscht." in out.getvalue()
    assert not PendingComment.objects.exists()  # the used link's row went, uncounted
    assert XtdComment.objects.count() == 1  # the confirmed comment stays


def re_link(body):
    import re

    return re.search(r"https?://[^/\s]+(/kommentare/bestaetigen/\S+)", body)[1]
