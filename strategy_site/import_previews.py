"""Where an editor's spreadsheet waits between the import preview and its confirmation.

Not in the public media folder (anyone could read it under /media/), but in
IMPORT_PREVIEW_ROOT, which every app server must share. django-import-export
deletes the file after a confirmed import; a preview that is never confirmed
is deleted the next time anyone previews an import, once it is a day old.
"""

import time

from django.core.files.storage import storages
from import_export.tmp_storages import MediaStorage

ABANDONED_AFTER_SECONDS = 24 * 3600


def purge_abandoned(now: float | None = None) -> int:
    storage = storages["import_export"]
    folder = "django-import-export"
    if not storage.exists(folder):
        return 0
    now = now or time.time()
    removed = 0
    for name in storage.listdir(folder)[1]:
        path = f"{folder}/{name}"
        if now - storage.get_modified_time(path).timestamp() > ABANDONED_AFTER_SECONDS:
            storage.delete(path)
            removed += 1
    return removed


class PrivatePreviewStorage(MediaStorage):
    def save(self, data):
        purge_abandoned()
        super().save(data)
