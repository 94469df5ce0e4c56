"""Phases and events share one period rule set: half-open running/upcoming/past,
newest first, and an end that must lie after the start (form and database).

Bad input tried: an end equal to the start, in the form check and straight
into the database with update() (the constraint, not only clean(), refuses it).
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dialog.models import Event, Phase

from .factories import berlin, make_event, make_phase

pytestmark = pytest.mark.django_db

NOW = berlin(2021, 3, 10, 12, 0)


@pytest.mark.parametrize(
    ("model", "make"), [(Phase, make_phase), (Event, make_event)], ids=["phase", "event"]
)
def test_running_upcoming_and_past_split_at_the_boundaries(model, make):
    ended = make(berlin(2021, 3, 1, 10), NOW, slug="vorbei")
    running = make(NOW, berlin(2021, 3, 20, 10), slug="laeuft")
    coming = make(berlin(2021, 4, 1, 10), berlin(2021, 4, 2, 10), slug="kommt")
    assert list(model.objects.running(NOW)) == [running]
    assert list(model.objects.past(NOW)) == [ended]
    assert coming in model.objects.upcoming(NOW)
    # Newest first by default, for both.
    assert list(model.objects.all()) == [coming, running, ended]


@pytest.mark.parametrize(
    ("model", "make", "constraint"),
    [
        (Phase, make_phase, "phase_ends_after_start"),
        (Event, make_event, "event_ends_after_start"),
    ],
    ids=["phase", "event"],
)
def test_an_end_not_after_the_start_is_refused_by_form_check_and_database(model, make, constraint):
    period = make(berlin(2021, 3, 1, 10), berlin(2021, 3, 2, 10))
    period.ends_at = period.starts_at
    with pytest.raises(ValidationError) as error:
        period.clean()
    assert error.value.message_dict["ends_at"] == ["Das Ende muss nach dem Beginn liegen."]
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        model.objects.filter(pk=period.pk).update(ends_at=period.starts_at)
    period.refresh_from_db()
    assert period.ends_at == berlin(2021, 3, 2, 10)
