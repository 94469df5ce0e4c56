"""A status looks the same wherever it appears: badge, chart bar and chart legend."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from goals.status import Status

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("status", list(Status))
def test_badge_and_chart_bar_of_a_status_share_one_colour_rule(status):
    badge, bar = f".status--{status.value}", f".chart__bar--{status.value}"
    rules = [
        (selectors.split(","), body)
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS)
        if badge in selectors or bar in selectors
    ]
    # One rule names both classes, so the two colours cannot drift apart.
    assert len(rules) == 1, rules
    ((selectors, body),) = rules
    assert {s.strip() for s in selectors} == {badge, bar}
    assert re.search(r"background: (#[0-9a-f]{6}); fill: \1;", body)
