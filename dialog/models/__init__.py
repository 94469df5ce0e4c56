"""dialog's models, one module per topic."""

from .participation import Event, Phase, Theme, is_running

__all__ = ["Event", "Phase", "Theme", "is_running"]
