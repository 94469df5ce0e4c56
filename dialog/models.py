"""dialog's models: the comment engine's, the participation part's and the statements', one
module each."""

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
from dialog.statements.models import Statement, StatementDecision, StatementTarget

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
    "Statement",
    "StatementDecision",
    "StatementTarget",
    "Theme",
    "WaitingComment",
    "is_running",
]
