"""The one place that imports django-comments-xtd and django-comments.

Every other module takes the package's pieces from here, so a package upgrade
is checked against one file (tests/dialog/test_xtd_boundary.py keeps it so).
"""

from django_comments.signals import comment_was_posted, comment_will_be_posted
from django_comments_xtd import signed
from django_comments_xtd import views as views
from django_comments_xtd.conf import settings as settings
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import (
    MaxThreadLevelExceededException,
    TmpXtdComment,
    XtdComment,
)
from django_comments_xtd.signals import confirmation_received

__all__ = [
    "MaxThreadLevelExceededException",
    "TmpXtdComment",
    "XtdComment",
    "XtdCommentForm",
    "comment_was_posted",
    "comment_will_be_posted",
    "confirmation_received",
    "settings",
    "signed",
    "create_comment",
    "views",
]


def register_package_admin() -> None:
    """Let the package register its admin first, so ours can replace it."""
    from django_comments_xtd import admin  # noqa: F401


def create_comment(tmp_comment) -> XtdComment:
    """Store the comment a TmpXtdComment (a dict of fields) describes.

    Done here rather than through the package's private `_create_comment`,
    which may change without notice; save() lets XtdComment set thread and level.
    """
    comment = XtdComment(**tmp_comment)
    comment.save()
    return comment
