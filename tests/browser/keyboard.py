"""Keyboard helpers for browser tests: reach controls the way a keyboard user does."""


def tab_to(page, predicate_js, limit=80):
    """Press Tab until the JavaScript predicate about the focused element holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"not reachable with Tab: {predicate_js}")
