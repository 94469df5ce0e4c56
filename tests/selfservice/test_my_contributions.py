"""'Meine Beiträge': a visitor asks for a link with nothing but their address, opens it by
its button, sees everything tied to the mailbox, corrects, withdraws, takes it away and
erases it; staff see a log without addresses and erase on a written request.

Comments are posted and confirmed through the real forms and mailed links; what is
asserted is what a person notices: the mail, the page, the thread, the rows left."""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
import json
import re
import time
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import TestCase
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from post_office.models import Email

from alerts.models import Subscription
from dialog.comments import decisions, moderation
from dialog.comments.models import CommentOptions, PendingComment
from dialog.comments.netiquette import NetiquetteReason
from goals.priorities.ballot import hashes_of
from goals.priorities.ballot import submit as submit_ballot
from goals.priorities.models import PriorityBallot
from selfservice.models import AccessLink, Event
from strategy_site.models import SearchEntry
from tests.dialog.conftest import add_comment, commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_field, make_phase, make_version
from tests.dialog.helpers import form_data, link_in
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db

START = "/meine-beitraege/"
OVERVIEW = "/meine-beitraege/uebersicht/"


@pytest.fixture(autouse=True)
def _fresh_limits():
    from django.core.cache import cache

    cache.clear()


def post_comment(client, target, email="paula@example.org", text="Mehr Glasfaser.", **fields):
    """Post through the form and press the mailed link's button; returns the stored comment."""
    mail.outbox.clear()
    response = client.post(
        "/kommentare/senden/", form_data(target, email=email, comment=text, **fields)
    )
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    press_confirm(client, link_in(mail.outbox[-1], "/kommentare/bestaetigen/"))
    return XtdComment.objects.get(comment=text)


def open_my_contributions(client, email):
    """Ask for the link, open it from the mail and press its button; returns the overview."""
    mail.outbox.clear()
    client.get(START)
    page = client.post(START, {"email": email})
    assert "Bitte prüfen Sie Ihr Postfach" in page.content.decode()
    (message,) = mail.outbox
    assert message.to == [email]
    response = press_confirm(client, link_in(message, "/meine-beitraege/zugang/"), follow=True)
    assert response.redirect_chain[-1][0] == OVERVIEW
    return response.content.decode()


def test_the_link_is_mailed_for_a_known_address_and_the_page_is_the_same_for_an_unknown_one(
    client, target
):
    post_comment(client, target, email="paula@example.org")
    mail.outbox.clear()
    known = client.post(START, {"email": "Paula@Example.org"}).content.decode()
    (message,) = mail.outbox
    assert message.to == ["Paula@Example.org"]
    assert "Meine Beiträge" in message.subject
    assert "/meine-beitraege/zugang/" in message.body

    mail.outbox.clear()
    unknown = client.post(START, {"email": "niemand@example.org"}).content.decode()
    # A mail either way; only the mailbox's owner learns from it that nothing is stored.
    (nothing,) = mail.outbox
    assert nothing.to == ["niemand@example.org"]
    assert "nichts gespeichert" in nothing.subject and "/zugang/" not in nothing.body
    # The same answer, word for word, apart from the address typed.
    assert unknown.replace("niemand@example.org", "X") == known.replace("Paula@Example.org", "X")
    assert AccessLink.objects.count() == 1


