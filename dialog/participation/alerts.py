"""The dialog topic "Neue Beteiligungsphasen" for the alert digest.

A phase opening is found by its start date; results have no date of their
own, so filling in a phase's evaluation records an event when it is saved.
"""

from django.db.models.signals import pre_save

from alerts import registry
from alerts.registry import Event

TOPIC = "dialog"


def phase_events(start, end):
    from dialog.participation.models import Phase

    for phase in Phase.objects.filter(starts_at__gte=start, starts_at__lt=end):
        yield Event(TOPIC, f"Neue Beteiligungsphase: {phase.title}", phase.get_absolute_url())


def _results_published(sender, instance, **kwargs):
    if not instance.evaluation or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("evaluation", flat=True).first()
    if not before:
        registry.record(
            TOPIC, f"Ergebnisse veröffentlicht: {instance.title}", instance.get_absolute_url()
        )


def connect() -> None:
    from dialog.participation.models import Phase

    registry.register_topic(TOPIC, lambda rest: "Neue Beteiligungsphasen" if not rest else None)
    registry.register_events(phase_events)
    pre_save.connect(_results_published, sender=Phase, dispatch_uid="alerts_phase_results")
