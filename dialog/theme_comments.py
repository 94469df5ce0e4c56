"""Dialog themes take comments: open exactly while the theme's phase runs."""

from .commentable import CommentPolicy, ExportScope
from .phase_rules import PhaseRule


def theme_phases(theme):
    return [theme.phase]


def describe(theme) -> dict:
    return {"field": f"Dialogthema der Phase „{theme.phase.title}“"}


def export_scopes():
    from .models import Theme

    for theme in Theme.objects.select_related("phase").order_by("-phase__starts_at", "position"):
        yield ExportScope(
            f"thema-{theme.pk}", theme.title, "Dialogthemen", Theme.objects.filter(pk=theme.pk)
        )


def theme_policy() -> CommentPolicy:
    return CommentPolicy(
        rules=[PhaseRule(theme_phases)],
        describe=describe,
        export_scopes=export_scopes,
        prepare_export=lambda themes: themes.select_related("phase"),
    )
