"""Writing a comment: the anonymous confirmation flow, staff answers, bad input."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django_comments_xtd.models import XtdComment

from dialog.models import CommentOptions
from tests.support.links import press_confirm

from .helpers import form_data, link_in

pytestmark = pytest.mark.django_db


def post(client, target, **fields):
    return client.post(
        "/kommentare/senden/", form_data(target, **fields), form_page=target.get_absolute_url()
    )


def test_page_shows_form_with_privacy_note_and_no_comments_yet(client, target):
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Kommentar schreiben" in html
    assert 'href="/datenschutz/"' in html and 'href="/netiquette/"' in html
    assert "wird nie veröffentlicht" in html.lower() or "Wird nie veröffentlicht" in html
    assert "Mich per E-Mail benachrichtigen" in html
    assert "Noch keine Kommentare" in html


def test_anonymous_comment_appears_only_after_the_confirmation_link(client, target, outbox):
    response = post(client, target, followup="on")
    assert response.status_code == 302
    sent_page = client.get(response["Location"]).content.decode()
    assert "Ihr Kommentar ist noch <strong>nicht</strong> veröffentlicht" in sent_page
    assert XtdComment.objects.count() == 0
    assert "Mehr Glasfaser" not in client.get(target.get_absolute_url()).content.decode()

    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["paula@example.org"]
    assert message.subject == settings.EMAIL_SUBJECT_PREFIX + "Bitte bestätigen Sie Ihren Kommentar"
    # The mail names the page but never relays the text to the given address.
    assert f"einen Kommentar geschrieben zu „{target}“" in message.body
    assert "Glasfaser" not in message.body
    assert message.message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL
    confirm_url = link_in(message, "/kommentare/bestaetigen/")

    landing = press_confirm(client, confirm_url, follow=True)
    html = landing.content.decode()
    comment = XtdComment.objects.get()
    assert landing.redirect_chain[-1][0].endswith(f"/kommentar-test/ziel/#kommentar-{comment.pk}")
    assert "Vielen Dank! Ihr Kommentar ist jetzt veröffentlicht." in html
    assert f'id="kommentar-{comment.pk}"' in html
    assert "Mehr Glasfaser auf dem Land, bitte." in html
    assert "Paula Pseudonym" in html
    assert "paula@example.org" not in html
    assert (comment.user_email, comment.followup, comment.is_public) == (
        "paula@example.org",
        True,
        True,
    )


def test_replayed_confirmation_link_creates_nothing_new(client, target, outbox):
    post(client, target)
    confirm_url = link_in(outbox[0], "/kommentare/bestaetigen/")
    press_confirm(client, confirm_url)
    again = client.get(confirm_url)
    assert "Ihr Kommentar ist bereits bestätigt" in again.content.decode()
    assert XtdComment.objects.count() == 1


def test_tampered_confirmation_link_is_a_calm_error(client, target, outbox):
    post(client, target)
    confirm_url = link_in(outbox[0], "/kommentare/bestaetigen/")
    response = client.get(confirm_url[:-3] + "xyz/")
    assert response.status_code == 400
    assert "Dieser Bestätigungslink ist ungültig" in response.content.decode()
    assert XtdComment.objects.count() == 0


def test_staff_answer_appears_at_once_with_the_official_badge(client, target, editor, outbox):
    editor.first_name, editor.last_name = "Erika", "Redaktion"
    editor.save()
    client.force_login(editor)
    form_html = client.get(target.get_absolute_url()).content.decode()
    assert "Ihr Kommentar erscheint sofort" in form_html
    response = post(client, target, name="", email="", comment="Danke, wir prüfen das.")
    comment = XtdComment.objects.get()
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    assert outbox == []
    client.logout()
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Danke, wir prüfen das." in html
    assert "Antwort der Landesregierung" in html
    assert "Erika Redaktion" in html


def test_ordinary_names_that_contain_no_reserved_word_are_accepted(client, target, outbox):
    post(client, target, name="Mina aus Minden", comment="Gute Idee.")
    assert "/kommentare/bestaetigen/" in outbox[0].body


def test_citizen_comment_has_no_official_badge(client, target, add_comment):
    add_comment(target, "Bürgermeinung")
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Bürgermeinung" in html
    assert "Antwort der Landesregierung" not in html


def test_premoderated_comment_waits_after_confirmation(client, target, outbox):
    CommentOptions.objects.create(
        content_type_id=_ct(target), object_pk=str(target.pk), premoderated=True
    )
    form_html = client.get(target.get_absolute_url()).content.decode()
    assert "prüft ihn die Moderation" in form_html
    post(client, target)
    response = press_confirm(client, link_in(outbox[0], "/kommentare/bestaetigen/"))
    assert (
        "Ihr Kommentar wird veröffentlicht, sobald er freigegeben ist" in response.content.decode()
    )
    comment = XtdComment.objects.get()
    assert (comment.is_public, comment.is_removed) == (False, False)
    assert "Mehr Glasfaser" not in client.get(target.get_absolute_url()).content.decode()


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_closed_object_shows_thread_read_only_with_note(client, target, add_comment):
    add_comment(target, "Alter Kommentar")
    CommentOptions.objects.create(
        content_type_id=_ct(target),
        object_pk=str(target.pk),
        closed=True,
        closed_note="Die Beteiligungsphase ist beendet.",
    )
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Die Beteiligungsphase ist beendet." in html
    assert "Alter Kommentar" in html
    assert "<form" not in html.split('id="kommentare"')[1]
    assert "Antworten" not in html


def test_post_to_closed_object_keeps_the_text_and_stores_nothing(client, target, outbox):
    data = form_data(target, comment="Mein später Gedanke")
    CommentOptions.objects.create(
        content_type_id=_ct(target), object_pk=str(target.pk), closed=True
    )
    response = client.post("/kommentare/senden/", data)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Kommentare sind hier geschlossen" in html
    assert "Mein später Gedanke" in html
    assert outbox == [] and XtdComment.objects.count() == 0


@pytest.mark.parametrize(
    ("bad_input", "field", "message"),
    [
        ({"comment": ""}, "comment", "Bitte schreiben Sie Ihren Kommentar."),
        ({"comment": "   \n  "}, "comment", "Bitte schreiben Sie Ihren Kommentar."),
        (
            {"comment": "x" * 3001},
            "comment",
            "Ihr Kommentar ist zu lang: höchstens 3.000 Zeichen, Sie haben 3001.",
        ),
        (
            {"email": "paula-at-example"},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        ),
        ({"name": ""}, "name", "Bitte geben Sie einen Namen an. Ein Pseudonym genügt."),
        # A citizen may not pass as the state government or the site's staff.
        ({"name": "Landesregierung NRW"}, "name", "Dieser Name ist der Landesregierung"),
        ({"name": "Die Redaktion"}, "name", "Dieser Name ist der Landesregierung"),
        ({"name": "ministerium-wirtschaft"}, "name", "Dieser Name ist der Landesregierung"),
        ({"honeypot": "http://spam.example"}, "honeypot", "Dieses Feld muss leer bleiben."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_text_kept(
    client, target, outbox, bad_input, field, message
):
    fields = {"comment": "Mein wichtiger Text", "name": "Paula Pseudonym", **bad_input}
    response = post(client, target, **fields)
    html = response.content.decode()
    assert response.status_code == 200
    if field == "honeypot":  # invisible field: the message stands in the error summary
        error = html.split('class="error-summary"')[1].split("</div>")[0]
    else:
        error = html.split(f'id="id_{field}_error">')[1].split("</p>")[0]
    assert message in error
    if field != "comment":
        assert "Mein wichtiger Text</textarea>" in html
    if field != "name":
        assert 'value="Paula Pseudonym"' in html
    elif bad_input["name"]:
        assert f'value="{bad_input["name"]}"' in html  # the name is kept too, to correct it
    assert outbox == [] and XtdComment.objects.count() == 0


@pytest.mark.parametrize(
    ("tampering", "field"),
    [("expired", "timestamp"), ("changed hash", "security_hash")],
)
def test_expired_or_tampered_form_asks_to_send_again_with_text_kept(
    client, target, outbox, tampering, field
):
    data = form_data(target, comment="Text, der nicht verloren gehen darf")
    if tampering == "expired":
        data["timestamp"] = str(int(data["timestamp"]) - 3 * 3600)
    else:
        data["security_hash"] = "0" * 40
    response = client.post("/kommentare/senden/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Das Formular war zu lange geöffnet oder wurde verändert" in html
    assert "Text, der nicht verloren gehen darf</textarea>" in html
    assert outbox == [] and XtdComment.objects.count() == 0
    # The re-rendered form carries fresh security data and can be sent as it is.
    new_timestamp = html.split('name="timestamp" value="')[1].split('"')[0]
    assert int(new_timestamp) > int(data["timestamp"]) or tampering != "expired"


def test_post_for_an_object_that_is_not_commentable_is_a_calm_error(client, target):
    data = form_data(target, comment="Irgendwo hin")
    data["content_type"] = "auth.user"
    response = client.post("/kommentare/senden/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kommentar konnte nicht zugeordnet werden" in html
    assert "Irgendwo hin" in html


def test_html_and_script_are_shown_as_text_and_links_made_safe(client, target, add_comment):
    add_comment(target, '<script>alert("x")</script> <b>fett</b> siehe https://www.land.nrw/')
    html = client.get(target.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html
    assert '<a href="https://www.land.nrw/" rel="nofollow">https://www.land.nrw/</a>' in html


def test_reply_form_and_reply_flow(client, target, add_comment, outbox):
    parent = add_comment(target, "Erster Gedanke", name="Anna")
    reply_page = client.get(f"/kommentare/{parent.pk}/antworten/").content.decode()
    assert "Antwort auf den Kommentar von Anna" in reply_page
    assert f'name="reply_to" value="{parent.pk}"' in reply_page
    post(client, target, reply_to=str(parent.pk), comment="Meine Antwort")
    press_confirm(client, link_in(outbox[0], "/kommentare/bestaetigen/"))
    reply = XtdComment.objects.get(comment="Meine Antwort")
    assert (reply.parent_id, reply.level, reply.thread_id) == (parent.pk, 1, parent.pk)


def test_reply_to_a_comment_of_another_object_is_refused(client, make_page, add_comment, outbox):
    here, elsewhere = make_page("hier", "Hier"), make_page("dort", "Dort")
    foreign = add_comment(elsewhere, "Anderswo")
    response = post(client, here, reply_to=str(foreign.pk), comment="Quer verlinkt")
    html = response.content.decode()
    assert "Sie können hier nur auf Kommentare zu dieser Seite antworten." in html
    assert "Quer verlinkt</textarea>" in html
    assert outbox == [] and XtdComment.objects.count() == 1


def test_reply_beyond_the_third_level_is_refused(client, target, add_comment, outbox):
    level0 = add_comment(target, "Ebene 0")
    level1 = add_comment(target, "Ebene 1", parent=level0)
    level2 = add_comment(target, "Ebene 2", parent=level1)
    level3 = add_comment(target, "Ebene 3", parent=level2)
    assert level3.level == 3
    html = client.get(target.get_absolute_url()).content.decode()
    assert f'href="/kommentare/{level2.pk}/antworten/"' in html
    assert f'href="/kommentare/{level3.pk}/antworten/"' not in html
    response = post(client, target, reply_to=str(level3.pk), comment="Ebene 4?")
    assert "Antworten sind bis zur dritten Ebene möglich" in response.content.decode()
    assert "Ebene 4?</textarea>" in response.content.decode()
    assert outbox == [] and XtdComment.objects.count() == 4


def test_sixth_post_within_ten_minutes_is_refused_with_text_kept(client, target, outbox):
    for n in range(5):
        assert post(client, target, comment=f"Beitrag {n}").status_code == 302
    response = post(client, target, comment="Der sechste Beitrag")
    html = response.content.decode()
    assert response.status_code == 429
    assert "kamen in den letzten 10 Minuten schon 5 Kommentare" in html
    assert "Der sechste Beitrag</textarea>" in html
    assert len(outbox) == 5


def test_rate_limit_counts_per_client_address(client, target, outbox):
    for n in range(5):
        post(client, target, comment=f"Beitrag {n}")
    other = client.post(
        "/kommentare/senden/",
        form_data(target, comment="Von woanders", email="nachbar@example.org"),
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 302
    assert len(outbox) == 6


def test_confirmation_link_expires_after_seven_days(client, target, outbox, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    post(client, target, comment="Spät bestätigt")
    link = link_in(outbox[0], "/kommentare/bestaetigen/")
    later = timezone.now() + timedelta(days=8)
    monkeypatch.setattr("common.confirmation.timezone.now", lambda: later)
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dieser Bestätigungslink ist abgelaufen" in html
    assert "Spät bestätigt" in html
    assert XtdComment.objects.count() == 0


def test_sent_page_links_back_only_to_this_site(client, target):
    local = client.get("/kommentare/gesendet/?zurueck=/kommentar-test/ziel/").content.decode()
    assert 'href="/kommentar-test/ziel/#kommentare"' in local
    foreign = client.get("/kommentare/gesendet/?zurueck=https://evil.example/").content.decode()
    assert "evil.example" not in foreign
    assert 'href="/">Zur Startseite' in foreign


def test_staff_answer_is_public_even_when_premoderated(client, target, editor):
    CommentOptions.objects.create(
        content_type_id=_ct(target), object_pk=str(target.pk), premoderated=True
    )
    client.force_login(editor)
    post(client, target, comment="Offizielle Antwort")
    assert XtdComment.objects.get().is_public is True


def test_reply_page_of_a_hidden_comment_offers_no_form(client, target, add_comment, moderator):
    from dialog.comments import moderation
    from dialog.comments.netiquette import NetiquetteReason

    hidden = add_comment(target, "Verborgen", name="Heimlich")
    moderation.hide([hidden], NetiquetteReason.SPAM, moderator)
    html = client.get(f"/kommentare/{hidden.pk}/antworten/").content.decode()
    assert "Auf einen entfernten Kommentar kann nicht geantwortet werden." in html
    assert "Kommentar absenden" not in html
    assert "Verborgen" not in html and "Heimlich" not in html


def test_premoderation_switched_on_before_confirmation_holds_the_comment(client, target, outbox):
    # Moderators switch pre-moderation on when a discussion heats up; links
    # mailed before that must not publish past the queue.
    post(client, target, comment="Vor der Umstellung geschrieben")
    CommentOptions.objects.create(
        content_type_id=_ct(target), object_pk=str(target.pk), premoderated=True
    )
    response = press_confirm(client, link_in(outbox[0], "/kommentare/bestaetigen/"))
    assert "sobald er freigegeben ist" in response.content.decode()
    comment = XtdComment.objects.get()
    assert (comment.is_public, comment.is_removed) == (False, False)
    html = client.get(target.get_absolute_url()).content.decode()
    assert "Vor der Umstellung geschrieben" not in html


def test_follow_up_checkbox_hint_is_read_with_the_checkbox(client, target):
    html = client.get(target.get_absolute_url()).content.decode()
    checkbox = re.search(r'<input type="checkbox" name="followup"[^>]*>', html).group(0)
    assert 'aria-describedby="id_followup_helptext"' in checkbox
    hint = html.split('id="id_followup_helptext">')[1].split("</p>")[0]
    assert hint == (
        "Jede Benachrichtigung enthält einen Link, mit dem Sie sie ohne Anmeldung abbestellen."
    )


def test_reply_confirmed_after_its_parent_was_hidden_is_not_published(
    client, target, add_comment, outbox, moderator
):
    parent = add_comment(target, "Gleich verborgen")
    post(client, target, reply_to=str(parent.pk), comment="Antwort, die zu spät kommt")
    from dialog.comments import moderation
    from dialog.comments.netiquette import NetiquetteReason

    moderation.hide([parent], NetiquetteReason.INSULT, moderator)
    link = link_in(outbox[0], "/kommentare/bestaetigen/")
    # The link's page says so at once (no button), and a press from a page opened before
    # the parent was hidden is refused the same way.
    for response in (client.get(link), client.post(link)):
        html = response.content.decode()
        assert response.status_code == 400
        assert "Auf diesen Kommentar kann nicht mehr geantwortet werden." in html
        assert "Antwort, die zu spät kommt" in html  # kept to copy
    assert XtdComment.objects.count() == 1


@pytest.mark.parametrize("since", ["unsubscribed", "anonymised"])
def test_confirmation_link_replayed_after_unsubscribing_or_anonymising_creates_nothing(
    client, target, outbox, since
):
    from django.core.management import call_command
    from django_comments_xtd.models import XtdComment as Stored

    post(client, target, followup="on", comment="Nur einmal, bitte")
    confirm_url = link_in(outbox[0], "/kommentare/bestaetigen/")
    press_confirm(client, confirm_url)
    stored = Stored.objects.get()
    if since == "unsubscribed":
        Stored.objects.filter(pk=stored.pk).update(followup=False)
    else:
        later = stored.submit_date + timedelta(days=8)
        with mock.patch("django.utils.timezone.now", return_value=later):
            call_command("anonymize_comments", "--older-than", "7", stdout=io.StringIO())
        assert Stored.objects.get().user_email == ""
    again = client.get(confirm_url)
    assert "Ihr Kommentar ist bereits bestätigt" in again.content.decode()
    assert Stored.objects.count() == 1


def test_comment_length_limit_and_its_german_text_follow_the_setting(
    client, target, outbox, settings
):
    settings.COMMENTS_XTD_MAX_LENGTH = 1200
    form_page = client.get(target.get_absolute_url()).content.decode()
    assert "Höchstens 1.200 Zeichen." in form_page

    # 1201 characters: over the configured limit, though far below the default 3000.
    response = post(client, target, comment="y" * 1201, name="Paula Pseudonym")
    html = response.content.decode()
    assert "Ihr Kommentar ist zu lang: höchstens 1.200 Zeichen, Sie haben 1201." in html
    assert "y" * 1201 in html
    assert outbox == [] and XtdComment.objects.count() == 0


def test_confirmation_mails_to_one_address_are_limited_whoever_asks(client, target, outbox):
    """Eight visitors type the same stranger's address: the site mails it five times at most."""
    responses = [
        client.post(
            "/kommentare/senden/",
            form_data(target, comment=f"Text {n}", email="opfer@example.org"),
            REMOTE_ADDR=f"10.1.0.{n}",
        )
        for n in range(8)
    ]
    assert len(outbox) == 5
    refused = responses[-1]
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "An diese E-Mail-Adresse haben wir in der letzten Stunde schon mehrere" in html
    assert "Text 7" in html  # the visitor's text is kept
    assert XtdComment.objects.count() == 0


