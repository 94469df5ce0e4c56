"""Every text the admin's scripts show is German: Django 5.2's own German catalogue lacks the
texts of the many-to-many selection widget (editors saw "Choose Kategorien by selecting them
…"); locale/de/LC_MESSAGES/djangojs.po adds them."""

import json
import re
from pathlib import Path

import django
from django.contrib.auth.models import Group, User

ADMIN_JS = Path(django.__file__).parent / "contrib" / "admin" / "static" / "admin" / "js"
ASKED = re.compile(r"""\b(?:n?gettext)\(\s*(['"])((?:\\.|(?!\1).)*)\1""")


def texts_the_admin_scripts_ask_for() -> set[str]:
    found = set()
    for path in ADMIN_JS.rglob("*.js"):
        if "vendor" in path.parts or path.name.endswith(".min.js"):
            continue
        for _, text in ASKED.findall(path.read_text(encoding="utf-8")):
            found.add(text.replace("\\'", "'").replace('\\"', '"'))
    return found


def test_every_text_of_the_admin_scripts_has_a_german_translation(client, db):
    editor = User.objects.create_user("erika", "erika@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    asked = texts_the_admin_scripts_ask_for()
    assert 'Choose %s by selecting them and then select the "Choose" arrow button.' in asked
    missing = sorted(text for text in asked if not catalog.get(text))
    assert missing == []
    assert catalog["Remove all %s"] == "Alle %s entfernen"
