"""The embedded default's shared cache: Django's file-based cache in var/cache/, which
every gunicorn worker process on the machine reads and writes, with no server to run.

Django's FileBasedCache writes each entry to a temporary file and renames it into
place, so readers never see half a page; but its add() checks and then writes, so two
processes could both "add" the same key. The page cache's lock (one renderer per page)
needs add() to be atomic: here the entry is linked into place, which the file system
refuses if the name exists. Rate limits do not use this cache without Redis: they count
in the database (common/ratelimit.py).

Chosen over the database cache because a hit reads two or three small files without
touching SQLite, whose single writer the site's own writes (comments, ballots) need
(docs/performance.md has the figures).
"""

import contextlib
import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache


class SharedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        # The directory is made on the first write, not at start: importing the settings
        # writes no files (var/ comes from `manage.py prepare_var`).
        BaseCache.__init__(self, params)
        self._dir = os.path.abspath(dir)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._createdir()
        fname = self._key_to_file(key, version)
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                self._write_content(f, timeout, value)
            for _ in range(2):
                try:
                    os.link(tmp_path, fname)
                    return True
                except FileExistsError:
                    # An expired entry does not count: has_key() removes it, then retry.
                    if self.has_key(key, version):
                        return False
            return False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(tmp_path)
