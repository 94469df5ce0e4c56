"""Every text the admin's scripts show is German: Django 5.2's own German catalogue lacks the
texts of the many-to-many selection widget (editors saw "Choose Kategorien by selecting them
…"); locale/de/LC_MESSAGES/djangojs.po adds them."""

import json
import re
from pathlib import Path

import django
import pytest
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


# Django's admin in English, as it would show where a text lacks its German translation
# ("Filter" is the same word in German and not listed).
ENGLISH = re.compile(
    r"\b(Save and|Add another|Select all|Clear selection|Choose|Remove|Show all|Search|Delete"
    r"|Currently|Change|Action|History|View site|Log out|Today|Now|Yes|No|Unknown|Add|Select"
    r"|Close|Cancel|Save|Edit|Home|Password|Username)\b"
)
INFORMAL = re.compile(r"\b(du|dein|deine|deinen|deiner|dich|dir|euch|euer|eure)\b", re.IGNORECASE)


def shown_text(html: str) -> str:
    """What a person reads or hears: text and the attributes screen readers and tooltips use."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    attributes = re.findall(r'\b(?:title|placeholder|aria-label|value|alt)="([^"]*)"', html)
    return re.sub(r"<[^>]+>", " ", html) + " " + " ".join(attributes)


@pytest.mark.parametrize("group", ["Redaktion", "Moderation"])
def test_every_admin_page_staff_reach_speaks_formal_german(client, demo, group):
    """The list, add and change page of every model the group may open (demo content)."""
    from django.contrib import admin
    from django.urls import NoReverseMatch, reverse

    user = User.objects.create_user("person", "person@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    opened, wrong = 0, {}
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        try:
            urls = [reverse("admin:{}_{}_changelist".format(*info))]
        except NoReverseMatch:
            continue
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        first = model._default_manager.first()
        if first is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue  # not this group's page
            opened += 1
            text = shown_text(response.content.decode())
            found = set(ENGLISH.findall(text)) | set(INFORMAL.findall(text))
            if found:
                wrong[url] = sorted(found)
    assert opened >= (40 if group == "Redaktion" else 12)
    assert wrong == {}
