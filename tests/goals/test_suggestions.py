"""Wording suggestions: proposed on a paragraph open for comment, confirmed by the link's
button, shown as a word-level difference, supported once per mailbox, moderated, answered,
and adopted into the paragraph of the next version from the admin."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from dialog.comments import decisions
from dialog.models import Phase
from goals.models import Chapter, Paragraph
from goals.suggestions import workflow
from goals.suggestions.models import Suggestion, SuggestionSupport
from tests.dialog.factories import make_phase, make_version
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db

WORDING = "Beispieltext: Bis 2025 bekommen alle Schulen einen Glasfaseranschluss."
BETTER = "Beispieltext: Bis 2024 bekommen alle Schulen und Hochschulen einen Glasfaseranschluss."


@pytest.fixture(autouse=True)
def _fresh_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def paragraph():
    now = timezone.now()
    phase = make_phase(now - timedelta(days=2), now + timedelta(days=20))
    version = make_version(slug="2019", title="Digitalstrategie.NRW 2019", year=2019)
    version.phases.add(phase)
    chapter = Chapter.objects.create(
        version=version, number="2", title="Bildung", slug="bildung", order=1
    )
    return Paragraph.objects.create(chapter=chapter, order=1, text=f"<p>{WORDING}</p>")


def propose_url(paragraph):
    return paragraph.get_absolute_url() + "vorschlagen/"


def valid(**changes):
    data = {
        "text": BETTER,
        "reason": "Hochschulen brauchen den Anschluss genauso, und 2024 ist machbar.",
        "name": "Petra",
        "sender_kind": "buerger",
        "organisation": "",
        "email": "petra@example.org",
        "website": "",
    }
    data.update(changes)
    return data


def link_in_last_mail(path: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", mail.outbox[-1].body)[1]


def propose_and_confirm(client, paragraph, **changes) -> Suggestion:
    client.get(propose_url(paragraph))
    response = client.post(propose_url(paragraph), valid(**changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    with TestCase.captureOnCommitCallbacks(execute=True):
        press_confirm(client, link_in_last_mail("/dialog/vorschlaege/bestaetigen/"))
    return Suggestion.objects.latest("created_at")


def test_a_suggestion_is_proposed_confirmed_by_the_button_and_shown_as_a_difference(
    client, paragraph
):
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert f'href="{propose_url(paragraph)}"' in page and "Formulierung vorschlagen" in page
    form = client.get(propose_url(paragraph)).content.decode()
    # The current wording stands in the textarea, ready to edit.
    assert f">\n{WORDING}</textarea>" in form
    response = client.post(propose_url(paragraph), valid())
    assert response["Location"] == propose_url(paragraph) + "gesendet/"
    suggestion = Suggestion.objects.get()
    assert suggestion.status == Suggestion.Status.UNCONFIRMED
    assert suggestion.original == WORDING
    (message,) = mail.outbox
    assert message.to == ["petra@example.org"] and BETTER in message.body
    link = link_in_last_mail("/dialog/vorschlaege/bestaetigen/")
    preview = client.get(link).content.decode()  # a mail scanner opening it changes nothing
    assert "Vorschlag bestätigen" in preview
    assert Suggestion.objects.get().status == Suggestion.Status.UNCONFIRMED
    done = press_confirm(client, link).content.decode()
    assert "Ihr Formulierungsvorschlag ist veröffentlicht" in done
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Formulierungsvorschläge (1)" in page
    assert "Vorschlag von Petra" in page
    assert (
        '<del><span class="visually-hidden">[gestrichen: </span>2025'
        '<span class="visually-hidden">]</span></del>'
    ) in page
    assert "[eingefügt: </span>2024<span" in page
    assert "[eingefügt: </span> und Hochschulen<span" in page
    assert "1 Wort gestrichen, 3 Wörter eingefügt" in page
    assert "Hochschulen brauchen den Anschluss genauso" in page
    assert "petra@example.org" not in page
    detail = client.get(suggestion.get_absolute_url()).content.decode()
    assert "Status: eingegangen" in detail and "0</strong> bestätigte Unterstützungen" in detail
    chapter = client.get(paragraph.chapter.get_absolute_url()).content.decode()
    assert "Formulierungsvorschläge (1)" in chapter


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": WORDING}, "text", "dieselbe wie die jetzige"),
        ({"text": "  " + WORDING.replace(" ", "\n  ") + " "}, "text", "dieselbe wie die jetzige"),
        ({"text": ""}, "text", "Bitte geben Sie die Formulierung an"),
        ({"text": "x" * 6001}, "text", "Höchstens 6000 Zeichen, Sie haben 6001."),
        ({"reason": ""}, "reason", "Bitte begründen Sie Ihren Vorschlag kurz."),
        ({"reason": "Besser."}, "reason", "mindestens 10 Zeichen"),
        ({"reason": "x" * 1001}, "reason", "Höchstens 1000 Zeichen, Sie haben 1001."),
        ({"name": ""}, "name", "Bitte geben Sie einen Namen an."),
        ({"name": "Redaktion"}, "name", "vorbehalten"),
        ({"name": "Petra\u0007"}, "name", "Steuerzeichen"),
        ({"sender_kind": "verband"}, "organisation", "Bitte nennen Sie die Organisation"),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_the_text_kept(
    client, paragraph, changes, field, message
):
    client.get(propose_url(paragraph))
    response = client.post(propose_url(paragraph), valid(**changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html, html
    assert f'id="id_{field}_error"' in html or f"id_{field}_error" in html
    kept = valid(**changes)["reason"]
    if kept and field != "reason":
        assert kept in html  # the visitor's reason stays in the form
    assert not Suggestion.objects.exists() and not mail.outbox


def test_a_paragraph_not_open_for_comment_takes_no_suggestions(client, paragraph):
    Phase.objects.update(ends_at=timezone.now() - timedelta(minutes=1))
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Formulierung vorschlagen" not in page
    html = client.post(propose_url(paragraph), valid()).content.decode()
    assert "Das ist gerade nicht der Fall" in html
    assert not Suggestion.objects.exists() and not mail.outbox


def test_premoderation_keeps_it_waiting_and_hiding_tells_the_author(client, paragraph, moderator):
    Phase.objects.update(moderation=Phase.Moderation.PRE)
    suggestion = propose_and_confirm(client, paragraph)
    assert suggestion.status == Suggestion.Status.WAITING
    assert any("Neuer Formulierungsvorschlag wartet" in m.subject for m in mail.outbox)
    assert client.get(suggestion.get_absolute_url()).status_code == 404
    workflow.pipeline.publish([suggestion], moderator)
    assert client.get(suggestion.get_absolute_url()).status_code == 200
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        workflow.hide([suggestion], "werbung", moderator)
    (message,) = mail.outbox
    assert message.to == ["petra@example.org"] and "Formulierungsvorschlag" in message.body
    assert client.get(suggestion.get_absolute_url()).status_code == 404
    assert "Vorschlag von Petra" not in client.get(paragraph.get_absolute_url()).content.decode()


def support(client, suggestion, email, wants_answer=False):
    client.get(suggestion.get_absolute_url())
    data = {"email": email, "website": ""}
    if wants_answer:
        data["wants_answer"] = "on"
    response = client.post(f"/dialog/vorschlaege/{suggestion.pk}/unterstuetzen/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return link_in_last_mail("/dialog/vorschlaege/unterstuetzung/")


def test_support_counts_once_per_mailbox_and_can_be_withdrawn(client, paragraph):
    suggestion = propose_and_confirm(client, paragraph)
    link = support(client, suggestion, "uwe@example.org")
    assert "diesen Formulierungsvorschlag unterstützen" in mail.outbox[-1].body
    done = press_confirm(client, link).content.decode()
    assert "Danke, Ihre Unterstützung zählt" in done and "1 bestätigte Unterstützung." in done
    for variant in ("UWE@example.org", "uwe+zwei@example.org"):
        link = support(client, suggestion, variant)
        assert "Sie unterstützen diesen Formulierungsvorschlag" in client.get(link).content.decode()
    assert SuggestionSupport.objects.filter(confirmed_at__isnull=False).count() == 1
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "1 Unterstützung ·" in page
    client.post(f"{link}zurueckziehen/")
    assert not SuggestionSupport.objects.exists()
    assert "0 Unterstützungen" in client.get(paragraph.get_absolute_url()).content.decode()


def test_anyone_reports_a_suggestion_and_the_moderation_is_told(client, paragraph, moderator):
    suggestion = propose_and_confirm(client, paragraph)
    url = f"/dialog/vorschlaege/{suggestion.pk}/melden/"
    client.get(url)
    bad = client.post(url, {"reason": "", "note": ""}).content.decode()
    assert "Bitte wählen Sie" in bad and not suggestion.reports.exists()
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        done = client.post(url, {"reason": "werbung", "note": "Link zu einem Shop"})
    assert "Danke für Ihre Meldung" in done.content.decode()
    (message,) = mail.outbox
    assert message.to == [moderator.email] and "Link zu einem Shop" in message.body


def next_version_paragraph(paragraph, text=WORDING):
    version = make_version(slug="2-0", title="Digitalstrategie.NRW 2.0", year=2021)
    chapter = Chapter.objects.create(
        version=version, number="3", title="Bildung und Schule", slug="bildung", order=1
    )
    return Paragraph.objects.create(
        chapter=chapter, order=2, text=f"<p>{text}</p>", continues=paragraph
    )


def shown_key(html: str) -> str:
    """The preview's mark in the adopt form: saving needs the state the editor saw."""
    return re.search(r'name="shown" value="([0-9a-f]+)"', html)[1]


