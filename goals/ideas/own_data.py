"""Ideas and supports of ideas in "Meine Beiträge" (goals/contributions/own_data.py)."""

from django.utils import timezone

from common import own_data

from ..contributions.own_data import Contributions, Supports
from .forms import IdeaCorrectionForm
from .workflow import pipeline


def _takes_ideas(idea) -> bool:
    return idea.phase.takes_ideas(timezone.now())


def register() -> None:
    own_data.register(
        Contributions(
            pipeline=pipeline,
            slug="idee",
            label="Idee",
            plural="Ideen",
            place=lambda idea: f"Beteiligungsphase „{idea.phase.title}“",
            related=("phase",),
            takes_more=_takes_ideas,
            form_class=IdeaCorrectionForm,
            text_fields=("title", "text"),
            erase_rule=(
                "Ideen ohne Antwort und ohne Kommentare werden mit ihren Unterstützungen "
                "gelöscht. Hat eine Idee eine Antwort oder Kommentare, wird sie von der Website "
                "genommen; Titel, Text, Name, Organisation und E-Mail-Adresse werden gelöscht."
            ),
        )
    )
    own_data.register(
        Supports(
            pipeline=pipeline,
            slug="idee-unterstuetzung",
            label="Unterstützung einer Idee",
            plural="Unterstützungen von Ideen",
            place=lambda idea: f"Idee „{idea.title}“",
            takes_more=_takes_ideas,
            erase_rule=(
                "Unterstützungen von Ideen und Vorschlägen einer laufenden Phase werden "
                "gelöscht. Bestätigte einer beendeten Phase zählen weiter, sind aber mit keiner "
                "E-Mail-Adresse mehr verbunden."
            ),
        )
    )
