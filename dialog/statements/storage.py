"""Where statement PDFs are kept: never under /media/, because a file must not be
readable before the moderation has published its statement. They are served by
dialog.participation.views.statements.statement_pdf, which checks exactly that."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class StatementStorage(FileSystemStorage):
    # Read from the settings on every use (not fixed when models load), so tests and
    # deployments can move the folder with STATEMENTS_ROOT.
    @property
    def base_location(self):
        return str(settings.STATEMENTS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None
