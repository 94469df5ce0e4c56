"""An editor imports a Word file into a version in Chromium: the preview page and the
upload form are axe-clean and valid HTML; after "Übernehmen" the text is on the public
chapter page (issue 27, item 1)."""

from django.contrib.auth.models import Group, User

from demo.word import document
from goals.models import StrategyVersion
from tests.browser.test_blog_preview import log_in
from tests.support import vnu


def test_editor_imports_a_word_file_and_reads_it_on_the_site(
    page, live_server, demo_content, axe_violations, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "import_export": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "previews")},
        },
    }
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    log_in(page, live_server, editor)
    version = StrategyVersion.objects.get(slug="2-0")
    word = tmp_path / "strategie.docx"
    word.write_bytes(
        document(
            [
                ("h1", "9 Neues Kapitel"),
                ("p", "Ein importierter Absatz über offene Daten."),
                ("table", [["a", "b"]]),
            ]
        )
    )
    page.goto(live_server.url + f"/admin/goals/strategyversion/{version.pk}/change/")
    page.get_by_role("link", name="Text importieren").click()
    assert axe_violations(page) == []
    page.get_by_label("Datei").set_input_files(str(word))
    page.get_by_role("button", name="Vorschau zeigen").click()
    page.get_by_text("Tabelle in Kapitel 9 nach Absatz 1 nicht übernommen.").wait_for()
    assert axe_violations(page) == []
    assert vnu.errors({page.url: page.content()}, tmp_path / "pages") == []

    page.get_by_role("button", name="Übernehmen").click()
    page.locator(".messagelist .success").wait_for()
    page.goto(live_server.url + f"/strategie/{version.slug}/text/9/")
    assert page.locator("h1").inner_text().endswith("Neues Kapitel")
    assert page.get_by_text("Ein importierter Absatz über offene Daten.").is_visible()
