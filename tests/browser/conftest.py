"""Real-browser tests: Debian's Chromium driven by Playwright, axe-core offline."""

import shutil
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from pytest_django.live_server_helper import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# WCAG 2.2 AA (BITV NRW asks for 2.1, the design for 2.2) and axe's best practices
# (landmarks named and unique, regions not nested in namesakes), as the validators a
# state IT service provider runs do.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, but serving static files the production way.

    Its default static handler looks files up through the finders, which do not
    know WhiteNoise's hashed names: every stylesheet would be a 404 and the
    accessibility checks would run on unstyled pages. Passing requests straight
    to the app lets WhiteNoise serve the collected, hashed files.
    """
    server = LiveServer(request.config.getvalue("liveserver") or "127.0.0.1", start=False)
    server.thread.static_handler = lambda app: app
    server.start()
    yield server
    # Each connection the browser opened has a request thread, which on its way out closes
    # the test database connection it shares with this thread (SQLite in memory); Django
    # allows that only while the server shares it. A thread still running after stop()
    # raised "DatabaseWrapper objects created in a thread can only be used in that same
    # thread" (a pytest warning at the end of a test process). The browser closes first
    # (see `browser` below); its connections' threads end before the server stops sharing.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=10)
    server.stop()


@pytest.fixture(scope="session")
def browser(live_server, browser):
    """pytest-playwright's browser, started after the live server so that it is closed
    (with all its connections) before the server stops."""
    return browser


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def axe_violations(axe):
    """Run axe on the current page; return 'rule: selectors' lines for each violation."""

    def run(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        return [
            f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'])}"
            for v in results.response["violations"]
        ]

    return run
