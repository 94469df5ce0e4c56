"""One-line fields of every public form refuse line breaks and other control characters
(C0, C1) beside the field, in German, keep the rest of what was typed, and store and mail
nothing: a name with a line break would otherwise become two lines of a mail header."""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from common.single_line import MESSAGE
from dialog.models import PendingComment, Statement
from strategy_site.models import AccessibilityFeedback
from tests.dialog.conftest import commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_phase
from tests.dialog.helpers import form_data

pytestmark = pytest.mark.django_db

# Line feed, carriage return, tab, escape, DEL, and C1's "next line" and "CSI".
CONTROLS = ["\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\x9b"]


def error_beside(html: str, field: str) -> str:
    return html.split(f'id="id_{field}_error"')[1][:400]


@pytest.mark.parametrize(
    ("field", "control"),
    [(("name", "organisation")[n % 2], c) for n, c in enumerate(CONTROLS)],
    ids=[hex(ord(c)) for c in CONTROLS],
)
def test_comment_form(client, target, field, control):
    fields = {"sender_kind": "verband", "organisation": "Verband"}
    fields[field] = f"Erste Zeile{control}Bcc: alle@example.org"
    response = client.post("/kommentare/senden/", form_data(target, **fields))
    html = response.content.decode()
    assert MESSAGE in error_beside(html, field)
    assert "Mehr Glasfaser auf dem Land, bitte.</textarea>" in html  # the text is kept
    assert not PendingComment.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("control", ["\n", "\r\n", "\x85"], ids=["lf", "crlf", "nel"])
@pytest.mark.parametrize("field", ["organisation", "title"])
def test_statement_form(client, field, control):
    now = timezone.now()
    make_phase(now - timedelta(days=1), now + timedelta(days=9), slug="p", statements_allowed=True)
    data = {
        "organisation": "Verband",
        "kind": "verband",
        "title": "Titel",
        "text": "Zeile eins.\nZeile zwei bleibt erlaubt.",
        "email": "v@example.org",
        "consent": "on",
    }
    data[field] = f"Verband{control}Subject: gefälscht"
    html = client.post("/dialog/phasen/p/stellungnahmen/einreichen/", data).content.decode()
    assert MESSAGE in error_beside(html, field)
    assert "Zeile zwei bleibt erlaubt.</textarea>" in html
    assert not Statement.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("field", ["name", "page"])
def test_accessibility_feedback_form(client, editor, field):
    data = {"name": "Hanna", "email": "h@example.org", "page": "/", "message": "Text\nmehrzeilig"}
    data[field] = "Hanna\nX-Priority: 1"
    html = client.post("/barrierefreiheit/", data).content.decode()
    assert MESSAGE in error_beside(html, field)
    assert "mehrzeilig</textarea>" in html
    assert not AccessibilityFeedback.objects.exists() and mail.outbox == []


def test_line_breaks_stay_allowed_in_texts(client, target):
    text = "Erster Absatz.\n\nZweiter Absatz mit\tTabulator."
    response = client.post("/kommentare/senden/", form_data(target, comment=text))
    assert response.status_code == 302
    assert PendingComment.objects.get().data["comment"] == text.replace("\t", "\t")
