"""Revisions: every save of editorial content is kept with who and when; the admin compares
two revisions and restores one (Redaktion only); a goal's page and open data show what
changed in its title, description, target date and ministry after publication."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission

from goals.changes import changes_by_goal
from goals.models import Goal
from tests.support.admin_forms import goal_form_extras

from .conftest import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(version, make_field, make_goal):
    return make_goal(
        make_field(version),
        21,
        "Das digitale Gewerbeamt",
        target=d("2024-12-31"),
        target_is_year=True,
        ministry="MWIDE",
        description="<p>Gewerbe melden Sie online an.</p>",
    )


def edit_goal(client, goal, **changes):
    """The goal's change form, sent as an editor's browser sends it."""
    client.get(f"/admin/goals/goal/{goal.pk}/change/")
    data = {
        "field": goal.field_id,
        "number": goal.number,
        "title": goal.title,
        "slug": goal.slug,
        "description": goal.description,
        "horizon": goal.horizon,
        "provenance": goal.provenance,
        "target_date": goal.target_date.strftime("%d.%m.%Y") if goal.target_date else "",
        "ministry": goal.ministry,
        "categories": goal.categories,
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
        "dialog-commentoptions-content_type-object_pk-TOTAL_FORMS": "0",
        "dialog-commentoptions-content_type-object_pk-INITIAL_FORMS": "0",
        **goal_form_extras(goal),
    }
    if goal.target_is_year:
        data["target_is_year"] = "on"
    data |= changes
    if not data.get("target_is_year"):
        data.pop("target_is_year", None)
    response = client.post(f"/admin/goals/goal/{goal.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    goal.refresh_from_db()
    return goal


def test_an_admin_save_is_kept_with_who_and_when(client, editor, goal):
    client.force_login(editor)
    edit_goal(client, goal, title="Das digitale Gewerbeamt für alle")
    newest = goal.history.first()
    assert newest.title == "Das digitale Gewerbeamt für alle"
    assert newest.history_user == editor
    assert [r.history_type for r in goal.history.all()] == ["~", "+"]


def test_editor_compares_two_revisions_and_restores_the_older(client, editor, goal):
    client.force_login(editor)
    edit_goal(client, goal, title="Gewerbeamt online", target_date="30.06.2025", target_is_year="")
    history = client.get(f"/admin/goals/goal/{goal.pk}/history/").content.decode()
    assert "Ausgewählte Fassungen vergleichen" in history
    assert "erika.redaktion" in history
    newer, older = goal.history.all()[:2]
    page = client.get(
        f"/admin/goals/goal/{goal.pk}/history/vergleich/",
        {"von": older.history_id, "bis": newer.history_id},
    ).content.decode()
    assert (
        '<th scope="row">Titel</th><td>Das digitale Gewerbeamt</td><td>Gewerbeamt online</td>'
        in page
    )
    assert "<td>31. Dezember 2024</td><td>30. Juni 2025</td>" in page
    assert "Nur das Jahr ist festgelegt" in page

    response = client.post(
        f"/admin/goals/goal/{goal.pk}/history/wiederherstellen/", {"revision": older.history_id}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.target_date, goal.target_is_year) == (
        "Das digitale Gewerbeamt",
        d("2024-12-31"),
        True,
    )
    restored = goal.history.first()
    assert restored.history_user == editor
    assert restored.history_change_reason.startswith("Fassung vom ")
    assert LogEntry.objects.filter(object_id=str(goal.pk), user=editor).exists()
    after = client.get(response.url).content.decode()
    assert "wiederhergestellt" in after


def test_only_redaktion_restores(client, make_staff, goal):
    # Allowed to change goals, but not a member of the Redaktion.
    clerk = make_staff("karl.sachbearbeitung")
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_goal", "change_goal"])
    )
    client.force_login(clerk)
    goal.title = "Anders"
    goal.save()
    older = goal.history.last()
    page = client.get(f"/admin/goals/goal/{goal.pk}/history/vergleich/").content.decode()
    assert "wiederherstellen</button>" not in page
    response = client.post_holding_a_token(
        f"/admin/goals/goal/{goal.pk}/history/wiederherstellen/", {"revision": older.history_id}
    )
    assert response.status_code == 403
    goal.refresh_from_db()
    assert goal.title == "Anders"


def test_a_paragraphs_earlier_wording_is_restored_from_its_history(client, editor, version):
    from goals.models import Chapter
    from goals.text import editing

    chapter = Chapter.objects.create(version=version, number="2", title="Verwaltung", slug="2")
    editing.apply(chapter, "Die Landesregierung baut das Portal aus.")
    paragraph = chapter.paragraphs.get()
    paragraph.text = "Die Landesregierung baut das Portal ab."
    paragraph.save()
    client.force_login(editor)
    page = client.get(f"/admin/goals/paragraph/{paragraph.pk}/history/vergleich/").content.decode()
    assert "<del>" in page and "<ins>" in page  # the word difference
    older = paragraph.history.last()
    client.post(
        f"/admin/goals/paragraph/{paragraph.pk}/history/wiederherstellen/",
        {"revision": older.history_id},
    )
    paragraph.refresh_from_db()
    assert paragraph.text == "Die Landesregierung baut das Portal aus."


@pytest.mark.parametrize(
    "path",
    [
        "goals/strategyversion",
        "goals/goal",
        "goals/statusreport",
        "goals/chapter",
        "goals/paragraph",
        "blog/post",
        "downloads/document",
        "dialog/phase",
        "dialog/event",
        "flatpages/flatpage",
    ],
)
def test_every_editorial_model_keeps_revisions_and_shows_them(demo, client, editor, path):
    from django.apps import apps

    model = apps.get_model(*path.split("/"))
    obj = model._default_manager.order_by("pk").first()
    obj.save()
    assert obj.history.count() >= 1
    client.force_login(editor)
    response = client.get(f"/admin/{path}/{obj.pk}/history/")
    page = response.content.decode()
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    assert "Gespeicherte Fassungen, die neueste zuerst" in page
    assert "Ausgewählte Fassungen vergleichen" in page


def test_goal_page_shows_public_changes_without_staff_names(client, editor, goal):
    client.force_login(editor)
    edit_goal(
        client,
        goal,
        title="Gewerbeamt online",
        description="<p>Gewerbe melden Sie online und kostenlos an.</p>",
        target_date="30.06.2025",
        target_is_year="",
        ministry="MHKBD",
    )
    edit_goal(client, goal, categories="Wirtschaft")  # not a public change
    client.logout()
    html = client.get("/strategie/2-0/ziele/21/").content.decode()
    assert "Änderungen an diesem Ziel</h2>" in html
    assert (
        "<strong>Titel</strong>: vorher „Das digitale Gewerbeamt“, jetzt „Gewerbeamt online“"
        in html
    )
    assert "<strong>Zieltermin</strong>: vorher bis Ende 2024, jetzt bis 30.06.2025" in html
    assert "<strong>Zuständiges Ressort</strong>: vorher MWIDE, jetzt MHKBD" in html
    assert "[eingefügt: </span>und kostenlos" in html
    assert html.count('<li class="goal-change">') == 1
    assert "erika" not in html

    data = json.loads(client.get("/daten/ziele.json").content)
    row = next(r for r in (data if isinstance(data, list) else data["ziele"]) if r["nummer"] == 21)
    assert len(row["aenderungen"]) == 1
    assert "Zieltermin bis Ende 2024 → bis 30.06.2025" in row["aenderungen"][0]


def test_a_goal_without_changes_has_no_section(client, goal):
    html = client.get("/strategie/2-0/ziele/21/").content.decode()
    assert "Änderungen an diesem Ziel" not in html


def test_demo_content_brings_no_public_changes(demo):
    assert Goal.objects.exists()
    assert changes_by_goal() == {}
