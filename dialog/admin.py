"""dialog's admin: the comment moderation and the participation part and the statements register
themselves."""

from dialog.comments import admin as comments_admin  # noqa: F401
from dialog.participation import admin as participation_admin  # noqa: F401
from dialog.statements import admin as statements_admin  # noqa: F401
