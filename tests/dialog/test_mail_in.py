"""Contributions that came by e-mail or letter: entered in the admin on the sender's behalf,
marked as such under the goal, counted and exported like any comment, no address kept."""

import datetime
import re

import pytest
from django.utils import timezone

from dialog.comments import state
from dialog.comments.export import build_export
from dialog.comments.xtd import XtdComment
from dialog.models import Phase
from goals.models import FieldOfAction, Goal, StrategyVersion
from tests.goals.conftest import text_of

pytestmark = pytest.mark.django_db
URL = "/admin/django_comments_xtd/xtdcomment/eingang/"


@pytest.fixture
def goal(db):
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    field = FieldOfAction.objects.create(version=version, number="3", title="Verwaltung", slug="v")
    return Goal.objects.create(
        field=field, number=22, title="Digitales Bürgeramt", horizon="kurzfristig"
    )


def target_key(client, goal):
    html = client.get(URL).content.decode()
    return re.search(rf'<option value="(\d+:{goal.pk})">', html).group(1)


def letter(goal_key, **fields):
    return {
        "target": goal_key,
        "channel": "brief",
        "received_on": "02.12.2026",
        "name": "Seniorenbeirat Lippstadt",
        "kind": "verband",
        "organisation": "Seniorenbeirat der Stadt Lippstadt",
        "text": "Bitte denken Sie an Menschen ohne Smartphone: das Bürgeramt muss auch vor Ort bleiben.",
        **fields,
    }


def test_moderator_enters_a_letter_and_it_appears_marked_under_the_goal(
    client, moderator, goal, settings
):
    client.force_login(moderator)
    changelist = client.get("/admin/django_comments_xtd/xtdcomment/").content.decode()
    assert f'<a href="{URL}">Beitrag per E-Mail oder Brief erfassen</a>' in changelist
    response = client.post(URL, letter(target_key(client, goal)))
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert (comment.user_name, comment.user_email, comment.user_id) == (
        "Seniorenbeirat Lippstadt",
        "",
        None,
    )
    assert timezone.localtime(comment.submit_date).date() == datetime.date(2026, 12, 2)
    assert state.is_visible(comment)
    assert comment.sender.get_channel_display() == "per Brief eingegangen"
    followed = client.get(response.url).content.decode()
    assert (
        "steht jetzt unter „2.0 · Ziel 22: Digitales Bürgeramt“ (per Brief eingegangen)" in followed
    )
    client.logout()
    page = text_of(client.get(goal.get_absolute_url()))
    assert (
        "Seniorenbeirat Lippstadt schreibt als Verband: Seniorenbeirat der Stadt Lippstadt "
        "per Brief eingegangen"
    ) in page
    assert "Menschen ohne Smartphone" in page
    # Not an official answer, though staff entered it.
    assert "Antwort der Landesregierung" not in page.split("Seniorenbeirat Lippstadt")[1][:200]
    # Counted and exported like any contribution, with its channel.
    phase = Phase.objects.create(
        title="Mitdiskutieren",
        slug="mitdiskutieren",
        starts_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2026, 12, 31, tzinfo=datetime.UTC),
    )
    goal.version.phases.add(phase)
    results = text_of(client.get("/dialog/phasen/mitdiskutieren/ergebnisse/"))
    assert "auf dieser Website 0 per E-Mail eingegangen 0 per Brief eingegangen 1" in results
    export = build_export(state.comments())
    (row,) = [dict(zip(export.headers, values, strict=True)) for values in export.rows]
    assert (row["Eingang"], row["Schreibt als"], row["Offiziell"]) == (
        "per Brief eingegangen",
        "Verband",
        "nein",
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"received_on": "01.01.2099"}, "Das Datum liegt in der Zukunft."),
        ({"received_on": "gestern"}, "Bitte ein gültiges Datum eingeben."),
        ({"text": "   "}, "Dieses Feld ist zwingend erforderlich."),
        ({"target": "999:999"}, "Bitte eine gültige Auswahl treffen."),
        ({"target": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"kind": "buerger"}, "Für eine Organisation wählen Sie bitte oben Verband"),
        ({"channel": "fax"}, "Bitte eine gültige Auswahl treffen."),
    ],
)
def test_bad_input_is_named_beside_the_field_and_nothing_is_stored(
    client, moderator, goal, bad, message
):
    client.force_login(moderator)
    data = letter(target_key(client, goal), **bad)
    html = client.post(URL, data).content.decode()
    assert message in html
    if "text" not in bad:
        assert "Menschen ohne Smartphone" in html  # the text stays in the form
    assert not XtdComment.objects.exists()


def test_only_staff_who_may_release_comments_enter_letters(
    client, outsider, editor, moderator, goal
):
    client.force_login(outsider)
    assert client.get(URL).status_code == 302  # to the login
    # The Redaktion edits content but does not release comments: no entering either.
    client.force_login(editor)
    assert client.get(URL).status_code == 403
    assert client.post_holding_a_token(URL, letter(f"1:{goal.pk}")).status_code == 403
    assert not XtdComment.objects.exists()
    client.force_login(moderator)
    assert "Beitrag per E-Mail oder Brief erfassen" in client.get(URL).content.decode()
