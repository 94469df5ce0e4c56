"""axe-core finds no WCAG 2.2 AA or best-practice violation on any page type, at phone and
desktop width, and every landmark has a name of its own (tests/browser/landmarks.py)."""

import pytest

from tests.pages import PUBLIC_PAGES

from .landmarks import landmark_problems


# One test per width, so the two test processes of `make test` share the work.
@pytest.mark.parametrize("width", [320, 1280])
def test_every_page_type_is_axe_clean(page, live_server, demo_content, axe_violations, width):
    found = {}
    page.set_viewport_size({"width": width, "height": 900})
    for url in PUBLIC_PAGES:
        page.goto(live_server.url + url)
        violations = axe_violations(page) + landmark_problems(page)
        if violations:
            found[f"{url} @ {width}px"] = violations
    assert found == {}, "\n".join(f"{page}: {v}" for page, v in found.items())


def test_no_horizontal_scrolling_at_320px(page, live_server, demo_content):
    page.set_viewport_size({"width": 320, "height": 700})
    too_wide = {}
    for url in PUBLIC_PAGES:
        page.goto(live_server.url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[url] = width
    assert too_wide == {}


def test_pages_request_nothing_from_third_parties(page, live_server, demo_content):
    requested = []
    stylesheets = set()
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "response",
        lambda r: stylesheets.add(r.status) if r.request.resource_type == "stylesheet" else None,
    )
    for url in PUBLIC_PAGES:
        page.goto(live_server.url + url)
    foreign = [u for u in requested if not u.startswith(live_server.url)]
    assert foreign == []
    # The stylesheet really arrives (else the axe checks would see unstyled pages).
    assert stylesheets == {200}


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server, demo_content):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
