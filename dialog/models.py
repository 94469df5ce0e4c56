"""dialog's models: the comment engine's and the participation part's, one module each."""

from dialog.comments.models import (
    CommentDecision,
    CommentModeration,
    CommentOptions,
    CommentReport,
    MuteLink,
    Outcome,
    PendingComment,
    ReportedComment,
    WaitingComment,
)
from dialog.participation.models import Event, Phase, Theme, is_running

__all__ = [
    "CommentDecision",
    "CommentModeration",
    "CommentOptions",
    "CommentReport",
    "Event",
    "MuteLink",
    "Outcome",
    "PendingComment",
    "Phase",
    "ReportedComment",
    "Theme",
    "WaitingComment",
    "is_running",
]
