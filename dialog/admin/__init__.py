from . import comments  # noqa: F401  (registers the comment moderation admin)
