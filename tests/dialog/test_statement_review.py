# ruff: noqa: F811 - the fixtures of test_statements.py, imported by name
"""The moderation reads a statement on its review page (text, PDF opened in the browser,
what it addresses) and publishes or rejects it there; the mailed link leads to that page."""

import pytest
from django.contrib.admin.models import LogEntry

from dialog.models import Statement
from tests.dialog.test_statements import (  # noqa: F401 - fixtures
    chapter,
    goal,
    pdf_upload,
    phase,
    submit_and_confirm,
    value,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(client, phase, goal, chapter, outbox, moderator):
    found = submit_and_confirm(
        client, outbox, pdf=pdf_upload(), targets=[value(goal), value(chapter)]
    )
    outbox.clear()
    return found


def review_url(statement) -> str:
    return f"/admin/dialog/statement/{statement.pk}/pruefen/"


def test_the_waiting_mail_leads_to_the_review_page(
    client, phase, goal, moderator, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_and_confirm(client, outbox, targets=[value(goal)])
    statement = Statement.objects.get()
    waiting = next(m for m in outbox if m.to == [moderator.email])
    assert review_url(statement) in waiting.body


def test_review_page_shows_text_pdf_and_addressed_goals_then_publishes(
    client, statement, moderator, outbox, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    queue = client.get("/admin/dialog/statement/").content.decode()
    assert f'<a href="{review_url(statement)}">Lesen und entscheiden</a>' in queue
    page = client.get(review_url(statement)).content.decode()
    assert "<h2>Stellungnahme zum digitalen Bürgeramt</h2>" in page
    assert "<p>Wir begrüßen das Ziel.<br>Drei Punkte fehlen uns aber.</p>" in page
    assert "2.0 · Ziel 7: Digitales Bürgeramt</a>" in page
    assert ">3 Moderne Verwaltung</a>" in page
    assert f'<a href="{statement.pdf_url}" target="_blank">PDF im Browser ansehen' in page
    pdf = client.get(statement.pdf_url)
    assert pdf["Content-Disposition"].startswith("inline")
    assert pdf["Cache-Control"] == "private, no-store"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(statement), {"entscheidung": "veroeffentlichen"})
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PUBLISHED
    assert statement.moderated_by == moderator
    assert [m.to for m in outbox] == [["kontakt@kommunale-it.example"]]
    entry = LogEntry.objects.get(object_id=str(statement.pk))
    assert (entry.user, entry.change_message) == (moderator, "Veröffentlicht (Prüfseite)")
    after = client.get(response.url).content.decode()
    assert "Veröffentlicht; die Organisation wurde per E-Mail informiert." in after
    client.logout()
    assert (
        "Stellungnahme zum digitalen Bürgeramt"
        in client.get(statement.get_absolute_url()).content.decode()
    )


def test_rejecting_needs_a_reason_and_tells_the_organisation(
    client, statement, moderator, outbox, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    client.get(review_url(statement))
    page = client.post(review_url(statement), {"entscheidung": "ablehnen"}).content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in page
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WAITING and outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(statement), {"entscheidung": "ablehnen", "reason": "werbung"})
    statement.refresh_from_db()
    assert (statement.status, statement.rejected_reason) == ("abgelehnt", "werbung")
    assert len(outbox) == 1 and "Werbung oder Spam" in outbox[0].body
    assert LogEntry.objects.filter(
        object_id=str(statement.pk),
        change_message="Nicht veröffentlicht: Werbung oder Spam (Prüfseite)",
    ).exists()


def test_only_those_who_may_change_statements_decide(client, statement, make_staff):
    viewer = make_staff("vera.lesen")
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(viewer)
    page = client.get(review_url(statement)).content.decode()
    assert "Stellungnahme zum digitalen Bürgeramt" in page
    assert "Veröffentlichen</button>" not in page
    response = client.post_holding_a_token(
        review_url(statement), {"entscheidung": "veroeffentlichen"}
    )
    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WAITING


def test_a_visitor_gets_the_login_page_not_the_review(client, statement):
    response = client.get(review_url(statement))
    assert response.status_code == 302 and "/admin/login/" in response.url
