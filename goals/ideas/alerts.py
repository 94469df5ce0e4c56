"""Ideas in the alert digest: a new idea reaches the followers of its field of action (and
its goal), and of the phase's ideas ("ideas:<phase slug>"); so does an answer to one."""

from alerts import registry
from alerts.registry import Event


def _phase_label(slug: str) -> str | None:
    from dialog.models import Phase

    phase = Phase.objects.filter(slug=slug, ideas_allowed=True).first()
    return phase and f"Neue Ideen: {phase.title}"


def _topics(idea) -> list[str]:
    topics = [f"ideas:{idea.phase.slug}", f"field:{idea.field_id}"]
    if idea.goal_id:
        topics.append(f"goal:{idea.goal_id}")
    return topics


def idea_events(start, end):
    from .models import Idea, IdeaDecision

    new = (
        Idea.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .select_related("phase", "field")
    )
    for idea in new:
        title = f"Neue Idee im Handlungsfeld {idea.field.number}: „{idea.title}“"
        for topic in _topics(idea):
            yield Event(topic, title, idea.get_absolute_url())
    answered = (
        IdeaDecision.objects.filter(decided_at__gte=start, decided_at__lt=end)
        .filter(idea__status=Idea.Status.PUBLISHED)
        .select_related("idea__phase", "idea__field")
    )
    for decision in answered:
        idea = decision.idea
        title = f"Antwort auf die Idee „{idea.title}“: {decision.outcome_label}"
        for topic in _topics(idea):
            yield Event(topic, title, idea.get_absolute_url())


def connect() -> None:
    registry.register_topic("ideas", _phase_label)
    registry.register_events(idea_events)
