"""The locale file carries only messages the site shows (issue 9, item 8).

A message belongs there if our code or templates use it, or a package's Python
code or admin templates do (staff see those). The comment packages' own
templates are never rendered (dialog/comments/ has its views and templates),
so translations for them would only be dead weight that drifts.
"""

import re
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"
SITE_PACKAGES = Path(django.__file__).resolve().parents[1]
PACKAGE_CODE = [
    "django_comments_xtd",
    "django_comments",
    "import_export",
    "django/contrib/flatpages",
    "django/contrib/admin",
    "django/contrib/auth",
]
PACKAGE_ADMIN_TEMPLATES = ["import_export/templates", "django/contrib/admin/templates"]
OUR_PARTS_SKIPPED = {".venv", "var", "tests", "locale", ".git", "node_modules"}


def msgids() -> list[str]:
    found = []
    for block in PO.read_text().split("\n\n")[1:]:
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        text = "".join(re.findall(r'"(.*)"', match.group(1))) if match else ""
        if text:
            found.append(text.replace('\\"', '"').replace("\\n", "\n"))
    return found


def sources() -> str:
    files = [p for d in PACKAGE_CODE for p in (SITE_PACKAGES / d).rglob("*.py")]
    files += [p for d in PACKAGE_ADMIN_TEMPLATES for p in (SITE_PACKAGES / d).rglob("*.html")]
    files += [
        p
        for p in ROOT.rglob("*")
        if p.suffix in (".py", ".html", ".txt")
        and not OUR_PARTS_SKIPPED.intersection(p.relative_to(ROOT).parts)
    ]
    return "\n".join(p.read_text(errors="ignore") for p in files)


def test_every_message_in_the_locale_file_is_one_the_site_shows():
    text = sources()
    ids = msgids()
    # Guards the test: an empty or unreadable file would pass vacuously.
    assert "Notify me about follow-up comments" in ids
    # Wrapped source lines split long messages; their start identifies them.
    unused = [m for m in ids if m.strip()[:40] not in text]
    assert unused == []