def test_an_editor_adopts_a_suggestion_into_the_next_version_after_seeing_the_result(
    client, paragraph, editor
):
    suggestion = propose_and_confirm(client, paragraph)
    press_confirm(client, support(client, suggestion, "will@example.org", wants_answer=True))
    target = next_version_paragraph(paragraph)
    client.force_login(editor)
    change = client.get(f"/admin/goals/suggestion/{suggestion.pk}/change/").content.decode()
    adopt_url = f"/admin/goals/suggestion/{suggestion.pk}/uebernehmen/"
    assert adopt_url in change
    page = client.get(adopt_url).content.decode()
    # Before anything is stored: the paragraph of 2.0 as it would change.
    assert "So ändert sich Absatz 2 in Kapitel 3 Bildung und Schule" in page
    assert "[eingefügt: </span>2024<span" in page
    assert "Formatierungen" not in page  # the target is plain paragraphs: nothing lost
    edited = BETTER.replace("Hochschulen", "Hochschulen in NRW")
    # Saving an edited text the editor has not seen previewed stores nothing and shows it.
    unseen = client.post(
        adopt_url, {"target": target.pk, "text": edited, "shown": shown_key(page), "apply": "1"}
    ).content.decode()
    assert "hat sich seit der Vorschau geändert" in unseen
    assert "[eingefügt: </span> und Hochschulen in NRW<span" in unseen
    target.refresh_from_db()
    assert target.text == f"<p>{WORDING}</p>"
    assert not hasattr(Suggestion.objects.get(), "decision")
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        done = client.post(
            adopt_url,
            {"target": target.pk, "text": edited, "shown": shown_key(unseen), "apply": "1"},
        )
    assert done["Location"] == target.get_absolute_url()
    target.refresh_from_db()
    assert target.text == f"<p>{edited}</p>"
    assert sorted(m.to[0] for m in mail.outbox) == ["petra@example.org", "will@example.org"]
    assert all("Übernommen." in m.body for m in mail.outbox)
    assert all(
        "Ihr Vorschlag betrifft" in m.body or "Der Vorschlag betrifft" in m.body
        for m in mail.outbox
    )
    public = client.get(target.get_absolute_url()).content.decode()
    assert "Übernommen aus einem Vorschlag" in public
    assert f'href="{suggestion.get_absolute_url()}"' in public
    # The version diff of 2.0 against 2019 shows the adopted words and where they came from.
    assert "[eingefügt: </span>2024<span" in public
    assert "Übernommen aus einem Vorschlag: <a" in public
    assert "Die Änderungen unten gehen auf ihn zurück." in public
    detail = client.get(suggestion.get_absolute_url()).content.decode()
    assert "Antwort der Redaktion: übernommen" in detail
    assert f'href="{target.get_absolute_url()}"' in detail
    # The old wording is kept in the paragraph's history; a second adoption is refused.
    from django.contrib.admin.models import LogEntry

    assert (
        f"vorher: <p>{WORDING}</p>" in LogEntry.objects.get(object_id=str(target.pk)).change_message
    )
    change = client.get(f"/admin/goals/suggestion/{suggestion.pk}/change/").content.decode()
    assert adopt_url not in change
    again = client.get(adopt_url).content.decode()
    assert "Dieser Vorschlag wurde schon am" in again and 'name="apply"' not in again
    # The form kept open in another tab, sent again:
    refused = client.post_holding_a_token(
        adopt_url,
        {"target": target.pk, "text": "Anders.", "shown": shown_key(unseen), "apply": "1"},
        follow=True,
    ).content.decode()
    assert "Dieser Vorschlag wurde schon am" in refused
    target.refresh_from_db()
    assert target.text == f"<p>{edited}</p>"
    assert len(mail.outbox) == 2


