"""Wording suggestions and their supports in "Meine Beiträge"
(goals/contributions/own_data.py)."""

from django.utils import timezone

from common import own_data
from dialog.participation.models import is_running

from ..contributions.own_data import Contributions, Supports
from .forms import SuggestionCorrectionForm
from .workflow import pipeline


def _running(suggestion) -> bool:
    return is_running(suggestion.phase, timezone.now())


def register() -> None:
    own_data.register(
        Contributions(
            pipeline=pipeline,
            slug="vorschlag",
            label="Formulierungsvorschlag",
            plural="Formulierungsvorschläge",
            place=lambda suggestion: str(suggestion.paragraph),
            related=("phase", "paragraph__chapter__version"),
            takes_more=_running,
            form_class=SuggestionCorrectionForm,
            text_fields=("text", "reason"),
            erase_rule=(
                "Formulierungsvorschläge ohne Antwort und ohne Kommentare werden gelöscht; "
                "andere werden von der Website genommen, Text, Begründung, Name, Organisation "
                "und E-Mail-Adresse gelöscht."
            ),
        )
    )
    own_data.register(
        Supports(
            pipeline=pipeline,
            slug="vorschlag-unterstuetzung",
            label="Unterstützung eines Vorschlags",
            plural="Unterstützungen von Vorschlägen",
            place=lambda suggestion: str(suggestion),
            takes_more=_running,
            erase_rule="",
        )
    )
