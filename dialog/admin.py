"""dialog's admin: the comment moderation and the participation part register themselves."""

from dialog.comments import admin as comments_admin  # noqa: F401
from dialog.participation import admin as participation_admin  # noqa: F401