def test_bad_addresses_are_explained_beside_the_field_and_kept(client):
    client.get(START)
    for bad, message in [
        ("", "Bitte geben Sie Ihre E-Mail-Adresse ein."),
        ("paula(at)example.org", "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
    ]:
        html = client.post(START, {"email": bad}).content.decode()
        assert message in html
        assert f'value="{bad}"' in html or not bad
        assert "<title>Fehler:" in html
    assert mail.outbox == [] and AccessLink.objects.count() == 0


def test_a_mail_scanner_opening_the_link_shows_nothing_and_grants_nothing(client, target):
    post_comment(client, target)
    mail.outbox.clear()
    client.post(START, {"email": "paula@example.org"})
    path = link_in(mail.outbox[-1], "/meine-beitraege/zugang/")
    scanner = type(client)()
    page = scanner.get(path).content.decode()
    assert "Meine Beiträge anzeigen" in page and "Mehr Glasfaser." not in page
    denied = scanner.get(OVERVIEW)
    assert denied.status_code == 403
    assert "Bitte öffnen Sie zuerst Ihren Link" in denied.content.decode()
    assert "Mehr Glasfaser." not in denied.content.decode()


def test_requests_are_limited_per_visitor(client, settings, target):
    settings.PUBLIC_FORM_LIMITS = {**settings.PUBLIC_FORM_LIMITS, "selfservice": (2, 3600)}
    post_comment(client, target)
    mail.outbox.clear()
    client.get(START)
    for _ in range(2):
        client.post(START, {"email": "paula@example.org"})
    html = client.post(START, {"email": "paula@example.org"}).content.decode()
    assert "Von Ihrem Anschluss kamen in der letzten Stunde schon 2 Anfragen" in html
    assert 'value="paula@example.org"' in html
    assert len(mail.outbox) == 2


def test_the_overview_lists_everything_of_the_mailbox_newest_first_with_its_state(
    client, target, add_comment, moderator, editor
):
    post_comment(client, target, email="paula@example.org", text="Erster Kommentar.")
    hidden = post_comment(client, target, email="Paula+dialog@example.org", text="Zweiter.")
    moderation.hide([hidden], NetiquetteReason.INSULT, moderator)
    decided = post_comment(client, target, email="paula@example.org", text="Dritter.")
    decisions.decide([decided], "teilweise", "Wir prüfen das im Referat.", editor)
    client.post(
        "/kommentare/senden/", form_data(target, email="paula@example.org", comment="Noch offen.")
    )
    Subscription.request("paula@example.org", "umsetzung", "Umsetzung der Strategie")
    someone_else = add_comment(target, "Kommentar von jemand anderem")

    html = open_my_contributions(client, "paula@example.org")
    assert "Gespeichert unter paula@example.org" in html
    for text in ["Erster Kommentar.", "Zweiter.", "Dritter.", "Noch offen."]:
        assert text in html
    assert someone_else.comment not in html
    assert "verborgen (Beleidigung oder persönlicher Angriff)" in html
    assert "Entscheidung: teilweise berücksichtigt" in html
    assert "Begründung: Wir prüfen das im Referat." in html
    assert "noch nicht bestätigt" in html
    assert "Abonnement · Umsetzung der Strategie" in html
    # Newest first: the unconfirmed comment and the subscription came last.
    assert html.index("Noch offen.") < html.index("Dritter.") < html.index("Erster Kommentar.")
    assert "no-store" in client.get(OVERVIEW)["Cache-Control"]


def test_correcting_a_comment_shows_the_new_text_and_when_it_was_edited(client, target):
    comment = post_comment(client, target, text="Mehr Glasfaser auf dem Lnad.")
    open_my_contributions(client, "paula@example.org")
    edit = f"/meine-beitraege/bearbeiten/kommentar-{comment.pk}/"
    form = client.get(edit).content.decode()
    assert "Mehr Glasfaser auf dem Lnad." in form

    too_long = "x" * 3001
    html = client.post(edit, {"comment": too_long}).content.decode()
    assert "Ihr Kommentar ist zu lang" in html and too_long in html
    html = client.post(edit, {"comment": ""}).content.decode()
    assert "Bitte schreiben Sie Ihren Kommentar." in html
    comment.refresh_from_db()
    assert comment.comment == "Mehr Glasfaser auf dem Lnad."

    response = client.post(edit, {"comment": "Mehr Glasfaser auf dem Land."}, follow=True)
    assert "Ihre Änderung ist gespeichert" in response.content.decode()
    thread = client.get(target.url).content.decode()
    assert "Mehr Glasfaser auf dem Land." in thread and "Lnad" not in thread
    assert "bearbeitet am" in thread
    assert Event.objects.get().get_action_display() == "vom Verfasser bearbeitet"


def test_a_comment_with_a_reply_cannot_be_corrected_any_more(client, target, add_comment):
    comment = post_comment(client, target)
    add_comment(target, "Eine Antwort", parent=comment)
    html = open_my_contributions(client, "paula@example.org")
    assert f"/meine-beitraege/bearbeiten/kommentar-{comment.pk}/" not in html
    refused = client.get(f"/meine-beitraege/bearbeiten/kommentar-{comment.pk}/")
    assert refused.status_code == 409
    assert "Nicht mehr zu bearbeiten" in refused.content.decode()


def test_a_correction_in_a_premoderated_thread_waits_for_the_moderation(client, target, moderator):
    comment = post_comment(client, target)
    CommentOptions.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        premoderated=True,
    )
    open_my_contributions(client, "paula@example.org")
    mail.outbox.clear()
    edit = f"/meine-beitraege/bearbeiten/kommentar-{comment.pk}/"
    client.get(edit)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(edit, {"comment": "Neue Fassung, bitte prüfen."})
    thread = client.get(target.url).content.decode()
    assert "Neue Fassung" not in thread and "Mehr Glasfaser." not in thread
    (notice,) = mail.outbox
    assert notice.to == [moderator.email]
    assert "Neue Fassung, bitte prüfen." in notice.body
    assert "wartet auf Freigabe" in client.get(OVERVIEW).content.decode()