def test_a_burst_of_30_comments_from_one_address_sends_five(client, target, outbox):
    for n in range(30):
        post(client, target, comment=f"Flut {n}", email=f"person{n}@example.org")
    assert len(outbox) == 5


def test_the_same_text_from_many_addresses_is_held_and_moderators_are_told_once(
    client, target, outbox, moderator
):
    text = "Stimmen Sie alle für Plan B!"
    for n in range(6):
        client.post(
            "/kommentare/senden/",
            form_data(target, comment=text + " " * n, email=f"p{n}@example.org"),
            REMOTE_ADDR=f"10.2.0.{n}",
        )
    confirmations = [m for m in outbox if "bestätigen" in m.subject]
    notices = [m for m in outbox if m.subject.endswith("Viele gleiche Kommentare: zurückgehalten")]
    assert len(confirmations) == 6 and len(notices) == 1
    assert notices[0].to == [moderator.email]
    assert "Stimmen Sie alle für Plan B!" in notices[0].body
    for message in confirmations:
        press_confirm(client, link_in(message, "/kommentare/bestaetigen/"))
    stored = list(XtdComment.objects.order_by("submit_date"))
    # The first three appear at once; the copies after them wait for a moderator.
    assert [c.is_public for c in stored] == [True, True, True, False, False, False]


