"""Statements (Stellungnahmen) of organisations: submitted with an optional PDF, confirmed
by link, published or rejected by the moderation, listed on the phase and on the goals
and chapters they address, decided on like comments, counted on the results page."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from dialog.comments import decisions
from dialog.models import Statement, StatementDecision
from dialog.statements import workflow
from goals.models import Chapter, FieldOfAction, Goal, StrategyVersion
from tests.dialog.factories import make_phase
from tests.dialog.helpers import link_in
from tests.support.links import press_confirm
from tests.support.pdfs import make_pdf, make_pdf_of_size

pytestmark = pytest.mark.django_db

ADMIN = "/admin/dialog/statement/"


@pytest.fixture
def phase(db):
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=3),
        now + timedelta(days=20),
        slug="mitreden",
        title="Mitreden 2026",
        statements_allowed=True,
    )
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    version.phases.add(phase)
    field = FieldOfAction.objects.create(version=version, number="1", title="Verwaltung", slug="v")
    Goal.objects.create(field=field, number=7, title="Digitales Bürgeramt", horizon="kurzfristig")
    Chapter.objects.create(version=version, number="3", title="Moderne Verwaltung", slug="k3")
    return phase


@pytest.fixture
def goal(phase):
    return Goal.objects.get(number=7)


@pytest.fixture
def chapter(phase):
    return Chapter.objects.get(slug="k3")


FORM = "/dialog/phasen/mitreden/stellungnahmen/einreichen/"


def value(obj) -> str:
    return decisions.result_value(obj)


def post(client, pdf=None, **fields):
    data = {
        "organisation": "Verband der Kommunalen IT",
        "kind": "verband",
        "title": "Stellungnahme zum digitalen Bürgeramt",
        "text": "Wir begrüßen das Ziel.\nDrei Punkte fehlen uns aber.",
        "email": "kontakt@kommunale-it.example",
        "consent": "on",
        **fields,
    }
    if pdf is not None:
        data["pdf"] = pdf
    return client.post(FORM, {k: v for k, v in data.items() if v is not None})


def pdf_upload(content=None, name="stellungnahme.pdf"):
    return SimpleUploadedFile(name, content or make_pdf(3), content_type="application/pdf")


def stored_pdfs(settings):
    folder = settings.STATEMENTS_ROOT
    return sorted(p.name for p in folder.rglob("*.pdf")) if folder.exists() else []


def submit_and_confirm(client, outbox, **fields):
    post(client, **fields)
    press_confirm(client, link_in(outbox[-1], "/dialog/stellungnahmen/bestaetigen/"))
    return Statement.objects.latest("pk")


def test_an_organisation_submits_with_pdf_and_targets_then_confirms_by_link(
    client, phase, goal, chapter, moderator, outbox, settings, django_capture_on_commit_callbacks
):
    form = client.get(FORM).content.decode()
    assert "<legend>Art der Organisation" in form
    assert "Kapitel 3 Moderne Verwaltung" in form and "Ziel 7: Digitales Bürgeramt" in form
    assert 'enctype="multipart/form-data"' in form

    response = post(client, pdf=pdf_upload(), targets=[value(goal), value(chapter)])
    assert response.status_code == 302
    sent = client.get(response["Location"]).content.decode()
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in sent
    assert "erscheint, sobald die Moderation sie geprüft hat" in sent

    statement = Statement.objects.get()
    assert statement.status == Statement.Status.UNCONFIRMED
    assert (statement.pdf_pages, statement.kind) == (3, "verband")
    assert {str(t) for t in statement.targets.all()} == {str(goal), str(chapter)}
    # The file is kept privately under its organisation's name, never under /media/.
    assert stored_pdfs(settings) == ["verband-der-kommunalen-it.pdf"]
    assert not (settings.MEDIA_ROOT / "stellungnahmen").exists()

    (mail,) = outbox
    assert mail.to == ["kontakt@kommunale-it.example"]
    assert mail.message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL
    assert "mit PDF (3 Seiten)" in mail.body
    assert "erst, wenn die Moderation sie freigegeben hat" in mail.body

    # Nobody sees it before the moderation has published it.
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert client.get(statement.pdf_url).status_code == 404
    assert "Verband der Kommunalen IT" not in client.get(goal.get_absolute_url()).content.decode()

    link = link_in(mail, "/dialog/stellungnahmen/bestaetigen/")
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = press_confirm(client, link).content.decode()
    assert "liegt jetzt der Moderation vor" in confirmed
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WAITING
    moderation_mail = outbox[-1]
    assert moderation_mail.to == [moderator.email]
    assert f"/admin/dialog/statement/{statement.pk}/pruefen/" in moderation_mail.body
    # A second click changes nothing and says so.
    assert "Sie hatten den Link schon benutzt" in client.get(link).content.decode()
    assert len(outbox) == 2
    assert client.get("/dialog/stellungnahmen/bestaetigen/unbekannt/").status_code == 410


def test_published_statement_is_listed_on_phase_goal_and_chapter_with_its_pdf(
    client, phase, goal, chapter, moderator, outbox, django_capture_on_commit_callbacks
):
    pdf = make_pdf(2)
    statement = submit_and_confirm(
        client, outbox, pdf=pdf_upload(pdf), targets=[value(goal), value(chapter)]
    )
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADMIN, {"action": "publish", ACTION_CHECKBOX_NAME: [statement.pk]})
    client.logout()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PUBLISHED and statement.published_at
    assert outbox[-1].subject.endswith("Ihre Stellungnahme ist veröffentlicht")
    assert statement.get_absolute_url() in outbox[-1].body

    detail = client.get(statement.get_absolute_url()).content.decode()
    assert "<h1>Stellungnahme zum digitalen Bürgeramt</h1>" in detail
    assert "Wir begrüßen das Ziel.<br>Drei Punkte fehlen uns aber." in detail
    assert "kontakt@kommunale-it.example" not in detail
    assert "Stellungnahme als PDF herunterladen (2 Seiten" in detail
    download = client.get(statement.pdf_url)
    assert download["Content-Type"] == "application/pdf"
    assert "Stellungnahme-verband-der-kommunalen-it.pdf" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == pdf

    listing = client.get("/dialog/phasen/mitreden/stellungnahmen/").content.decode()
    assert "1 veröffentlichte Stellungnahme," in listing
    assert "Verband der Kommunalen IT (Verband)" in listing
    for page in (goal.get_absolute_url(), chapter.get_absolute_url()):
        html = client.get(page).content.decode()
        assert "Stellungnahmen von Organisationen" in html
        assert statement.get_absolute_url() in html
    phase_page = client.get(phase.get_absolute_url()).content.decode()
    assert "1 veröffentlichte Stellungnahme lesen" in phase_page
    assert "Stellungnahme einreichen" in phase_page


def test_moderation_sees_a_waiting_statement_and_its_pdf_but_nobody_keeps_it(
    client, phase, moderator, outbox
):
    statement = submit_and_confirm(client, outbox, pdf=pdf_upload())
    client.force_login(moderator)
    queue = client.get(ADMIN + "?status__exact=wartet").content.decode()
    assert "Stellungnahme zum digitalen Bürgeramt" in queue
    change = client.get(f"{ADMIN}{statement.pk}/change/").content.decode()
    assert "PDF öffnen (3 Seiten" in change
    preview = client.get(statement.get_absolute_url()).content.decode()
    assert "Vorschau für die Moderation" in preview
    response = client.get(statement.pdf_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("bad", "field_error"),
    [
        ({"organisation": "   "}, "Bitte geben Sie den Namen Ihrer Organisation an."),
        ({"organisation": "Landesregierung NRW"}, "der Landesregierung, dem Ministerium"),
        ({"kind": None}, "Bitte wählen Sie, welche Art Organisation Sie vertreten."),
        ({"kind": "partei"}, "Bitte wählen Sie eine der angebotenen Arten."),
        ({"targets": "999:1"}, "Bitte wählen Sie nur Kapitel und Ziele aus der Liste"),
        ({"title": ""}, "Bitte geben Sie einen Titel an."),
        ({"text": "  \n "}, "fassen Sie Ihr PDF in einigen Sätzen zusammen"),
        ({"text": "x" * 20_001}, "höchstens 20000 Zeichen"),
        ({"email": "kontakt@"}, "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"consent": None}, "Ohne Ihr Einverständnis können wir die Stellungnahme nicht"),
    ],
)
def test_bad_input_is_explained_in_german_the_text_stays_and_nothing_is_stored(
    client, phase, settings, outbox, bad, field_error
):
    html = post(client, **bad).content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben" in html
    assert field_error in html
    # What the visitor wrote is still there.
    if "text" not in bad:
        assert "Wir begrüßen das Ziel." in html
    if "organisation" not in bad:
        assert 'value="Verband der Kommunalen IT"' in html
    assert not Statement.objects.exists()
    assert outbox == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Kein PDF, nur Text mit .pdf am Ende", "Die Datei ist kein PDF-Dokument"),
        (make_pdf(1, password="geheim"), "verschlüsselt oder mit einem Kennwort geschützt"),
        (make_pdf(2)[:300], "beschädigt oder unvollständig"),
    ],
)
def test_a_file_that_is_no_readable_pdf_is_refused(client, phase, settings, content, message):
    html = post(client, pdf=pdf_upload(content)).content.decode()
    assert message in html
    assert "Wir begrüßen das Ziel." in html
    assert not Statement.objects.exists() and stored_pdfs(settings) == []


def test_an_oversized_pdf_is_refused_with_its_size_and_the_limit(client, phase, settings):
    settings.STATEMENTS_MAX_UPLOAD_MB = 1
    html = post(client, pdf=pdf_upload(make_pdf_of_size(1, 1_300_000))).content.decode()
    assert "Die Datei ist 1,2 MB groß. Erlaubt sind höchstens 1 MB." in html
    assert 'id="id_pdf_error"' in html and 'aria-describedby="id_pdf_helptext id_pdf_error"' in html
    assert "Verband der Kommunalen IT" in html
    assert not Statement.objects.exists() and stored_pdfs(settings) == []


def test_a_good_pdf_beside_another_error_must_be_chosen_again(client, phase, settings):
    html = post(client, pdf=pdf_upload(), email="falsch").content.decode()
    assert "Bitte wählen Sie es nach dem Korrigieren erneut aus" in html
    assert stored_pdfs(settings) == []


def test_more_than_ten_targets_are_refused(client, phase, goal):
    field = goal.field
    extra = [
        Goal.objects.create(field=field, number=n, title=f"Ziel {n}", horizon="kurzfristig")
        for n in range(20, 30)
    ]
    html = post(client, targets=[value(g) for g in [goal, *extra]]).content.decode()
    assert "Bitte wählen Sie höchstens 10 Kapitel oder Ziele; Sie haben 11 gewählt." in html
    assert html.count("checked") >= 11  # the choice stays
    assert not Statement.objects.exists()


def test_no_statements_outside_a_phase_that_takes_them(client, phase, outbox):
    phase.ends_at = timezone.now() - timedelta(minutes=1)
    phase.save()
    closed = post(client).content.decode()
    assert "Stellungnahmen sind nur möglich, solange die Phase läuft; sie ist beendet." in closed
    assert not Statement.objects.exists() and outbox == []
    phase.statements_allowed = False
    phase.save()
    assert client.get(FORM).status_code == 404
    assert client.get("/dialog/phasen/mitreden/stellungnahmen/").status_code == 404


def test_rejected_statement_is_not_shown_and_its_organisation_learns_why(
    client, phase, moderator, outbox, django_capture_on_commit_callbacks
):
    statement = submit_and_confirm(client, outbox)
    client.force_login(moderator)
    ask = client.post(ADMIN, {"action": "reject", ACTION_CHECKBOX_NAME: [statement.pk]})
    assert "Stellungnahmen nicht veröffentlichen" in ask.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            ADMIN,
            {
                "action": "reject",
                "apply": "1",
                "reason": "werbung",
                ACTION_CHECKBOX_NAME: [statement.pk],
            },
        )
    client.logout()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.REJECTED
    assert "Werbung oder Spam" in outbox[-1].body
    assert outbox[-1].message()["Reply-To"]
    assert client.get(statement.get_absolute_url()).status_code == 404
    listing = client.get("/dialog/phasen/mitreden/stellungnahmen/").content.decode()
    assert "Bisher ist keine Stellungnahme veröffentlicht." in listing


def test_an_unconfirmed_statement_cannot_be_published(client, phase, moderator):
    post(client)
    statement = Statement.objects.get()
    client.force_login(moderator)
    response = client.post(
        ADMIN, {"action": "publish", ACTION_CHECKBOX_NAME: [statement.pk]}, follow=True
    )
    assert "noch nicht per Link bestätigt" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.UNCONFIRMED


def test_decision_on_a_statement_shows_mails_and_leads_to_a_goal(
    client, phase, goal, moderator, outbox, settings, django_capture_on_commit_callbacks
):
    statement = submit_and_confirm(client, outbox, targets=[value(goal)])
    workflow.publish([statement], moderator)
    client.force_login(moderator)
    ask = client.post(ADMIN, {"action": "decide", ACTION_CHECKBOX_NAME: [statement.pk]})
    assert "Verband der Kommunalen IT: Stellungnahme zum digitalen Bürgeramt" in (
        ask.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            ADMIN,
            {
                "action": "decide",
                "apply": "1",
                "outcome": "teilweise",
                "reason": "Zwei der drei Punkte stehen jetzt im Ziel.",
                "result": value(goal),
                ACTION_CHECKBOX_NAME: [statement.pk],
            },
        )
    client.logout()
    decision = StatementDecision.objects.get(statement=statement)
    assert (decision.outcome, decision.decided_by) == ("teilweise", moderator)
    mail = outbox[-1]
    assert mail.subject.endswith("Was aus Ihrer Stellungnahme wurde")
    assert mail.message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL
    assert "Teilweise berücksichtigt." in mail.body and "Digitales Bürgeramt" in mail.body

    detail = client.get(statement.get_absolute_url()).content.decode()
    assert "Entscheidung: teilweise berücksichtigt" in detail
    assert "Zwei der drei Punkte stehen jetzt im Ziel." in detail
    goal_page = client.get(goal.get_absolute_url()).content.decode()
    assert "Entstanden aus Beiträgen" in goal_page
    assert "Stellungnahme von Verband der Kommunalen IT" in goal_page


def test_no_decision_on_a_statement_the_public_cannot_see(client, phase, moderator, outbox):
    statement = submit_and_confirm(client, outbox)  # waiting for the moderation
    client.force_login(moderator)
    html = client.post(
        ADMIN,
        {
            "action": "decide",
            "apply": "1",
            "outcome": "beantwortet",
            "reason": "Danke.",
            ACTION_CHECKBOX_NAME: [statement.pk],
        },
    ).content.decode()
    assert "1 der ausgewählten Stellungnahmen sind verborgen oder warten noch" in html
    assert not StatementDecision.objects.exists()


def test_comments_and_statements_are_decided_separately(phase, moderator, target, add_comment):
    statement = Statement.objects.create(
        phase=phase, organisation="X", kind="verband", title="T", text="t", email="x@example.org"
    )
    comment = add_comment(target, "Ein Kommentar")
    with pytest.raises(decisions.DecisionRefused, match="getrennt"):
        decisions.decide([comment, statement], "beantwortet", "Danke.", moderator)


def test_unconfirmed_statements_expire_with_their_file(client, phase, settings):
    post(client, pdf=pdf_upload())
    assert stored_pdfs(settings)
    Statement.objects.update(created_at=timezone.now() - timedelta(days=8))
    out = io.StringIO()
    call_command("purge_unconfirmed", stdout=out)  # the daily job, with nobody posting
    assert "1 unbestätigte Stellungnahmen gelöscht." in out.getvalue()
    assert not Statement.objects.exists() and stored_pdfs(settings) == []


def test_results_page_and_csv_count_and_decide_statements(client, phase, moderator, outbox):
    first = submit_and_confirm(client, outbox)
    second = submit_and_confirm(
        client, outbox, organisation="Hochschule Musterstadt", kind="wissenschaft"
    )
    workflow.publish([first, second], moderator)
    decisions.decide([second], "beantwortet", "Die Fragen sind im Bericht beantwortet.", moderator)
    html = client.get("/dialog/phasen/mitreden/ergebnisse/").content.decode()
    assert "2 veröffentlichte Stellungnahmen" in html
    assert '<th scope="row">Wissenschaft</th><td>1</td>' in html
    assert '<th scope="row">Verband</th><td>1</td>' in html
    assert "<h3>Beantwortet (1)</h3>" in html
    assert "Stellungnahme von Hochschule Musterstadt (Wissenschaft)" in html
    assert "Zu 1 weiteren Beitrag steht die Entscheidung noch aus." in html

    body = client.get("/dialog/phasen/mitreden/ergebnisse.csv").content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(body)))
    rows = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    hochschule = next(r for r in rows if r["Organisation"] == "Hochschule Musterstadt")
    assert hochschule["Art des Beitrags"] == "Stellungnahme"
    assert hochschule["Schreibt als"] == "Wissenschaft"
    assert hochschule["Entscheidung"] == "beantwortet"
    assert hochschule["Text"].startswith("Stellungnahme zum digitalen Bürgeramt\n\nWir begrüßen")
    assert "kommunale-it.example" not in body  # never a contact address


@pytest.mark.parametrize("count", [2, 30])
def test_statement_list_queries_do_not_grow(client, phase, goal, django_assert_num_queries, count):
    for n in range(count):
        goal = Goal.objects.create(
            field=goal.field, number=100 + n, title=f"Ziel {n}", horizon="kurzfristig"
        )
        statement = Statement.objects.create(
            phase=phase,
            organisation=f"Organisation {n}",
            kind="verwaltung",
            title=f"Stellungnahme {n}",
            text="Text",
            email=f"o{n}@example.org",
            status=Statement.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        statement.targets.create(content_type_id=value(goal).split(":")[0], object_pk=goal.pk)
        decisions.decide([statement], "beantwortet", "Danke.", None, notify=False)
    client.get("/dialog/phasen/mitreden/stellungnahmen/")  # warm the content-type cache
    # The phase, the statements with their decisions, their targets, the goals they name
    # (each with its version).
    with django_assert_num_queries(4):
        html = client.get("/dialog/phasen/mitreden/stellungnahmen/").content.decode()
    assert html.count('class="statement"') == count
    assert html.count("Bezieht sich auf: <a") == count


def test_search_finds_a_statement_only_while_it_is_published(client, phase, moderator, outbox):
    statement = submit_and_confirm(client, outbox, text="Wir fordern Glasfaserkooperationen.")
    search = "/suche/?q=Glasfaserkooperation"
    assert "Verband der Kommunalen IT" not in client.get(search).content.decode()
    workflow.publish([statement], moderator)
    found = client.get(search).content.decode()
    assert "Stellungnahme Verband der Kommunalen IT: Stellungnahme zum digitalen" in found
    assert statement.get_absolute_url() in found
    workflow.reject([statement], "werbung", moderator)
    assert statement.get_absolute_url() not in client.get(search).content.decode()
