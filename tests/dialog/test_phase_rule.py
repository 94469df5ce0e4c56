"""The comment rule that follows participation phases, at its exact boundaries."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from dialog.models import Phase
from dialog.participation.phase_rules import NO_PHASE_NOTE, PhaseRule

from .factories import berlin

SPRING_START, SPRING_END = berlin(2021, 2, 15), berlin(2021, 3, 29)
AUTUMN_START, AUTUMN_END = berlin(2021, 10, 1), berlin(2021, 11, 1)


def _phase(title, starts_at, ends_at, moderation="post"):
    return Phase(
        title=title, slug=title, starts_at=starts_at, ends_at=ends_at, moderation=moderation
    )


def _rule_at(now, *phases):
    target = SimpleNamespace()
    return PhaseRule(lambda obj: phases, clock=lambda: now), target


SPRING = _phase("Online-Phase Frühjahr 2021", SPRING_START, SPRING_END)
AUTUMN = _phase("Herbstphase", AUTUMN_START, AUTUMN_END, moderation="pre")


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (SPRING_START - timedelta(microseconds=1), False),
        (SPRING_START, True),
        (SPRING_END - timedelta(microseconds=1), True),
        (SPRING_END, False),
    ],
)
def test_open_exactly_while_a_governing_phase_runs(now, is_open):
    rule, target = _rule_at(now, SPRING, AUTUMN)
    assert rule.is_open(target) is is_open


def test_before_a_phase_the_note_names_it_and_its_dates():
    rule, target = _rule_at(SPRING_START - timedelta(microseconds=1), SPRING, AUTUMN)
    assert rule.closed_note(target) == (
        "Kommentieren ist hier in der Beteiligungsphase „Online-Phase Frühjahr 2021“ möglich "
        "(15. Februar 2021 bis 28. März 2021). Bis dahin können Sie die bisherigen Kommentare lesen."
    )


def test_after_a_phase_the_note_names_the_last_one_and_its_dates():
    rule, target = _rule_at(SPRING_END, SPRING)
    assert rule.closed_note(target) == (
        "Die Beteiligungsphase „Online-Phase Frühjahr 2021“ (15. Februar 2021 bis 28. März 2021) "
        "ist beendet. Die Kommentare bleiben lesbar; neue Kommentare sind nicht mehr möglich."
    )


def test_between_two_phases_the_next_one_is_named():
    rule, target = _rule_at(berlin(2021, 6, 1), SPRING, AUTUMN)
    assert "„Herbstphase“ möglich (1. Oktober 2021 bis 31. Oktober 2021)" in rule.closed_note(
        target
    )


def test_without_any_phase_the_thread_is_closed():
    rule, target = _rule_at(berlin(2021, 6, 1))
    assert rule.is_open(target) is False
    assert rule.closed_note(target) == NO_PHASE_NOTE


@pytest.mark.parametrize(
    ("now", "premoderated"),
    [
        (berlin(2021, 3, 1), None),  # post-moderated spring phase: no opinion
        (AUTUMN_START, True),  # pre-moderated autumn phase is running
        (AUTUMN_END, None),  # it has ended: nothing to hold back
    ],
)
def test_a_running_pre_moderated_phase_holds_comments(now, premoderated):
    rule, target = _rule_at(now, SPRING, AUTUMN)
    assert rule.premoderated(target) is premoderated


def test_phases_are_asked_for_once_per_object():
    calls = []

    def phases_of(obj):
        calls.append(obj)
        return [SPRING]

    rule = PhaseRule(phases_of, clock=lambda: berlin(2021, 3, 1))
    target = SimpleNamespace()
    rule.is_open(target), rule.premoderated(target), rule.closed_note(target)
    assert calls == [target]