def test_a_rejected_or_hidden_suggestion_is_not_adopted(client, paragraph, editor, moderator):
    suggestion = propose_and_confirm(client, paragraph)
    target = next_version_paragraph(paragraph)
    decisions.decide([suggestion], "nicht", "Das Ziel bleibt 2025.", editor, notify=False)
    client.force_login(editor)
    adopt_url = f"/admin/goals/suggestion/{suggestion.pk}/uebernehmen/"
    page = client.get(adopt_url).content.decode()
    assert "Die Antwort auf diesen Vorschlag lautet „nicht übernommen“" in page
    with pytest.raises(workflow.AdoptionRefused):
        workflow.adopt(suggestion, target, BETTER, editor)
    workflow.hide([suggestion], "werbung", moderator)
    assert client.get(adopt_url).status_code == 404
    target.refresh_from_db()
    assert target.text == f"<p>{WORDING}</p>"


def test_formatting_the_plain_wording_would_drop_is_named_first(client, paragraph, editor):
    suggestion = propose_and_confirm(client, paragraph)
    target = next_version_paragraph(paragraph)
    Paragraph.objects.filter(pk=target.pk).update(
        text=f'<p>{WORDING} <a href="https://www.land.nrw/">Mehr</a></p>'
    )
    client.force_login(editor)
    page = client.get(f"/admin/goals/suggestion/{suggestion.pk}/uebernehmen/").content.decode()
    assert "Der Absatz enthält Formatierungen" in page
    # Blank lines in the wording become paragraphs of their own.
    assert workflow.as_paragraph_html("Eins & zwei.\n\n Drei.") == (
        "<p>Eins &amp; zwei.</p><p>Drei.</p>"
    )


