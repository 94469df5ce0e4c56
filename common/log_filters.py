"""Logging filters used by settings.LOGGING."""

import logging


class AsWarning(logging.Filter):
    """Log a record as a warning, without its traceback.

    Django logs every DisallowedHost (a request for a host name that is not ours) as
    an ERROR with a traceback, and the "django" logger mails every ERROR to ADMINS:
    any scanner that hits the server's address would mail the operators. It is not a
    fault of the site; a warning line in the log is all it is worth.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True
