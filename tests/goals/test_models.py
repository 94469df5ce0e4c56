"""Rich text is sanitised on save; a goal's version follows its field; one current version."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion

pytestmark = pytest.mark.django_db

UNSAFE = '<p onclick="alert(1)">Text</p><script>alert(2)</script><a href="javascript:x()">Link</a>'


def test_rich_text_from_the_admin_is_sanitised(version, make_field, make_goal):
    field = make_field(version)
    field.introduction = UNSAFE
    field.save()
    goal = make_goal(field, 1, description=UNSAFE)
    report = StatusReport.objects.create(
        goal=goal, date=datetime.date(2024, 1, 1), status="geplant", text=UNSAFE
    )
    for stored in (
        FieldOfAction.objects.get().introduction,
        Goal.objects.get().description,
        StatusReport.objects.get(pk=report.pk).text,
    ):
        assert "<script" not in stored and "onclick" not in stored and "javascript:" not in stored
        assert "<p>Text</p>" in stored


def test_goal_takes_the_version_of_its_field(version, old_version, make_field, make_goal):
    goal = make_goal(make_field(old_version, "5.1"), 7)
    assert goal.version == old_version
    goal.field = make_field(version, "3")
    goal.save()
    assert Goal.objects.get().version == version


def test_goal_number_is_unique_within_a_version_only(version, old_version, make_field, make_goal):
    make_goal(make_field(version), 1)
    make_goal(make_field(old_version, "4.1"), 1)  # same number, other version: fine
    duplicate = Goal(
        field=make_field(version, "2", slug="zwei"),
        number=1,
        title="Doppelt",
        horizon="kurzfristig",
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Diese Nummer ist in der Fassung schon vergeben." in str(error.value)


def test_year_only_target_must_be_the_last_day_of_the_year(version, make_field):
    goal = Goal(
        field=make_field(version),
        number=3,
        title="Ziel",
        horizon="kurzfristig",
        target_date=datetime.date(2024, 6, 30),
        target_is_year=True,
    )
    with pytest.raises(ValidationError) as error:
        goal.full_clean()
    assert error.value.message_dict["target_date"] == [
        "Ist nur das Jahr festgelegt, tragen Sie bitte den 31.12. ein."
    ]
    goal.target_date = datetime.date(2024, 12, 31)
    goal.full_clean()
    assert goal.target_label == "bis Ende 2024"


def test_marking_a_version_current_retires_the_old_one(version, old_version):
    old_version.is_current = True
    old_version.full_clean()
    old_version.save()
    assert list(StrategyVersion.objects.filter(is_current=True)) == [old_version]
