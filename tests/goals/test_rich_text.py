"""Goal descriptions and status reports: sanitised even when written with update()
or bulk_create() (imports), shown inert on the goal page.

Bad input tried: <script>, an onerror handler on an image, a javascript: link.
"""

import datetime

from goals.models import Goal, StatusReport
from goals.status import Status

UNSAFE = '<p>Ziel <img src=x onerror="alert(1)"><a href="javascript:x()">mehr</a></p><script>x()</script>'


def assert_inert(html):
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_update_and_bulk_create_store_sanitised_text_and_the_goal_page_is_inert(
    client, version, make_field, make_goal
):
    goal = make_goal(make_field(version), 1)
    Goal.objects.filter(pk=goal.pk).update(description=UNSAFE)
    StatusReport.objects.bulk_create(
        [
            StatusReport(
                goal=goal, date=datetime.date(2024, 5, 1), status=Status.IN_UMSETZUNG, text=UNSAFE
            )
        ]
    )
    assert_inert(Goal.objects.values_list("description", flat=True).get())
    assert_inert(StatusReport.objects.values_list("text", flat=True).get())
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Ziel" in page and "mehr</a>" in page
    assert "<script>x()" not in page
    assert "onerror" not in page
    assert "javascript:x()" not in page
