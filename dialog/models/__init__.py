from .comments import (
    CommentModeration,
    CommentOptions,
    CommentReport,
    ReportedComment,
    WaitingComment,
)

__all__ = [
    "CommentModeration",
    "CommentOptions",
    "CommentReport",
    "ReportedComment",
    "WaitingComment",
]
