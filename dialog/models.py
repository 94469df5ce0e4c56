"""dialog's models: the comment engine's and the participation part's, one module each."""

from dialog.comments.models import (
    CommentModeration,
    CommentOptions,
    CommentReport,
    MuteLink,
    PendingComment,
    ReportedComment,
    WaitingComment,
)
from dialog.participation.models import Event, Phase, Theme, is_running

__all__ = [
    "CommentModeration",
    "CommentOptions",
    "CommentReport",
    "Event",
    "MuteLink",
    "PendingComment",
    "Phase",
    "ReportedComment",
    "Theme",
    "WaitingComment",
    "is_running",
]
