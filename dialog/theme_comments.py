"""Dialog themes take comments: open exactly while the theme's phase runs."""

from dialog.comments.commentable import ExportScope


def theme_phases(theme):
    return [theme.phase]


def describe(theme) -> dict:
    return {"field": f"Dialogthema der Phase „{theme.phase.title}“"}


def export_scopes():
    from dialog.participation.models import Theme

    for theme in Theme.objects.select_related("phase").order_by("-phase__starts_at", "position"):
        yield ExportScope(
            f"thema-{theme.pk}", theme.title, "Dialogthemen", Theme.objects.filter(pk=theme.pk)
        )


def connect() -> None:
    """A theme has its own thread, open while its phase runs; its comments count
    towards that phase, per theme."""
    from dialog.participation.models import Theme
    from dialog.registration import make_commentable

    make_commentable(
        Theme,
        describe=describe,
        export_scopes=export_scopes,
        prepare_export=lambda themes: themes.select_related("phase"),
        phases_of=theme_phases,
        objects_of=lambda phase: Theme.objects.filter(phase=phase),
        group="title",
        group_name="Dialogthema",
        order="position",
    )
