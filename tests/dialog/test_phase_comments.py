"""Phases govern commenting: goals of a covered version and a phase's themes are open
exactly while the phase runs; before and after, the thread is read-only with a note."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialog.comments import moderation
from dialog.models import Phase
from dialog.participation.phase_rules import NO_PHASE_NOTE
from tests.support.links import press_confirm

from .factories import make_field, make_goal, make_phase, make_theme, make_version
from .helpers import form_data, link_in
from .test_phase_figures import comment

pytestmark = pytest.mark.django_db


def _thread(html):
    return html.split('id="kommentare"')[1]


@pytest.fixture
def goal():
    return make_goal(make_field(make_version()), 7, "Medienkompetenzrahmen verankern")


def cover(goal, starts_at, ends_at, **extra):
    phase = make_phase(starts_at, ends_at, title="Online-Phase", **extra)
    goal.version.phases.add(phase)
    return phase


def test_goal_is_open_while_a_phase_covering_its_version_runs(client, goal):
    now = timezone.now()
    cover(goal, now - timedelta(days=1), now + timedelta(days=1))
    thread = _thread(client.get(goal.get_absolute_url()).content.decode())
    assert "Kommentar schreiben" in thread
    assert '<form method="post" action="/kommentare/senden/"' in thread


def test_before_the_phase_the_thread_is_read_only_and_names_the_phase(client, goal):
    starts_at = timezone.now() + timedelta(days=3)
    phase = cover(goal, starts_at, starts_at + timedelta(days=42))
    thread = _thread(client.get(goal.get_absolute_url()).content.decode())
    note = (
        f"Kommentieren ist hier in der Beteiligungsphase „Online-Phase“ möglich "
        f"({_period(phase)}). Bis dahin können Sie die bisherigen Kommentare lesen."
    )
    assert f'<p class="notice comments__closed">{note}</p>' in thread
    assert "<form" not in thread


def test_after_the_phase_comments_stay_readable_and_the_note_names_the_phase(client, goal):
    ends_at = timezone.now() - timedelta(days=1)
    phase = cover(goal, ends_at - timedelta(days=42), ends_at)
    comment(goal, "anna@example.org", ends_at - timedelta(days=2), name="Anna")
    thread = _thread(client.get(goal.get_absolute_url()).content.decode())
    assert (
        f"Die Beteiligungsphase „Online-Phase“ ({_period(phase)}) ist beendet. Die Kommentare "
        "bleiben lesbar; neue Kommentare sind nicht mehr möglich."
    ) in thread
    assert "Anna" in thread
    assert "<form" not in thread and "Antworten" not in thread


def test_goal_of_a_version_without_phase_is_read_only(client, goal):
    assert NO_PHASE_NOTE in _thread(client.get(goal.get_absolute_url()).content.decode())


def test_a_phase_of_another_version_does_not_open_the_goal(client, goal):
    now = timezone.now()
    other = make_version("2-0", "Digitalstrategie.NRW 2.0", 2021)
    other.phases.add(make_phase(now - timedelta(days=1), now + timedelta(days=1)))
    assert "Kommentar schreiben" not in client.get(goal.get_absolute_url()).content.decode()


def test_post_after_the_phase_ended_keeps_the_text_and_stores_nothing(client, goal, mailoutbox):
    ends_at = timezone.now() - timedelta(minutes=1)
    cover(goal, ends_at - timedelta(days=42), ends_at)
    response = client.post("/kommentare/senden/", form_data(goal, comment="Zu spät gedacht"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Die Beteiligungsphase „Online-Phase“" in html
    assert "Zu spät gedacht" in html
    assert mailoutbox == [] and XtdComment.objects.count() == 0


def test_confirming_after_the_phase_ended_publishes_nothing(client, goal, mailoutbox):
    now = timezone.now()
    phase = cover(goal, now - timedelta(days=1), now + timedelta(days=1))
    client.post("/kommentare/senden/", form_data(goal))
    Phase.objects.filter(pk=phase.pk).update(ends_at=timezone.now())
    html = client.get(link_in(mailoutbox[0], "/kommentare/bestaetigen/")).content.decode()
    assert "Ihr Kommentar konnte deshalb nicht mehr erscheinen." in html
    assert XtdComment.objects.count() == 0


@pytest.mark.parametrize(("mode", "public"), [("pre", False), ("post", True)])
def test_moderation_mode_of_the_running_phase_decides_when_a_comment_appears(
    client, goal, mailoutbox, mode, public
):
    now = timezone.now()
    cover(goal, now - timedelta(days=1), now + timedelta(days=1), moderation=mode)
    form_html = client.get(goal.get_absolute_url()).content.decode()
    assert ("Danach prüft ihn die Moderation, bevor er erscheint." in form_html) is not public
    client.post("/kommentare/senden/", form_data(goal, comment="Mehr Medienbildung, bitte."))
    press_confirm(client, link_in(mailoutbox[0], "/kommentare/bestaetigen/"))

    stored = XtdComment.objects.get()
    assert (stored.is_public, stored.is_removed) == (public, False)
    assert (stored in moderation.waiting()) is not public
    page = client.get(goal.get_absolute_url()).content.decode()
    assert ("Mehr Medienbildung, bitte." in page) is public


def test_theme_thread_follows_its_phase(client):
    now = timezone.now()
    running = make_theme(make_phase(now - timedelta(days=1), now + timedelta(days=1)))
    ended_phase = make_phase(
        now - timedelta(days=50), now - timedelta(days=8), title="Themendialog"
    )
    ended = make_theme(ended_phase)
    assert "Kommentar schreiben" in _thread(client.get(running.get_absolute_url()).content.decode())
    thread = _thread(client.get(ended.get_absolute_url()).content.decode())
    assert f"Die Beteiligungsphase „Themendialog“ ({_period(ended_phase)}) ist beendet." in thread
    assert "<form" not in thread


def test_theme_comment_is_posted_and_confirmed_on_the_theme_page(client, mailoutbox):
    now = timezone.now()
    theme = make_theme(make_phase(now - timedelta(days=1), now + timedelta(days=1)))
    client.post("/kommentare/senden/", form_data(theme, comment="KI in der Pflege?"))
    landing = press_confirm(client, link_in(mailoutbox[0], "/kommentare/bestaetigen/"), follow=True)
    stored = XtdComment.objects.get()
    assert landing.redirect_chain[-1][0].endswith(
        f"{theme.get_absolute_url()}#kommentar-{stored.pk}"
    )
    assert "KI in der Pflege?" in landing.content.decode()


def _period(phase):
    from dialog.participation.dates import format_period

    return format_period(phase.starts_at, phase.ends_at)


def _export(client, phase, fmt="csv"):
    return client.post(
        "/admin/dialog/phase/",
        {"action": f"export_comments_{fmt}", "_selected_action": [phase.pk]},
    )


def test_per_phase_export_holds_the_phases_comments_only(client, moderator, goal):
    now = timezone.now()
    phase = cover(goal, now - timedelta(days=10), now + timedelta(days=1))
    theme = make_theme(phase, title="Bildung")
    other_goal = make_goal(
        make_field(make_version("2-0", "Digitalstrategie.NRW 2.0", 2021), "1"), 1
    )
    inside = phase.starts_at + timedelta(days=1)
    comment(goal, "anna@example.org", inside, name="Anna")
    comment(theme, "ben@example.org", inside, name="Ben", is_public=False)  # waiting: exported too
    comment(goal, "cem@example.org", phase.starts_at - timedelta(seconds=1), name="Cem")  # before
    comment(other_goal, "dora@example.org", inside, name="Dora")  # version not covered

    client.force_login(moderator)
    response = _export(client, phase)

    assert response["Content-Disposition"] == f'attachment; filename="kommentare-{phase.slug}.csv"'
    # Streamed row by row: read all of its chunks.
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((r["Name"], r["Status"]) for r in rows) == [
        ("Anna", "veröffentlicht"),
        ("Ben", "wartet auf Freigabe"),
    ]
    by_name = {r["Name"]: r for r in rows}
    assert by_name["Anna"]["Nummer"] == "7"
    assert by_name["Anna"]["Handlungsfeld"] == "4.2 Bildung und Kultur"
    assert by_name["Ben"]["Objekt"] == "Bildung"
    assert "E-Mail" not in rows[0]
    assert "anna@example.org" not in text


def test_per_phase_export_as_xlsx(client, moderator, goal):
    from openpyxl import load_workbook

    now = timezone.now()
    phase = cover(goal, now - timedelta(days=2), now + timedelta(days=1))
    comment(goal, "anna@example.org", now - timedelta(days=1), name="=Anna")
    client.force_login(moderator)
    sheet = load_workbook(io.BytesIO(_export(client, phase, "xlsx").content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    # The engine's export: a name that looks like a formula stays text.
    assert [row[header.index("Name")] for row in rows] == ["'=Anna"]


def test_editors_cannot_export_comments(client, editor, goal):
    now = timezone.now()
    phase = cover(goal, now - timedelta(days=2), now + timedelta(days=1))
    client.force_login(editor)
    html = client.get("/admin/dialog/phase/").content.decode()
    assert "export_comments_csv" not in html
    response = _export(client, phase)
    assert response.get("Content-Disposition") is None


def test_demo_opens_the_2_0_goals_and_closes_the_2019_goals_with_the_spring_phase(client, demo):
    assert "Kommentar schreiben" in _thread(client.get("/strategie/2-0/ziele/2/").content.decode())
    thread = _thread(client.get("/strategie/2019/ziele/2/").content.decode())
    assert (
        "Die Beteiligungsphase „Online-Phase Frühjahr 2021: die ganze Strategie zur Diskussion“ "
        "(15. Februar 2021 bis 28. März 2021) ist beendet."
    ) in thread
    theme = _thread(client.get("/dialog/themen/bildung/").content.decode())
    assert "Themendialog 2019" in theme and "<form" not in theme
