"""Keyboard helpers for browser tests: reach controls the way a keyboard user does."""

import json


def tab_to(page, predicate_js, limit=80):
    """Press Tab until the JavaScript predicate about the focused element holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"not reachable with Tab: {predicate_js}")


def press_button(page, label, limit=80):
    """Tab to the button with this text and press Enter, waiting for the next page."""
    tab_to(
        page,
        "document.activeElement.tagName === 'BUTTON' && "
        f"document.activeElement.textContent.trim() === {json.dumps(label)}",
        limit,
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
