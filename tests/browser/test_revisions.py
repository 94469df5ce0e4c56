"""An editor overwrites a goal's title in Chromium, compares the two revisions, restores the
earlier one; readers see the change and the restoration on the goal's page."""

from django.contrib.auth.models import Group, User

from goals.models import Goal
from tests.browser.test_blog_preview import log_in


def test_editor_compares_and_restores_a_goal_and_readers_see_the_changes(
    page, browser, live_server, demo_content, axe_violations
):
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    goal = Goal.objects.filter(version__is_current=True).order_by("number").first()
    original = goal.title
    log_in(page, live_server, editor)

    page.goto(f"{live_server.url}/admin/goals/goal/{goal.pk}/change/")
    page.fill("#id_title", "Ein versehentlich überschriebener Titel")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/goals/goal/**")

    page.goto(f"{live_server.url}/admin/goals/goal/{goal.pk}/history/")
    assert "erika" in page.inner_text("#change-history")
    page.click("text=Ausgewählte Fassungen vergleichen")
    row = page.locator("tr", has=page.locator("th", has_text="Titel"))
    assert original in row.inner_text()
    assert "Ein versehentlich überschriebener Titel" in row.inner_text()
    page.click("button:has-text('wiederherstellen')")
    assert "wiederhergestellt" in page.inner_text(".messagelist")
    goal.refresh_from_db()
    assert goal.title == original

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + goal.get_absolute_url())
    changes = reader.inner_text("section[aria-labelledby=aenderungen]")
    assert "Änderungen an diesem Ziel" in changes
    assert "jetzt „Ein versehentlich überschriebener Titel“" in changes
    assert f"jetzt „{original}“" in changes
    assert "erika" not in reader.content()
    assert axe_violations(reader) == []
    reader.context.close()
