"""An editor previews a draft in a real browser; the preview notice is seen and axe-clean."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_editor_sees_the_preview_notice_and_visitors_a_404(
    page, live_server, demo_content, axe_violations
):
    url = live_server.url + "/blog/rueckblick-online-phase-2021/"
    page.goto(url)
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"

    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    log_in(page, live_server, editor)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        notice = page.locator(".notice--preview")
        assert notice.is_visible()
        assert notice.inner_text().startswith("Vorschau – nur für die Redaktion sichtbar.")
        assert page.locator("h1").inner_text() == "Rückblick auf die Online-Phase im Frühjahr 2021"
        assert axe_violations(page) == []