def test_under_premoderation_the_texts_say_it_appears_after_review(client, target, outbox):
    CommentOptions.objects.create(content_object=target, premoderated=True)
    response = client.post("/kommentare/senden/", form_data(target), follow=True)
    page = response.content.decode()
    assert "Danach prüft die Moderation Ihren Kommentar" in page
    assert "Erst wenn Sie den Link darin anklicken, erscheint Ihr Kommentar." not in page
    body = outbox[0].body
    assert "Danach prüft ihn die Moderation; er erscheint, sobald sie ihn freigegeben hat" in body
    assert "Erst dann erscheint er" not in body


def test_without_premoderation_the_texts_say_the_click_publishes(client, target, outbox):
    page = client.post("/kommentare/senden/", form_data(target), follow=True).content.decode()
    assert "Erst wenn Sie den Link darin anklicken, erscheint Ihr Kommentar." in page
    assert "Erst dann erscheint er" in outbox[0].body


def test_reply_notifications_can_be_answered_to_the_editors(client, target, add_comment, outbox):
    question = add_comment(target, "Wann kommt das?", followup=True)
    client.post(
        "/kommentare/senden/",
        form_data(target, reply_to=str(question.pk), comment="Bald.", email="b@example.org"),
    )
    press_confirm(client, link_in(outbox[-1], "/kommentare/bestaetigen/"))
    notice = outbox[-1]
    assert notice.to == [question.user_email]
    assert notice.message()["Reply-To"] == settings.COMMENTS_XTD_CONTACT_EMAIL