def test_a_suggestion_without_a_next_paragraph_cannot_be_applied_and_says_why(
    client, paragraph, editor
):
    suggestion = propose_and_confirm(client, paragraph)
    client.force_login(editor)
    page = client.get(f"/admin/goals/suggestion/{suggestion.pk}/uebernehmen/").content.decode()
    assert "Kein Absatz einer späteren Fassung schreibt diesen Absatz fort" in page


def test_a_moderator_may_not_rewrite_the_strategy_text(client, paragraph, moderator):
    suggestion = propose_and_confirm(client, paragraph)
    target = next_version_paragraph(paragraph)
    client.force_login(moderator)
    change = client.get(f"/admin/goals/suggestion/{suggestion.pk}/change/").content.decode()
    url = f"/admin/goals/suggestion/{suggestion.pk}/uebernehmen/"
    assert url not in change  # no way offered that would end in 403
    assert client.get(url).status_code == 403
    crafted = client.post_holding_a_token(
        url, {"target": target.pk, "text": "Umgeschrieben.", "apply": "1"}
    )
    assert crafted.status_code == 403
    target.refresh_from_db()
    assert target.text == f"<p>{WORDING}</p>"


def test_a_rejection_is_shown_and_mailed(client, paragraph, editor):
    suggestion = propose_and_confirm(client, paragraph)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        decisions.decide([suggestion], "nicht", "Das Ziel bleibt 2025.", editor, None)
    (message,) = mail.outbox
    assert "Nicht übernommen." in message.body and "Das Ziel bleibt 2025." in message.body
    page = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Status: nicht übernommen" in page


def make_suggestions(paragraphs, per_paragraph):
    now = timezone.now()
    phase = Phase.objects.get()
    Suggestion.objects.bulk_create(
        Suggestion(
            paragraph=p,
            phase=phase,
            original=WORDING,
            text=BETTER,
            reason=f"Begründung {n}",
            name="Anna",
            email=f"a{n}@example.org",
            status=Suggestion.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n),
            token_hash=f"{p.pk:032d}{n:032d}",
        )
        for p in paragraphs
        for n in range(per_paragraph)
    )


