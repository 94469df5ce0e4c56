"""The demo content in tests: built once per test session, restored per test.

`load_demo` (what `make run` does) runs once, in a transaction that is rolled
back, with uploads in a session folder; its rows are kept as a fixture file
(natural keys, so content types survive the flushes of browser tests) and its
uploads as files. A test that asks for `demo` gets both restored in its own
database transaction and media folder, in about half the time of a fresh load.
Tests of the loader itself call `load_demo()` directly.
"""

import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Rows that migrations or Django itself create and a test database already has.
NOT_DEMO = [
    "contenttypes",
    "auth.permission",
    "auth.group",  # referred to by name (natural keys); re-created after flushes
    "sessions",
    "admin.logentry",
]


def load_demo() -> str:
    """Run `load_demo` and build the search index as `make run` does; returns the output."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("rebuild_search_index", stdout=StringIO())
    return out.getvalue()


@dataclass(frozen=True)
class DemoSnapshot:
    rows: Path
    media: Path

    def restore(self, media_root) -> None:
        call_command("loaddata", str(self.rows), verbosity=0)
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)


def take_snapshot(folder: Path) -> DemoSnapshot:
    """Load the demo into the (empty) test database, keep it, and roll it back."""
    media = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    rows = folder / "demo.json"
    with override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_demo()
        out = StringIO()
        call_command("dumpdata", exclude=NOT_DEMO, natural_foreign=True, stdout=out)
        rows.write_text(out.getvalue())
        transaction.set_rollback(True)
    return DemoSnapshot(rows, media)