def test_withdrawing_deletes_a_lone_comment_and_leaves_a_placeholder_where_replies_are(
    client, target, add_comment
):
    lone = post_comment(client, target, text="Allein.")
    answered = post_comment(client, target, text="Mit Antwort.")
    reply = add_comment(target, "Die Antwort bleibt.", parent=answered)
    open_my_contributions(client, "paula@example.org")
    before = client.get(target.url).content.decode()
    assert '<span class="comments__count">(3)</span>' in before

    for comment in (lone, answered):
        path = f"/meine-beitraege/zurueckziehen/kommentar-{comment.pk}/"
        page = client.get(path).content.decode()
        assert comment.comment in page and "Kommentar zurückziehen" in page
        client.post(path)

    assert not XtdComment.objects.filter(pk=lone.pk).exists()
    kept = XtdComment.objects.get(pk=answered.pk)
    assert (kept.comment, kept.user_name, kept.user_email, kept.ip_address) == ("", "", "", None)
    # Nor does the search index keep the words.
    assert not SearchEntry.objects.filter(body__contains="Mit Antwort.").exists()
    assert not SearchEntry.objects.filter(body__contains="Allein.").exists()
    assert SearchEntry.objects.filter(body__contains="Die Antwort bleibt.").exists()
    thread = client.get(target.url).content.decode()
    assert "Allein." not in thread and "Mit Antwort." not in thread
    assert "Vom Verfasser zurückgezogen." in thread
    # Only the reply still counts.
    assert '<span class="comments__count">(1)</span>' in thread
    assert "Die Antwort bleibt." in thread and reply.user_name in thread
    overview = client.get(OVERVIEW).content.decode()
    assert "Allein." not in overview and "Mit Antwort." not in overview
    assert [e.what for e in Event.objects.order_by("at")] == [
        f"Kommentar {lone.pk}",
        f"Kommentar {answered.pk}",
    ]


def test_another_visitors_items_are_never_shown_nor_changed(client, target):
    mine = post_comment(client, target, email="paula@example.org", text="Von Paula.")
    theirs = post_comment(client, target, email="jan@example.org", text="Von Jan.")
    html = open_my_contributions(client, "paula@example.org")
    assert "Von Paula." in html and "Von Jan." not in html
    for path in [
        f"/meine-beitraege/zurueckziehen/kommentar-{theirs.pk}/",
        f"/meine-beitraege/bearbeiten/kommentar-{theirs.pk}/",
    ]:
        assert client.get(path).status_code == 404
        # A valid token of this visitor's own session: only the ownership check stops it.
        token = client.cookies["csrftoken"].value
        data = {"comment": "Übernommen", "csrfmiddlewaretoken": token}
        assert client.post(path, data).status_code == 404
    theirs.refresh_from_db()
    assert theirs.comment == "Von Jan."
    data = client.get("/meine-beitraege/auskunft/meine-beitraege.json").content.decode()
    assert "Von Jan." not in data and "jan@example.org" not in data
    assert mine.comment in data


