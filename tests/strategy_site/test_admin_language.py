"""Staff read formal German everywhere in the admin (issue 9, item 8).

Logs in as an editor and as a moderator and visits every admin page their
groups give them: the index, each changelist, add and change form, the
spreadsheet import and export pages and the comment queues. A page fails on
any word from tests/support/language.py (English UI words or "du"-forms).
"""

import pytest
from django.contrib import admin
from django.utils.translation import gettext, override

from tests.support.language import foreign_words

pytestmark = pytest.mark.django_db


def staff_pages(user):
    """Every admin page `user` may open, built from the admin registry."""
    # The index, and the second-factor setup every staff member may open.
    urls = ["/admin/", "/admin/zwei-faktor/"]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        urls.append(base)
        # The admin's own answer: some models take no additions by hand (ballots, statements).
        if model_admin.has_add_permission(_request_for(user)):
            urls.append(base + "add/")
            if hasattr(model_admin, "import_action"):
                urls.append(base + "import/")
        if hasattr(model_admin, "export_action"):
            urls.append(base + "export/")
        first = model_admin.get_queryset(_request_for(user)).first()
        if first is not None:
            urls.append(base + f"{first.pk}/change/")
    return urls


def _request_for(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_every_admin_page_staff_use_is_formal_german(client, demo, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    pages = staff_pages(user)
    # The registry walk must reach the pages named in the issue.
    if role == "editor":
        assert {"/admin/goals/goal/import/", "/admin/goals/goal/export/"} <= set(pages)
    else:
        assert {"/admin/dialog/waitingcomment/", "/admin/dialog/reportedcomment/"} <= set(pages)
    found = {}
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if words := foreign_words(response.content.decode()):
            found[url] = sorted(words)
    assert not found, found


def test_app_names_of_the_comment_packages_are_german(client, moderator):
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Kommentare" in html and "Kommentarmarkierungen" in html
    assert "Comments Xtd" not in html and "Django_Comments" not in html


@pytest.mark.parametrize(
    ("msgid", "formal"),
    [
        (
            "Please correct these errors in your data where possible, then reupload it "
            "using the form above.",
            "Bitte korrigieren Sie diese Fehler in Ihrer Datei",
        ),
        (
            "No valid data to import. Ensure your file has the correct headers or data for import.",
            "Bitte prüfen Sie, ob Ihre Datei",
        ),
        ("Select all", "Alle auswählen"),
    ],
)
def test_import_export_messages_address_staff_formally(msgid, formal):
    # Messages shown only after a failed import: checked in the catalogue itself.
    with override("de"):
        text = gettext(msgid)
    assert formal in text
    assert not foreign_words(text)


def test_the_word_check_catches_english_and_informal_text():
    assert foreign_words("<h2>Comments Xtd</h2>") == {"Comments", "Xtd"}
    assert foreign_words('<p title="Wähle ein Feld">Bitte korrigiere deine Datei</p>') == {
        "Wähle",
        "korrigiere",
        "deine",
    }
    assert not foreign_words("<p>Bitte korrigieren Sie Ihre Datei. Filter, Format, Link</p>")
