"""Two-click video embed in a real browser: nothing from the platform before the click.

Every request is recorded. The video host is answered by a local stub through
page.route, and anything else foreign is aborted, so nothing leaves the machine.
"""

from urllib.parse import urlsplit

import pytest

EVENT = "/veranstaltungen/digitalkonferenz-2020-disrupted/"
VIDEO_HOST = "www.youtube-nocookie.com"
STUB = "<!doctype html><title>Stub</title><p>Stub-Video geladen</p>"


@pytest.fixture
def foreign_requests(page, live_server):
    """URLs the page asked for outside the live server, answered locally or refused."""
    seen = []

    def handle(route):
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
            return
        seen.append(url)
        if urlsplit(url).hostname == VIDEO_HOST:
            route.fulfill(status=200, content_type="text/html", body=STUB)
        else:
            route.abort()

    page.route("**/*", handle)
    # The site's CSP would block a stray third-party image before any request is
    # made; count such blocked attempts too, so the test does not lean on the CSP.
    page.add_init_script(
        "window.__blocked = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__blocked.push(e.blockedURI));"
    )
    return seen


def foreign_resources(page, origin):
    """src/srcset/poster attributes in the document that point away from our origin."""
    return page.evaluate(
        """origin => [...document.querySelectorAll('[src],[srcset],[poster]')]
            .flatMap(el => ['src', 'srcset', 'poster'].map(a => el.getAttribute(a)))
            .filter(v => v && new URL(v, document.baseURI).origin !== origin)""",
        origin,
    )


def test_video_loads_only_after_the_click(page, live_server, demo_content, foreign_requests):
    page.goto(live_server.url + EVENT)
    page.wait_for_load_state("networkidle")

    # Before the click: nothing from the platform, no iframe, our own placeholder.
    assert foreign_requests == []
    assert page.evaluate("window.__blocked") == []
    assert foreign_resources(page, live_server.url) == []
    assert page.locator("iframe").count() == 0
    assert (
        page.locator(".video-embed__placeholder").evaluate(
            "img => img.complete && img.naturalWidth"
        )
        > 0
    )
    button = page.get_by_role("button", name="Video von YouTube laden und abspielen")
    assert button.is_visible()
    # The button is explained by the notice naming the platform and its operator.
    description = button.evaluate(
        "b => document.getElementById(b.getAttribute('aria-describedby')).textContent"
    )
    assert "Google Ireland Limited" in description
    assert page.get_by_role("link", name="Video bei YouTube ansehen (externe Seite)").count() == 0

    button.click()

    iframe = page.locator("iframe.video-embed__iframe")
    iframe.wait_for()
    assert iframe.get_attribute("src") == f"https://{VIDEO_HOST}/embed/Beispiel-20?autoplay=1"
    assert (
        iframe.get_attribute("title") == "Video: Digitalkonferenz 2020: Digitalstrategie.DISRUPTED"
    )
    page.frame_locator("iframe.video-embed__iframe").get_by_text("Stub-Video geladen").wait_for()
    assert foreign_requests == [f"https://{VIDEO_HOST}/embed/Beispiel-20?autoplay=1"]
    assert page.evaluate("window.__blocked") == []
    # Keyboard users land on the player, not at the top of the page.
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_video_button_works_by_keyboard(page, live_server, demo_content, foreign_requests):
    page.goto(live_server.url + EVENT)
    button = page.get_by_role("button", name="Video von YouTube laden und abspielen")
    button.focus()
    page.keyboard.press("Enter")
    page.locator("iframe.video-embed__iframe").wait_for()
    assert page.locator(".video-embed__control").count() == 0


def test_without_javascript_the_video_is_a_plain_link(browser, live_server, demo_content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + EVENT)
    link = page.get_by_role("link", name="Video bei YouTube ansehen (externe Seite)")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=Beispiel-20"
    assert page.get_by_role("button", name="Video von YouTube laden und abspielen").count() == 0
    assert page.locator("iframe").count() == 0
    assert "Abschrift der Aufzeichnung" in page.content()
    assert [u for u in requested if not u.startswith(live_server.url)] == []
    context.close()


def test_page_with_loaded_video_is_axe_clean(
    page, live_server, demo_content, foreign_requests, axe_violations
):
    page.goto(live_server.url + EVENT)
    page.get_by_role("button", name="Video von YouTube laden und abspielen").click()
    page.frame_locator("iframe.video-embed__iframe").get_by_text("Stub-Video geladen").wait_for()
    assert axe_violations(page) == []