def test_export_as_json_and_as_a_page_never_cached(client, target):
    comment = post_comment(client, target, text="Für die Auskunft.")
    open_my_contributions(client, "paula@example.org")
    response = client.get("/meine-beitraege/auskunft/meine-beitraege.json")
    assert response["Content-Disposition"] == 'attachment; filename="meine-beitraege.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["e_mail_adresse"] == "paula@example.org"
    (entry,) = [entry for entry in data["eintraege"] if entry["art"] == "Kommentar"]
    # The mails sent to the address are part of the data too (the confirmation link's).
    assert "E-Mail an Sie" in {entry["art"] for entry in data["eintraege"]}
    assert entry["text"] == "Für die Auskunft."
    assert entry["gespeicherte_felder"]["e_mail"] == "paula@example.org"
    assert entry["gespeicherte_felder"]["ip_adresse"] == comment.ip_address
    assert entry["oeffentlich_unter"] == f"/kommentare/{comment.pk}/"
    page = client.get("/meine-beitraege/auskunft/")
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "Für die Auskunft." in html and f"/kommentare/{comment.pk}/" in html


@pytest.fixture
def ballot_phase():
    now = timezone.now()
    phase = make_phase(
        now - timedelta(days=1), now + timedelta(days=10), priorities_question="Was zuerst?"
    )
    version = make_version(slug="2-0", title="Digitalstrategie.NRW 2.0", year=2021)
    version.phases.add(phase)
    return phase, make_field(version, "2", "Bildung")


def test_erasing_removes_the_address_everywhere(client, target, add_comment, ballot_phase):
    phase, field = ballot_phase
    lone = post_comment(client, target, text="Weg damit.")
    answered = post_comment(client, target, text="Hat eine Antwort.")
    add_comment(target, "Antwort", parent=answered)
    Subscription.request("paula@example.org", "umsetzung", "Umsetzung der Strategie")
    token = submit_ballot(phase, "paula@example.org", [field])
    from goals.priorities.ballot import confirm

    confirm(token)
    open_my_contributions(client, "paula@example.org")
    confirm_page = client.get("/meine-beitraege/loeschen/").content.decode()
    assert "Stimmen einer laufenden Phase werden gelöscht" in confirm_page
    assert Email.objects.filter(to__icontains="paula@example.org").exists()
    html = client.post("/meine-beitraege/loeschen/").content.decode()
    assert "Ihre Daten sind gelöscht" in html

    assert not XtdComment.objects.filter(pk=lone.pk).exists()
    assert XtdComment.objects.get(pk=answered.pk).user_email == ""
    assert not XtdComment.objects.filter(user_email__icontains="paula").exists()
    assert not Subscription.objects.exists()
    assert not PriorityBallot.objects.exists()  # the phase runs: the person may vote again
    assert not AccessLink.objects.exists()
    # The mails sent to the address (confirmation links, the link to this page) are gone
    # from the mail queue too.
    assert not Email.objects.filter(to__icontains="paula@example.org").exists()
    (event,) = Event.objects.filter(action=Event.Action.ERASED)
    assert "paula" not in event.what and "Kommentare: 2" in event.what
    # The session ended; the old link opens nothing any more.
    assert client.get(OVERVIEW).status_code == 403
    mail.outbox.clear()
    client.post(START, {"email": "paula@example.org"})
    assert "nichts gespeichert" in mail.outbox[-1].subject  # nothing is tied to it now


def test_a_ballot_of_an_ended_phase_stays_counted_after_erasure_and_cannot_be_doubled(
    client, target, ballot_phase
):
    from goals.priorities.ballot import confirm, results

    phase, field = ballot_phase
    confirm(submit_ballot(phase, "paula@example.org", [field]))
    open_my_contributions(client, "paula@example.org")
    phase.ends_at = timezone.now() - timedelta(minutes=1)
    phase.save()
    client.get("/meine-beitraege/loeschen/")
    client.post("/meine-beitraege/loeschen/")
    (ballot,) = PriorityBallot.objects.all()  # still counted, tied to nobody
    assert ballot.confirmed_at is not None
    assert not PriorityBallot.objects.filter(
        address_hash__in=hashes_of("paula@example.org")
    ).exists()
    assert results(phase)[0] == 1
    # A ballot for the ended phase is not taken, so nobody counts twice.
    assert confirm(submit_ballot(phase, "paula@example.org", [field])) is None
    assert results(phase)[0] == 1


