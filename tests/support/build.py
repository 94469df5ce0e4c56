"""What a fresh checkout lacks before tests can render pages: compiled messages
and a static files manifest. Both are made here, once per session, when missing
or stale, so plain `pytest` works without `make`.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.signals import setting_changed

ROOT = Path(__file__).resolve().parents[2]


def newest_mtime(folder: Path, pattern: str = "*") -> float:
    return max((p.stat().st_mtime for p in folder.rglob(pattern) if p.is_file()), default=0.0)


def ensure_compiled_messages() -> None:
    """compilemessages when a .po file is newer than its .mo (or the .mo is missing)."""
    for po in (ROOT / "locale").rglob("*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            call_command("compilemessages", ignore_patterns=[".venv", "var", "build"], verbosity=0)
            # Forget catalogues read before the compilation (Django's own reset when
            # translation settings change), so the new .mo files are read.
            setting_changed.send(
                sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
            )
            return


def static_root_for_tests(tmp_dir: Path) -> Path | None:
    """None if STATIC_ROOT's manifest is current; else a fresh collection in tmp_dir.

    Current means collected after the last change under static/ (package files
    change only with a new install, which `make` follows by collectstatic).
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists() and manifest.stat().st_mtime >= newest_mtime(ROOT / "static"):
        return None
    return tmp_dir
