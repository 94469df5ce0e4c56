"""dialog's admin, one module per topic."""

from . import (
    comments,  # noqa: F401  (registers the comment moderation admin)
    participation,  # noqa: F401
)
