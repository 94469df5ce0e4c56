"""Export for evaluation: CSV and XLSX parsed back, formulas neutralised, email only on request."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.contrib.flatpages.models import FlatPage
from openpyxl import load_workbook

from dialog.comments import commentable, moderation
from dialog.comments.commentable import ExportScope
from dialog.comments.netiquette import NetiquetteReason

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/django_comments_xtd/xtdcomment/export/"


@pytest.fixture
def described_pages(commentable_pages, make_page):
    """Flat pages described like goals: a number and a field, with scopes per field."""
    commentable.register(
        FlatPage,
        commentable.CommentPolicy(
            describe=lambda p: {"number": p.title.split()[0], "field": p.content},
            export_scopes=lambda: [
                ExportScope(
                    "feld-bildung",
                    "Bildung",
                    "Handlungsfelder",
                    FlatPage.objects.filter(content="Bildung"),
                ),
            ],
        ),
    )
    bildung = make_page("z1", "1.1 Schulen digital")
    bildung.content = "Bildung"
    bildung.save()
    verwaltung = make_page("z2", "2.3 Verwaltung online")
    verwaltung.content = "Verwaltung"
    verwaltung.save()
    return bildung, verwaltung


def parse_csv(response):
    # The CSV export streams row by row (StreamingHttpResponse): read all of its chunks.
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_of_one_field_with_all_columns(
    client, moderator, described_pages, add_comment, editor
):
    bildung, verwaltung = described_pages
    top = add_comment(bildung, '=HYPERLINK("http://böse.example")', name="Anna")
    reply = add_comment(bildung, "Gute Idee", name="Erika", parent=top, user=editor)
    add_comment(verwaltung, "Anderes Feld")
    moderation.report(top, NetiquetteReason.SPAM)
    moderation.report(top, NetiquetteReason.INSULT)
    client.force_login(moderator)
    form = client.get(EXPORT_URL).content.decode()
    assert "Bildung" in form
    assert "E-Mail-Adressen aufnehmen" not in form

    rows = parse_csv(
        client.post(
            EXPORT_URL,
            {"scope": "flatpages.flatpage:feld-bildung", "format": "csv", "include_email": "on"},
        )
    )
    assert rows == [
        {
            "ID": str(top.pk),
            "Objekt": str(bildung),
            "Art": "Service-Seite",
            "Fassung": "",
            "Nummer": "1.1",
            "Handlungsfeld": "Bildung",
            "Kapitel": "",
            "Absatz": "",
            "Antwort auf ID": "",
            "Ebene": "0",
            "Name": "Anna",
            "Text": '\'=HYPERLINK("http://böse.example")',
            "Status": "veröffentlicht",
            "Meldungen": "2",
            "Erstellt": rows[0]["Erstellt"],
            "Offiziell": "nein",
            "Schreibt als": "",
            "Organisation": "",
            "Eingang": "online",
            "Entscheidung": "",
            "Begründung der Entscheidung": "",
        },
        {
            "ID": str(reply.pk),
            "Objekt": str(bildung),
            "Art": "Service-Seite",
            "Fassung": "",
            "Nummer": "1.1",
            "Handlungsfeld": "Bildung",
            "Kapitel": "",
            "Absatz": "",
            "Antwort auf ID": str(top.pk),
            "Ebene": "1",
            "Name": "Erika",
            "Text": "Gute Idee",
            "Status": "veröffentlicht",
            "Meldungen": "0",
            "Erstellt": rows[1]["Erstellt"],
            "Offiziell": "ja",
            "Schreibt als": "",
            "Organisation": "",
            "Eingang": "online",
            "Entscheidung": "",
            "Begründung der Entscheidung": "",
        },
    ]
    assert rows[0]["Erstellt"][:2] == "20"


@pytest.mark.parametrize("text", ["+1 Stimme", "-Minus", "@SUMME(A1)", "=1+1"])
def test_every_formula_start_is_neutralised_in_xlsx(
    client, moderator, described_pages, add_comment, text
):
    bildung, _ = described_pages
    add_comment(bildung, text)
    client.force_login(moderator)
    response = client.post(EXPORT_URL, {"scope": "alle", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Text"] == "'" + text
    assert row["Nummer"] == "1.1"
    assert sheet.max_row == 2


def test_email_only_with_permission_and_explicit_choice(
    client, moderator, described_pages, add_comment
):
    bildung, _ = described_pages
    add_comment(bildung, "Mit Adresse")
    client.force_login(moderator)
    without = parse_csv(
        client.post(EXPORT_URL, {"scope": "alle", "format": "csv", "include_email": "on"})
    )
    assert "E-Mail" not in without[0]

    moderator.user_permissions.add(Permission.objects.get(codename="export_commenter_emails"))
    client.force_login(moderator)
    assert "E-Mail-Adressen aufnehmen" in client.get(EXPORT_URL).content.decode()
    not_asked = parse_csv(client.post(EXPORT_URL, {"scope": "alle", "format": "csv"}))
    assert "E-Mail" not in not_asked[0]
    asked = parse_csv(
        client.post(EXPORT_URL, {"scope": "alle", "format": "csv", "include_email": "on"})
    )
    assert asked[0]["E-Mail"].endswith("@example.org")


def test_editor_without_export_permission_cannot_export(client, editor, described_pages):
    client.force_login(editor)
    # A crafted POST (the page itself is refused, so no form shows a token)
    response = client.post_holding_a_token(EXPORT_URL, {"scope": "alle", "format": "csv"})
    assert response.status_code == 403


def test_hidden_and_waiting_states_in_export(client, moderator, described_pages, add_comment):
    bildung, _ = described_pages
    hidden = add_comment(bildung, "Weg damit")
    add_comment(bildung, "Wartet", is_public=False)
    moderation.hide([hidden], NetiquetteReason.SPAM, moderator)
    client.force_login(moderator)
    rows = parse_csv(client.post(EXPORT_URL, {"scope": "flatpages.flatpage", "format": "csv"}))
    assert {r["Text"]: r["Status"] for r in rows} == {
        "Weg damit": "verborgen (Werbung oder Spam)",
        "Wartet": "wartet auf Freigabe",
    }


def test_changelist_links_the_export_and_exports_a_selection(
    client, moderator, described_pages, add_comment
):
    bildung, verwaltung = described_pages
    chosen = add_comment(bildung, "Ausgewählt")
    add_comment(verwaltung, "Nicht ausgewählt")
    client.force_login(moderator)
    changelist = client.get("/admin/django_comments_xtd/xtdcomment/").content.decode()
    assert f'<a href="{EXPORT_URL}">Kommentare exportieren (CSV/XLSX)</a>' in changelist
    response = client.post(
        "/admin/django_comments_xtd/xtdcomment/",
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    rows = parse_csv(response)
    assert [(r["Text"], r["Nummer"]) for r in rows] == [("Ausgewählt", "1.1")]
    assert "E-Mail" not in rows[0]


def test_control_character_before_a_formula_does_not_sneak_it_into_xlsx(
    client, moderator, described_pages, add_comment
):
    # XLSX cells may not hold control characters, so they are removed; the
    # formula check must see the text as it ends up in the cell.
    bildung, _ = described_pages
    add_comment(bildung, '\x01=HYPERLINK("http://böse.example")')
    client.force_login(moderator)
    response = client.post(EXPORT_URL, {"scope": "alle", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Text") + 1)
    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://böse.example")', "s")
