"""Staff groups: editors edit content, moderators moderate; neither can do the other's job."""

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_both_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redaktion", "Moderation"}


def test_redaktion_edits_pages_but_cannot_moderate():
    perms = codenames("Redaktion")
    assert ("flatpages", "change_flatpage") in perms
    assert not {p for p in perms if p[0] in {"django_comments", "django_comments_xtd"}}
    assert ("strategy_site", "view_accessibilityfeedback") not in perms


def test_moderation_moderates_and_reads_feedback_but_cannot_edit_pages():
    perms = codenames("Moderation")
    assert {
        ("django_comments", "can_moderate"),
        ("django_comments", "change_comment"),
        ("strategy_site", "view_accessibilityfeedback"),
    } <= perms
    assert not {p for p in perms if p[0] == "flatpages"}
    assert not {p for p in perms if p[1].startswith("delete_")}


def test_editor_changes_a_service_page_in_the_admin(client, editor):
    client.force_login(editor)
    page = FlatPage.objects.get(url="/netiquette/")
    response = client.post(
        f"/admin/flatpages/flatpage/{page.pk}/change/",
        {"url": "/netiquette/", "title": "Netiquette", "content": "<p>Neu</p>", "sites": [1]},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.content == "<p>Neu</p>"


def test_editor_cannot_open_moderation_or_feedback(client, editor):
    client.force_login(editor)
    assert client.get("/admin/django_comments_xtd/xtdcomment/").status_code == 403
    assert client.get("/admin/strategy_site/accessibilityfeedback/").status_code == 403


def test_moderator_cannot_edit_pages(client, moderator):
    client.force_login(moderator)
    page = FlatPage.objects.get(url="/netiquette/")
    response = client.post_holding_a_token(
        f"/admin/flatpages/flatpage/{page.pk}/change/",
        {"url": "/netiquette/", "title": "Gehackt", "content": "x", "sites": [1]},
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Netiquette"


def test_moderator_opens_comment_moderation(client, moderator):
    client.force_login(moderator)
    assert client.get("/admin/django_comments_xtd/xtdcomment/").status_code == 200


def test_admin_speaks_german(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Digitalstrategie.NRW – Verwaltung" in html
    assert "Abmelden" in html


def test_comment_moderation_models_belong_to_moderation_not_redaktion():
    redaktion, moderation = codenames("Redaktion"), codenames("Moderation")
    queues = {
        ("dialog", "view_waitingcomment"),
        ("dialog", "change_waitingcomment"),
        ("dialog", "view_reportedcomment"),
        ("dialog", "change_reportedcomment"),
        ("dialog", "view_commentreport"),
        ("dialog", "change_commentreport"),
        ("dialog", "export_comments"),
    }
    assert queues <= moderation
    assert not queues & redaktion
    # Only a superuser grants the right to export commenters' addresses.
    assert ("dialog", "export_commenter_emails") not in moderation | redaktion


def test_redaktion_edits_comment_options_of_its_content():
    perms = codenames("Redaktion")
    assert ("dialog", "change_commentoptions") in perms
    assert ("dialog", "change_commentoptions") not in codenames("Moderation")


def test_moderator_opens_both_comment_queues(client, moderator):
    client.force_login(moderator)
    for url in ("/admin/dialog/waitingcomment/", "/admin/dialog/reportedcomment/"):
        html = client.get(url).content.decode()
        assert "Warteschlange" in html


def test_migrate_keeps_a_right_an_administrator_withdrew_and_the_command_restores_it():
    from django.apps import apps
    from django.core.management import call_command

    from strategy_site.groups import create_staff_groups

    group = Group.objects.get(name="Redaktion")
    right = group.permissions.get(content_type__app_label="flatpages", codename="change_flatpage")
    group.permissions.remove(right)
    # What `migrate` does after the last app: the withdrawn right stays withdrawn.
    last_app = [c for c in apps.get_app_configs() if c.models_module][-1]
    create_staff_groups(sender=last_app)
    assert ("flatpages", "change_flatpage") not in codenames("Redaktion")
    out = io.StringIO()
    call_command("sync_staff_groups", stdout=out)
    assert "Redaktion: 1 Rechte ergänzt, 0 entzogen." in out.getvalue()
    assert ("flatpages", "change_flatpage") in codenames("Redaktion")
