"""dialog's models: the comment engine's and the participation part's, one module each."""

from dialog.comments.models import (
    Channel,
    CommentCount,
    CommentDecision,
    CommentModeration,
    CommentOptions,
    CommentReport,
    CommentSender,
    MuteLink,
    Outcome,
    PendingComment,
    ReportedComment,
    SenderKind,
    WaitingComment,
)
from dialog.participation.models import Event, EventSeries, Phase, Theme, is_running

__all__ = [
    "Channel",
    "CommentCount",
    "CommentDecision",
    "CommentModeration",
    "CommentOptions",
    "CommentReport",
    "CommentSender",
    "Event",
    "EventSeries",
    "MuteLink",
    "Outcome",
    "PendingComment",
    "Phase",
    "ReportedComment",
    "SenderKind",
    "Theme",
    "WaitingComment",
    "is_running",
]
