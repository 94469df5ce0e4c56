"""Files editors upload for an import preview, kept until they confirm or give up.

They live in the private storage "import_export" (IMPORT_PREVIEW_ROOT, shared by every
app server, never under /media/). A preview that is never confirmed is deleted the next
time anyone previews an import, once it is a day old. Used by the spreadsheet import
(strategy_site/import_previews.py) and the text import (goals/text/import_admin.py).
"""

import time

from django.core.files.storage import storages

ABANDONED_AFTER_SECONDS = 24 * 3600
FOLDER = "django-import-export"  # where django-import-export keeps its own


def purge_abandoned(now: float | None = None) -> int:
    storage = storages["import_export"]
    if not storage.exists(FOLDER):
        return 0
    now = now or time.time()
    removed = 0
    for name in storage.listdir(FOLDER)[1]:
        path = f"{FOLDER}/{name}"
        if now - storage.get_modified_time(path).timestamp() > ABANDONED_AFTER_SECONDS:
            storage.delete(path)
            removed += 1
    return removed