def test_erasing_in_a_running_phase_lets_the_person_vote_once_again(client, ballot_phase):
    from goals.priorities.ballot import confirm, results

    phase, field = ballot_phase
    confirm(submit_ballot(phase, "paula@example.org", [field]))
    open_my_contributions(client, "paula@example.org")
    client.get("/meine-beitraege/loeschen/")
    client.post("/meine-beitraege/loeschen/")
    assert results(phase)[0] == 0
    for _ in range(2):
        confirm(submit_ballot(phase, "Paula@example.org", [field]))
    assert results(phase)[0] == 1


def test_a_withdrawn_comment_cannot_be_released_by_the_moderation(
    client, target, add_comment, moderator
):
    answered = post_comment(client, target, text="Zurückgezogen bleibt zurückgezogen.")
    add_comment(target, "Antwort", parent=answered)
    open_my_contributions(client, "paula@example.org")
    path = f"/meine-beitraege/zurueckziehen/kommentar-{answered.pk}/"
    client.get(path)
    client.post(path)
    assert moderation.approve(XtdComment.objects.filter(pk=answered.pk), moderator) == 0
    assert "Vom Verfasser zurückgezogen." in client.get(target.url).content.decode()


def test_access_ends_after_two_hours_however_often_pages_are_opened(client, target):
    post_comment(client, target)
    open_my_contributions(client, "paula@example.org")
    assert client.get(OVERVIEW).status_code == 200
    session = client.session
    session["meine_beitraege"] = {**session["meine_beitraege"], "until": time.time() - 1}
    session.save()
    response = client.get(OVERVIEW)
    assert response.status_code == 403 and "Mehr Glasfaser." not in response.content.decode()


def test_staff_erase_on_a_written_request_and_the_log_names_no_address(
    client, target, moderator, editor
):
    post_comment(client, target, email="brief@example.org", text="Kam per Brief.")
    staff = type(client)()
    staff.force_login(moderator)
    log = staff.get("/admin/selfservice/event/").content.decode()
    assert "Daten einer Adresse auf Anfrage löschen" in log
    path = "/admin/selfservice/event/loeschen-auf-anfrage/"
    staff.get(path)
    preview = staff.post(path, {"email": "brief@example.org"}).content.decode()
    assert "Kommentar: 1" in preview
    assert XtdComment.objects.filter(comment="Kam per Brief.").exists()
    staff.post(path, {"email": "brief@example.org", "bestaetigt": "1"})
    assert not XtdComment.objects.filter(comment="Kam per Brief.").exists()
    (event,) = Event.objects.all()
    assert event.by == moderator and "brief@" not in event.what
    log = staff.get("/admin/selfservice/event/").content.decode()
    assert "auf Anfrage" in log and "brief@example.org" not in log

    editors = type(client)()
    editors.force_login(editor)
    assert editors.get(path).status_code == 403


def test_the_privacy_page_states_the_rules_and_every_page_links_the_service(client, target):
    html = client.get("/datenschutz/").content.decode()
    assert "Meine Beiträge: Auskunft, Berichtigung, Löschung ohne Konto" in html
    assert "Vom Verfasser zurückgezogen" in html
    assert "zählen weiter im Ergebnis" in html
    assert 'href="/meine-beitraege/"' in client.get("/").content.decode()


def test_every_confirmation_mail_links_my_contributions(client, target):
    client.post("/kommentare/senden/", form_data(target, email="paula@example.org"))
    assert re.search(r"https?://\S+/meine-beitraege/", mail.outbox[-1].body)