def test_lists_per_chapter_and_phase_sort_by_support(client, paragraph):
    make_suggestions([paragraph], 3)
    first = Suggestion.objects.order_by("published_at").first()
    SuggestionSupport.objects.create(
        suggestion=first, address_hash="x", token_hash="y", confirmed_at=timezone.now()
    )
    url = f"{paragraph.chapter.get_absolute_url()}vorschlaege/"
    listed = client.get(f"{url}?sortierung=unterstuetzt").content.decode()
    assert "3 Vorschläge." in listed
    assert listed.index("Begründung 2") < listed.index("Begründung 0")
    phase = Phase.objects.get()
    by_phase = client.get(f"/dialog/phasen/{phase.slug}/vorschlaege/").content.decode()
    assert by_phase.index("Begründung 0") < by_phase.index("Begründung 2")  # newest first


@pytest.mark.parametrize("count", [3, 300])
def test_a_chapter_with_many_paragraphs_and_suggestions_takes_bounded_queries(
    client, paragraph, count, django_assert_max_num_queries
):
    chapter = paragraph.chapter
    Paragraph.objects.bulk_create(
        Paragraph(chapter=chapter, order=i, anchor=f"b{i:07d}", text=f"<p>Absatz {i}.</p>")
        for i in range(2, count + 1)
    )
    # 5,000 suggestions at 300 paragraphs (17 each on the first 294); 30 at 3.
    per_paragraph = 17 if count == 300 else 10
    make_suggestions(list(chapter.paragraphs.order_by("order")[: 5000 // 17]), per_paragraph)
    client.get(chapter.get_absolute_url())  # warm caches (site, content types)
    with django_assert_max_num_queries(12):
        page = client.get(chapter.get_absolute_url()).content.decode()
    assert f"Formulierungsvorschläge ({per_paragraph})" in page
    with django_assert_max_num_queries(24):
        client.get(paragraph.get_absolute_url())
    with django_assert_max_num_queries(12):
        client.get(f"{chapter.get_absolute_url()}vorschlaege/?sortierung=unterstuetzt")
    suggestion = Suggestion.objects.first()
    with django_assert_max_num_queries(22):
        client.get(suggestion.get_absolute_url())


def test_results_page_and_csv_count_suggestions_supports_and_answers(client, paragraph, editor):
    import csv
    import io

    make_suggestions([paragraph], 3)
    first, second, third = Suggestion.objects.order_by("pk")
    SuggestionSupport.objects.create(
        suggestion=first, address_hash="h", token_hash="t", confirmed_at=timezone.now()
    )
    SuggestionSupport.objects.create(suggestion=first, address_hash="u", token_hash="u")
    decisions.decide([second], "nicht", "Das Ziel bleibt 2025.", editor, notify=False)
    phase = Phase.objects.get()
    page = client.get(f"/dialog/phasen/{phase.slug}/ergebnisse/").content.decode()
    assert "3 veröffentlichte Formulierungsvorschläge mit zusammen 1 bestätigten Unterstützung" in (
        page
    )
    assert '<th scope="row">nicht übernommen</th><td>1</td>' in page
    assert '<th scope="row">eingegangen</th><td>2</td>' in page
    response = client.get(f"/dialog/phasen/{phase.slug}/ergebnisse.csv")
    text = response.content.decode("utf-8-sig")
    header = text.splitlines()[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    found = [row for row in rows[1:] if row[1] == "Formulierungsvorschlag"]
    assert len(found) == 3
    (row,) = [row for row in found if row[10].endswith(second.get_absolute_url())]
    assert row[8:10] == ["nicht übernommen", "Das Ziel bleibt 2025."]
    assert f"Vorschlag: {BETTER}" in row[7] and f"Bisher: {WORDING}" in row[7]
    assert not any("@" in cell for row in rows for cell in row)  # no address, ever


def test_the_demo_shows_suggestions_adopted_rejected_and_open(client, demo):
    adopted = Suggestion.objects.get(name="Ilka")
    target = adopted.decision.result
    assert target.chapter.version.slug == "2-0" and target.continues == adopted.paragraph
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Übernommen aus einem Vorschlag" in page
    assert f'href="{adopted.get_absolute_url()}"' in page
    old = client.get(adopted.paragraph.get_absolute_url()).content.decode()
    assert "Status: übernommen" in old and "Beispielinhalt" in old
    refused = Suggestion.objects.get(name="Jörg")
    assert "Antwort der Redaktion: nicht übernommen" in (
        client.get(refused.get_absolute_url()).content.decode()
    )
    # The running phase covers 2.0: its paragraphs take suggestions.
    assert "Formulierung vorschlagen" in page
    results = client.get("/dialog/phasen/online-phase-2021/ergebnisse/").content.decode()
    assert "in die nächste Fassung übernommen" in results


def test_the_suggestions_dataset_has_every_published_one_and_no_address(client, paragraph, editor):
    import json

    suggestion = propose_and_confirm(client, paragraph)
    target = next_version_paragraph(paragraph)
    workflow.adopt(suggestion, target, BETTER, editor)
    hidden = propose_and_confirm(client, paragraph, name="Verborgen", email="v@example.org")
    Suggestion.objects.filter(pk=hidden.pk).update(status=Suggestion.Status.HIDDEN)
    data = json.loads(client.get("/daten/vorschlaege.json").content)
    (row,) = data["vorschlaege"]
    assert (row["bisher"], row["vorschlag"], row["stand"]) == (WORDING, BETTER, "übernommen")
    assert row["uebernommen_in"] == "http://testserver" + target.get_absolute_url()
    assert (row["fassung"], row["kapitel"], row["absatz"]) == ("2019", "2 Bildung", 1)
    csv_text = client.get("/daten/vorschlaege.csv").content.decode("utf-8-sig")
    assert "Petra" in csv_text and "Verborgen" not in csv_text and "@" not in csv_text
    assert "/daten/vorschlaege.csv" in client.get("/daten/katalog.jsonld").content.decode()
    assert "Formulierungsvorschläge zum Text" in client.get("/daten/").content.decode()


def test_a_paragraph_with_suggestions_is_kept_when_the_editors_drop_it(client, paragraph, editor):
    """Re-pasting the chapter without the paragraph asks first, in correct German, and keeps
    the paragraph (marked removed) so its suggestion keeps the wording it was made on."""
    from goals.text import editing

    suggestion = propose_and_confirm(client, paragraph)
    chapter = paragraph.chapter
    client.force_login(editor)
    url = f"/admin/goals/chapter/{chapter.pk}/change/"
    client.get(url)
    data = {
        "version": chapter.version_id,
        "parent": "",
        "number": chapter.number,
        "title": chapter.title,
        "slug": chapter.slug,
        "order": chapter.order,
        "source": "Beispieltext: Ein ganz anderer Absatz über Verwaltung und Bürgerämter.",
    }
    page = client.post(url, data).content.decode()
    assert "Diese Absätze mit Beiträgen fielen weg: Absatz 1 (1 Formulierungsvorschlag)" in page
    paragraph.refresh_from_db()
    assert not paragraph.removed
    editing.apply(chapter, data["source"])
    paragraph.refresh_from_db()
    assert paragraph.removed
    assert client.get(suggestion.get_absolute_url()).status_code == 200


def test_a_suggestion_is_discussed_in_its_own_thread(client, paragraph):
    from tests.dialog.helpers import form_data

    suggestion = propose_and_confirm(client, paragraph)
    page = client.get(suggestion.get_absolute_url()).content.decode()
    assert "Kommentar schreiben" in page
    mail.outbox.clear()
    data = form_data(suggestion, comment="Die Hochschulen sind schon angebunden.")
    assert client.post("/kommentare/senden/", data).status_code == 302
    press_confirm(client, link_in_last_mail("/kommentare/bestaetigen/"))
    page = client.get(suggestion.get_absolute_url()).content.decode()
    assert "Die Hochschulen sind schon angebunden." in page
    listed = client.get(paragraph.get_absolute_url()).content.decode()
    assert "1 Kommentar</p>" in listed or "· 1 Kommentar" in listed


def test_a_confirmed_support_shows_at_once_on_kept_pages(client, paragraph, settings):
    """The page cache keeps the suggestion's page; confirming a support renews it."""
    from django.core.cache import cache

    suggestion = propose_and_confirm(client, paragraph)
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.get(suggestion.get_absolute_url())
    assert client.get(suggestion.get_absolute_url()).get("X-Page-Cache") == "hit"
    link = support(client, suggestion, "uwe@example.org")
    assert "<strong>0</strong>" in client.get(suggestion.get_absolute_url()).content.decode()
    press_confirm(client, link)
    assert (
        "<strong>1</strong> bestätigte"
        in client.get(suggestion.get_absolute_url()).content.decode()
    )
