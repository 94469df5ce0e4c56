"""An editor edits a chapter of the demo text in Chromium, checks the pairing of old and
new paragraphs without saving, changes nothing but a number, and saves: the paragraph
keeps its anchor. The preview page is axe-clean and valid HTML (issue 27, item 2)."""

from django.contrib.auth.models import Group, User

from goals.models import Chapter
from tests.browser.conftest import WCAG_TAGS
from tests.browser.test_blog_preview import log_in
from tests.support import vnu

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}


def rules(violations) -> set:
    return {v.split(":")[0] for v in violations}


def messages(page, folder) -> set:
    return {e.split(": ", 1)[1] for e in vnu.errors({page.url: page.content()}, folder)}


def test_editor_checks_the_pairing_then_saves_a_typo_fix(
    page, live_server, demo_content, axe, axe_violations, tmp_path
):
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    log_in(page, live_server, editor)
    chapter = Chapter.objects.filter(version__slug="2-0", paragraphs__isnull=False).first()
    first = chapter.paragraphs.current().first()
    word = first.text.split()[1]
    page.goto(live_server.url + f"/admin/goals/chapter/{chapter.pk}/change/")
    # Django's own inline markup (select2, raw id fields) has findings of its own; the
    # preview must add none.
    plain_axe, plain_html = rules(axe_violations(page)), messages(page, tmp_path / "plain")
    source = page.locator("#id_source")
    source.fill(source.input_value().replace(word, word + "x", 1))

    page.get_by_role("button", name="Zuordnung prüfen (nichts speichern)").click()
    page.get_by_text("Vorschau: Noch ist nichts gespeichert.").wait_for()
    choice = page.get_by_label("Neuer Absatz 1 setzt fort")
    assert choice.locator("option:checked").inner_text().startswith(f"Absatz {first.order}:")
    assert rules(axe_violations(page)) <= plain_axe
    assert messages(page, tmp_path / "preview") <= plain_html
    assert axe.run(page, context=".field-pairing", options=AXE_OPTIONS).response["violations"] == []

    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    first.refresh_from_db()
    assert word + "x" in first.text and not first.removed