def test_the_overview_takes_the_same_number_of_queries_for_a_few_and_500_items(
    client, target, ballot_phase, django_assert_max_num_queries
):
    """Comments on many paragraphs (whose labels read their chapter), unconfirmed
    comments, ideas, ballots, subscriptions and statements of one mailbox."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dialog.models import Statement
    from goals.ideas.models import Idea
    from goals.models import Chapter, Paragraph

    phase, field = ballot_phase
    chapter = Chapter.objects.create(
        version=field.version, number="2", title="Bildung", slug="bildung", order=1
    )
    post_comment(client, target, text="Der erste.")
    open_my_contributions(client, "paula@example.org")
    paragraph_type = ContentType.objects.get_for_model(Paragraph)
    made = iter(range(100000))

    def add(count):
        now = timezone.now()
        for _ in range(count // 5):
            n = next(made)
            paragraph = Paragraph.objects.create(chapter=chapter, order=n + 1, text=f"<p>{n}</p>")
            for k in range(2):
                XtdComment.objects.create(
                    content_type=paragraph_type,
                    object_pk=str(paragraph.pk),
                    site_id=1,
                    user_name="Paula",
                    user_email="paula@example.org",
                    comment=f"Beitrag {n}-{k}",
                    submit_date=now - timedelta(minutes=n),
                )
            PendingComment.objects.create(
                token_hash=f"offen-{n}",
                data={
                    "user_email": "paula@example.org",
                    "comment": f"offen {n}",
                    "content_type_id": paragraph_type.pk,
                    "object_pk": str(paragraph.pk),
                },
            )
            Idea.objects.create(
                phase=phase,
                field=field,
                title=f"Idee {n}",
                text="Eine Idee für die Schulen.",
                name="Paula",
                email="paula@example.org",
                status=Idea.Status.PUBLISHED,
            )
            Statement.objects.create(
                phase=phase,
                organisation="Verein",
                kind="verband",
                title=f"Stellungnahme {n}",
                text="Text",
                email="paula@example.org",
            )
            ballot = PriorityBallot.objects.create(
                phase=phase, address_hash=hashes_of("paula@example.org")[0], token_hash=f"b{n}"
            )
            ballot.fields.set([field])
        for n in range(count // 50 or 1):
            Subscription.request("paula@example.org", f"ziel-{count}-{n}", f"Ziel {n}")

    add(5)
    with CaptureQueriesContext(connection) as few:
        assert "Beitrag 0-1" in client.get(OVERVIEW).content.decode()
    assert len(few.captured_queries) <= 25  # session, link, one to three per kind
    add(500)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(OVERVIEW).content.decode()
    assert "Beitrag 100-1" in html and "Idee 100" in html and "Stellungnahme 100" in html


def test_a_ballot_is_withdrawn_while_its_phase_runs_and_kept_after(client, ballot_phase):
    from goals.priorities.ballot import confirm

    phase, field = ballot_phase
    confirm(submit_ballot(phase, "paula@example.org", [field]))
    html = open_my_contributions(client, "paula@example.org")
    assert "Stimme · Prioritäten in „" in html and "Gewählt: 2 Bildung" in html
    ballot = PriorityBallot.objects.get()
    path = f"/meine-beitraege/zurueckziehen/stimme-{ballot.pk}/"
    assert "Stimme zurückziehen" in client.get(path).content.decode()
    client.post(path)
    assert not PriorityBallot.objects.exists()

    confirm(submit_ballot(phase, "paula@example.org", [field]))
    phase.ends_at = timezone.now() - timedelta(minutes=1)
    phase.save()
    ballot = PriorityBallot.objects.get()
    assert f"stimme-{ballot.pk}/" not in client.get(OVERVIEW).content.decode()
    assert client.get(f"/meine-beitraege/zurueckziehen/stimme-{ballot.pk}/").status_code == 404
    assert PriorityBallot.objects.exists()


def test_a_statement_is_withdrawn_until_it_has_an_answer(client, ballot_phase, editor):
    from dialog.models import Statement

    phase, _ = ballot_phase
    statement = Statement.objects.create(
        phase=phase,
        organisation="Verband Digitales NRW",
        kind="verband",
        title="Stellungnahme zum Breitband",
        text="Wir fordern mehr Tempo.",
        email="kontakt@verband.example.org",
        status=Statement.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    answered = Statement.objects.create(
        phase=phase,
        organisation="Verband Digitales NRW",
        kind="verband",
        title="Zweite Stellungnahme",
        text="Und mehr Schulen.",
        email="kontakt@verband.example.org",
        status=Statement.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    decisions.decide([answered], "beantwortet", "Danke, wir greifen das auf.", editor)
    html = open_my_contributions(client, "kontakt@verband.example.org")
    assert "Stellungnahme zum Breitband" in html and "Antwort: beantwortet" in html
    assert f"stellungnahme-{answered.pk}/" not in html
    path = f"/meine-beitraege/zurueckziehen/stellungnahme-{statement.pk}/"
    client.get(path)
    client.post(path)
    assert list(Statement.objects.all()) == [answered]
    client.get("/meine-beitraege/loeschen/")
    client.post("/meine-beitraege/loeschen/")
    answered.refresh_from_db()
    assert answered.email == "" and answered.is_published  # on the record, tied to no one