def test_writing_for_an_organisation_is_shown_and_exported(client, target, outbox):
    from dialog.comments import state
    from dialog.comments.export import build_export

    client.post(
        "/kommentare/senden/",
        form_data(target, sender_kind="verband", organisation="Landesverband Breitband e. V."),
    )
    press_confirm(client, link_in(outbox[0], "/kommentare/bestaetigen/"))
    page = client.get(target.get_absolute_url()).content.decode()
    assert "schreibt als Verband: Landesverband Breitband e. V." in page
    export = build_export(state.comments())
    row = dict(zip(export.headers, export.rows[0], strict=True))
    assert (row["Schreibt als"], row["Organisation"]) == (
        "Verband",
        "Landesverband Breitband e. V.",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"sender_kind": "", "organisation": "Bitkom"},
            "Bitte wählen Sie oben, als was Sie für diese Organisation schreiben",
        ),
        (
            {"sender_kind": "verband", "organisation": "Landes\u00adregierung NRW"},
            "Diese Bezeichnung ist der Landesregierung, dem Ministerium und der Redaktion vorbehalten.",
        ),
        ({"sender_kind": "geheimdienst"}, "Bitte eine gültige Auswahl treffen."),
        (
            {"sender_kind": "verband", "organisation": "x" * 201},
            "höchstens 200 Zeichen, Sie haben 201",
        ),
    ],
)
def test_bad_sender_details_are_explained_beside_the_field_and_the_text_kept(
    client, target, fields, message, outbox
):
    html = client.post("/kommentare/senden/", form_data(target, **fields)).content.decode()
    assert message in html
    assert "Mehr Glasfaser auf dem Land, bitte." in html
    assert outbox == [] and XtdComment.objects.count() == 0


def test_without_the_optional_details_nothing_is_shown(client, target, outbox):
    post(client, target)
    press_confirm(client, link_in(outbox[0], "/kommentare/bestaetigen/"))
    assert "schreibt als" not in client.get(target.get_absolute_url()).content.decode()
