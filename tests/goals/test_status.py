"""The current status comes from the newest report; overdue is computed, in Python and SQL alike."""

import datetime

import pytest

from goals.models import Goal, StatusReport
from goals.status import Status, is_overdue

from .conftest import TODAY, d

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("target", "status", "expected"),
    [
        (TODAY - DAY, Status.IN_UMSETZUNG, True),  # the day after the target: overdue
        (TODAY, Status.IN_UMSETZUNG, False),  # on the target day itself: still in time
        (TODAY + DAY, Status.VERZOEGERT, False),
        (TODAY - DAY, Status.GEPLANT, True),
        (TODAY - DAY, Status.IM_ZEITPLAN, True),
        (TODAY - DAY, Status.VERZOEGERT, True),
        (TODAY - DAY, Status.UMGESETZT, False),
        (TODAY - DAY, Status.ENTFALLEN, False),
        (None, Status.VERZOEGERT, False),  # no target, never overdue
    ],
)
def test_overdue_rule_at_the_edges(target, status, expected):
    assert is_overdue(target, status, TODAY) is expected


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("offset", [-365, -1, 0, 1])
def test_queryset_and_python_agree(version, make_field, make_goal, today, status, offset):
    goal = make_goal(
        make_field(version), 1, target=TODAY + offset * DAY, reports=[(d("2022-01-01"), status)]
    )
    annotated = Goal.objects.with_overdue().get()
    fresh = Goal.objects.get()  # no annotation: the properties compute it themselves
    expected = offset < 0 and status not in {Status.UMGESETZT, Status.ENTFALLEN}
    assert (annotated.is_overdue, fresh.is_overdue) == (expected, expected)
    assert list(Goal.objects.overdue()) == ([goal] if expected else [])


def test_current_status_is_the_newest_reports_not_the_last_entered(version, make_field, make_goal):
    goal = make_goal(make_field(version), 1)
    StatusReport.objects.create(goal=goal, date=d("2023-05-01"), status=Status.UMGESETZT, text="x")
    # Entered later, but about an earlier day: it does not change the current status.
    StatusReport.objects.create(goal=goal, date=d("2022-01-01"), status=Status.VERZOEGERT, text="y")
    annotated = Goal.objects.with_current_status().get()
    assert (annotated.current_status, annotated.current_status_date) == (
        Status.UMGESETZT,
        d("2023-05-01"),
    )
    plain = Goal.objects.get()
    assert (plain.current_status, plain.current_status_date) == (Status.UMGESETZT, d("2023-05-01"))


def test_goal_without_reports_counts_as_planned(version, make_field, make_goal, today):
    make_goal(make_field(version), 1, target=TODAY - DAY)
    goal = Goal.objects.with_overdue().get()
    assert goal.current_status == Status.GEPLANT
    assert goal.current_status_date is None
    assert goal.is_overdue is True


def test_a_new_report_changes_status_and_overdue_at_once(version, make_field, make_goal, today):
    goal = make_goal(
        make_field(version), 1, target=d("2023-12-31"), reports=[(d("2023-01-10"), "verzoegert")]
    )
    assert list(Goal.objects.overdue()) == [goal]
    StatusReport.objects.create(goal=goal, date=d("2024-03-01"), status=Status.UMGESETZT, text="z")
    assert list(Goal.objects.overdue()) == []
    assert list(Goal.objects.with_status(Status.UMGESETZT)) == [goal]
