"""The editors' selection widget for categories, in Chromium, speaks German (formal "Sie")."""

from django.contrib.auth.models import Group, User

from tests.browser.test_blog_preview import log_in


def test_the_category_chooser_of_a_blog_post_is_german(page, live_server, demo_content):
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    log_in(page, live_server, editor)
    page.goto(live_server.url + "/admin/blog/post/add/")
    chooser = page.locator(".selector").first
    chooser.wait_for()
    text = chooser.inner_text() + " ".join(
        chooser.locator("[title]").evaluate_all("els => els.map(e => e.title)")
    )
    assert "Choose" not in text and "Remove" not in text, text
    assert "Alle Kategorien auswählen" in text and "Alle Kategorien entfernen" in text
    assert "markieren" in text
