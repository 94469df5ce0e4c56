"""Where an editor's spreadsheet waits between the import preview and its confirmation.

Not in the public media folder (anyone could read it under /media/), but in
IMPORT_PREVIEW_ROOT, which every app server must share. django-import-export
deletes the file after a confirmed import; a preview that is never confirmed
is deleted the next time anyone previews an import, once it is a day old
(common/preview_files.py, shared with the text import).
"""

from import_export.tmp_storages import MediaStorage

from common.preview_files import ABANDONED_AFTER_SECONDS, purge_abandoned

__all__ = ["ABANDONED_AFTER_SECONDS", "PrivatePreviewStorage", "purge_abandoned"]


class PrivatePreviewStorage(MediaStorage):
    def save(self, data):
        purge_abandoned()
        super().save(data)
