"""dialog's models, one module per topic."""

from .comments import (
    CommentModeration,
    CommentOptions,
    CommentReport,
    ReportedComment,
    WaitingComment,
)
from .participation import Event, Phase, Theme, is_running

__all__ = [
    "CommentModeration",
    "CommentOptions",
    "CommentReport",
    "Event",
    "Phase",
    "ReportedComment",
    "Theme",
    "WaitingComment",
    "is_running",
]
