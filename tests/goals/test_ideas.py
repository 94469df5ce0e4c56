"""Ideas: submit, confirm by the link's button, moderation, support once per mailbox,
withdraw, lists with filters and sorting, answers mailed to author and supporters."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from dialog.comments import decisions
from dialog.models import Phase
from goals.ideas import workflow
from goals.ideas.models import Idea, IdeaSupport
from tests.dialog.factories import make_field, make_goal, make_phase, make_theme, make_version
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def phase():
    now = timezone.now()
    phase = make_phase(now - timedelta(days=2), now + timedelta(days=20), ideas_allowed=True)
    version = make_version(slug="2-0", title="Digitalstrategie.NRW 2.0", year=2021)
    version.phases.add(phase)
    school = make_field(version, "2", "Bildung")
    make_goal(school, 7, "Tablets für alle Schulen")
    make_field(version, "3", "Verwaltung")
    return phase


def fields(phase):
    return {f.number: f for f in phase.versions.get().fields.all()}


def valid(phase, **changes):
    data = {
        "title": "Offenes WLAN in allen Bibliotheken",
        "text": "Jede öffentliche Bibliothek bekommt freies WLAN ohne Anmeldung.",
        "field": str(fields(phase)["2"].pk),
        "goal": "",
        "name": "Petra",
        "sender_kind": "buerger",
        "organisation": "",
        "email": "petra@example.org",
        "website": "",
    }
    data.update(changes)
    return data


def submit_url(phase):
    return f"/dialog/phasen/{phase.slug}/ideen/einreichen/"


def link_in_last_mail(path: str) -> str:
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", mail.outbox[-1].body)[1]


def submit_and_confirm(client, phase, **changes) -> Idea:
    client.get(submit_url(phase))
    response = client.post(submit_url(phase), valid(phase, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    with TestCase.captureOnCommitCallbacks(execute=True):  # the moderation's mail
        press_confirm(client, link_in_last_mail("/dialog/ideen/bestaetigen/"))
    return Idea.objects.get(title=changes.get("title", "Offenes WLAN in allen Bibliotheken"))


def test_an_idea_is_submitted_confirmed_by_the_button_and_listed(client, phase):
    client.get(submit_url(phase))
    response = client.post(submit_url(phase), valid(phase))
    assert response["Location"] == f"/dialog/phasen/{phase.slug}/ideen/gesendet/"
    idea = Idea.objects.get()
    assert idea.status == Idea.Status.UNCONFIRMED
    (message,) = mail.outbox
    assert message.to == ["petra@example.org"]
    assert "„Offenes WLAN in allen Bibliotheken“" in message.body
    link = link_in_last_mail("/dialog/ideen/bestaetigen/")
    # Opening the link (a mail scanner does) changes nothing; the button confirms.
    preview = client.get(link).content.decode()
    assert "Idee bestätigen" in preview and "freies WLAN ohne Anmeldung" in preview
    assert Idea.objects.get().status == Idea.Status.UNCONFIRMED
    done = press_confirm(client, link).content.decode()
    assert "Ihre Idee „Offenes WLAN in allen Bibliotheken“ ist veröffentlicht" in done
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED and idea.published_at is not None
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert "Offenes WLAN in allen Bibliotheken" in listed
    assert "Status: eingegangen" in listed
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Jede öffentliche Bibliothek bekommt freies WLAN" in page
    assert "petra@example.org" not in page  # the address is never shown
    # Opening the used link again changes nothing and says where the idea is.
    assert "ist veröffentlicht" in client.get(link).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Bitte geben Sie Ihrer Idee einen Titel."),
        ({"title": "x" * 121}, "title", "Höchstens 120 Zeichen, Sie haben 121."),
        ({"title": "Zeile\r\nBcc: a@b.org"}, "title", "Zeilenumbr"),
        ({"text": "Zu kurz"}, "text", "mindestens 20 Zeichen"),
        ({"text": "x" * 3001}, "text", "Höchstens 3000 Zeichen, Sie haben 3001."),
        ({"field": ""}, "field", "Bitte wählen Sie das Handlungsfeld"),
        ({"field": "999999"}, "field", "eines der angebotenen Handlungsfelder"),
        ({"goal": "999999"}, "goal", "eines der angebotenen Ziele"),
        ({"name": ""}, "name", "Bitte geben Sie einen Namen an."),
        ({"name": "Landesregierung NRW"}, "name", "vorbehalten"),
        ({"sender_kind": "verband"}, "organisation", "Bitte nennen Sie die Organisation"),
        ({"organisation": "Verein"}, "organisation", "Bitte wählen Sie oben"),
        ({"email": "petra-at-example.org"}, "email", "gültige E-Mail-Adresse"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_the_text_kept(
    client, phase, changes, field, message
):
    client.get(submit_url(phase))
    response = client.post(submit_url(phase), valid(phase, **changes))
    html = response.content.decode()
    error = re.search(rf'id="id_{field}_error">(.*?)</p>', html, re.S)
    assert error and message in error[1], html[:200]
    assert "Jede öffentliche Bibliothek bekommt" in html or field == "text"
    assert not Idea.objects.exists() and mail.outbox == []


def test_a_filled_honeypot_stores_nothing(client, phase):
    html = client.post(submit_url(phase), valid(phase, website="http://spam.example"))
    assert "Dieses Feld muss leer bleiben." in html.content.decode()
    assert not Idea.objects.exists() and mail.outbox == []


def test_a_goal_of_another_field_is_refused(client, phase):
    goal = fields(phase)["2"].goals.get()
    data = valid(phase, field=str(fields(phase)["3"].pk), goal=str(goal.pk))
    html = client.post(submit_url(phase), data).content.decode()
    assert "Ziel 7 gehört nicht zum gewählten Handlungsfeld" in html
    assert not Idea.objects.exists()


def test_a_closed_phase_takes_no_ideas_and_one_without_ideas_has_no_pages(client, phase):
    phase.ideas_until = timezone.now() - timedelta(minutes=1)
    phase.save()
    html = client.post(submit_url(phase), valid(phase)).content.decode()
    assert "Diese Phase nimmt gerade keine Ideen an." in html
    assert not Idea.objects.exists()
    other = make_phase(phase.starts_at, phase.ends_at)
    assert client.get(f"/dialog/phasen/{other.slug}/ideen/").status_code == 404
    assert client.get(submit_url(other)).status_code == 404


def test_premoderation_keeps_the_idea_waiting_and_tells_the_moderation(
    client, phase, moderator, editor
):
    phase.moderation = Phase.Moderation.PRE
    phase.save()
    idea = submit_and_confirm(client, phase)
    assert idea.status == Idea.Status.WAITING
    assert any(m.subject.startswith("[Digitalstrategie.NRW] Neue Idee wartet") for m in mail.outbox)
    assert client.get(idea.get_absolute_url()).status_code == 404
    workflow.publish([idea], moderator)
    assert client.get(idea.get_absolute_url()).status_code == 200


def test_hiding_tells_the_author_with_the_reason_and_takes_the_idea_off(client, phase, moderator):
    idea = submit_and_confirm(client, phase)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        workflow.hide([idea], "werbung", moderator)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    (message,) = mail.outbox
    assert message.to == ["petra@example.org"]
    assert "„Offenes WLAN in allen Bibliotheken“" in message.body
    assert client.get(idea.get_absolute_url()).status_code == 404
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert "Offenes WLAN" not in listed


def support(client, idea, email, wants_answer=False):
    client.get(idea.get_absolute_url())
    data = {"email": email, "website": ""}
    if wants_answer:
        data["wants_answer"] = "on"
    response = client.post(f"/dialog/ideen/{idea.pk}/unterstuetzen/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return link_in_last_mail("/dialog/ideen/unterstuetzung/")


def test_support_counts_once_per_mailbox_and_can_be_withdrawn(client, phase):
    idea = submit_and_confirm(client, phase)
    link = support(client, idea, "uwe@example.org")
    assert IdeaSupport.objects.get().confirmed_at is None  # the mail alone counts nothing
    assert (
        "<strong>0</strong> bestätigte Unterstützungen"
        in client.get(idea.get_absolute_url()).content.decode()
    )
    done = press_confirm(client, link).content.decode()
    assert "Danke, Ihre Unterstützung zählt" in done and "1 bestätigte Unterstützung." in done
    # The same mailbox, spelled otherwise: its new link finds the support it has.
    for variant in ("UWE@example.org", "uwe+zwei@example.org", "Uwe@Example.ORG"):
        first, link = link, support(client, idea, variant)
        assert "Sie unterstützen diese Idee" in client.get(link).content.decode()
        assert client.get(first).status_code == 404  # only the newest link works
    assert IdeaSupport.objects.filter(confirmed_at__isnull=False).count() == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<strong>1</strong> bestätigte Unterstützung." in page
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert "1 Unterstützung ·" in listed
    # The link now offers to withdraw; pressing it removes the support.
    shown = client.get(link).content.decode()
    assert "Sie unterstützen diese Idee" in shown
    client.post(f"{link}zurueckziehen/")
    assert not IdeaSupport.objects.exists()
    assert "<strong>0</strong>" in client.get(idea.get_absolute_url()).content.decode()
    assert client.get(link).status_code == 404


def test_a_support_link_mailed_before_a_key_rotation_still_works(client, phase, settings):
    """Uwe's support link waits in his inbox while the operator rotates DJANGO_SECRET_KEY
    (old key in the fallbacks): the button counts his support, and asking again from the
    same mailbox afterwards finds it instead of counting it twice."""
    old, new = "alter-schluessel-" + "a" * 40, "neuer-schluessel-" + "b" * 40
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = old, []
    idea = submit_and_confirm(client, phase)
    link = support(client, idea, "uwe@example.org")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = new, [old]
    done = press_confirm(client, link).content.decode()
    assert "Danke, Ihre Unterstützung zählt" in done
    again = support(client, idea, "Uwe+neu@example.org")
    assert "Sie unterstützen diese Idee" in client.get(again).content.decode()
    assert IdeaSupport.objects.filter(confirmed_at__isnull=False).count() == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<strong>1</strong> bestätigte Unterstützung." in page


def test_support_is_limited_per_visitor_and_per_mailbox(client, phase, settings):
    idea = submit_and_confirm(client, phase)
    settings.PUBLIC_FORM_LIMITS = {**settings.PUBLIC_FORM_LIMITS, "support": (3, 600)}
    for n in range(3):
        support(client, idea, f"person{n}@example.org")
    client.get(idea.get_absolute_url())
    html = client.post(
        f"/dialog/ideen/{idea.pk}/unterstuetzen/", {"email": "viel@example.org"}
    ).content.decode()
    assert "schon 3 Unterstützungen" in html
    assert IdeaSupport.objects.count() == 3


def test_after_the_phase_support_is_refused(client, phase):
    idea = submit_and_confirm(client, phase)
    link = support(client, idea, "uwe@example.org")
    Phase.objects.filter(pk=phase.pk).update(ideas_until=timezone.now() - timedelta(minutes=1))
    assert "Die Phase ist beendet" in client.get(link).content.decode()  # no button
    assert "Die Phase ist beendet" in client.post(link).content.decode()
    assert IdeaSupport.objects.get().confirmed_at is None
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Die Phase sammelt keine Ideen mehr" in page and "Idee unterstützen" not in page
    refused = client.post_holding_a_token(
        f"/dialog/ideen/{idea.pk}/unterstuetzen/", {"email": "x@example.org"}
    )
    assert refused.status_code == 409
    assert IdeaSupport.objects.count() == 1


def test_an_answer_is_shown_and_mailed_to_the_author_and_supporters_who_asked(
    client, phase, editor
):
    idea = submit_and_confirm(client, phase)
    press_confirm(client, support(client, idea, "will@example.org", wants_answer=True))
    press_confirm(client, support(client, idea, "still@example.org"))
    goal = fields(phase)["2"].goals.get()
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        decisions.decide(
            [idea], "beruecksichtigt", "Kommt in Ziel 7.", editor, decisions.result_value(goal)
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["petra@example.org", "will@example.org"]
    assert all("Aufgenommen." in m.body and "Kommt in Ziel 7." in m.body for m in mail.outbox)
    assert IdeaSupport.objects.exclude(email="").count() == 0  # kept only for this answer
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Antwort der Redaktion: aufgenommen" in page
    assert f'href="{goal.get_absolute_url()}"' in page
    # The goal it led to names it, with the way back.
    goal_page = client.get(goal.get_absolute_url()).content.decode()
    assert "Entstanden aus Ideen" in goal_page
    assert f'<a href="{idea.get_absolute_url()}">„Offenes WLAN in allen Bibliotheken“</a>' in (
        goal_page
    )
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/?status=aufgenommen").content.decode()
    assert "Offenes WLAN" in listed
    other = client.get(f"/dialog/phasen/{phase.slug}/ideen/?status=eingegangen").content.decode()
    assert "Offenes WLAN" not in other


def make_ideas(phase, count, **extra):
    field = fields(phase)["2"]
    now = timezone.now()
    return Idea.objects.bulk_create(
        Idea(
            phase=phase,
            field=field,
            title=f"Idee {n}",
            text="Text der Idee",
            name="Anna",
            email=f"a{n}@example.org",
            status=Idea.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n),
            token_hash=f"{n:064d}",
            **extra,
        )
        for n in range(count)
    )


def titles(client, url) -> list[str]:
    return re.findall(
        r'<h2><a href="/dialog/ideen/\d+/">([^<]+)</a></h2>', client.get(url).content.decode()
    )


def test_lists_filter_sort_and_paginate(client, phase):
    ideas = make_ideas(phase, 25)
    theme = make_theme(phase, title="Schule")
    Idea.objects.filter(pk=ideas[3].pk).update(theme=theme, field=fields(phase)["3"])
    for n in range(2):
        IdeaSupport.objects.create(
            idea=ideas[10], address_hash=f"h{n}", token_hash=f"t{n}", confirmed_at=timezone.now()
        )
    url = f"/dialog/phasen/{phase.slug}/ideen/"
    assert titles(client, url)[:2] == ["Idee 0", "Idee 1"]
    assert len(titles(client, url)) == 20
    assert titles(client, url + "?seite=2") == [f"Idee {n}" for n in range(20, 25)]
    assert titles(client, url + "?sortierung=unterstuetzt")[0] == "Idee 10"
    assert titles(client, f"{url}?handlungsfeld={fields(phase)['3'].pk}") == ["Idee 3"]
    assert titles(client, f"{url}?thema={theme.pk}") == ["Idee 3"]
    shuffled = titles(client, url + "?sortierung=zufall")
    assert shuffled == titles(client, url + "?sortierung=zufall")  # the same all day
    assert shuffled != titles(client, url)[:20]
    # Unknown values are ignored, never an error.
    assert len(titles(client, url + "?sortierung=x&status=y&handlungsfeld=z&seite=99")) == 5


@pytest.mark.parametrize("count", [10, 5000])
def test_the_list_and_an_idea_take_a_bounded_number_of_queries(
    client, phase, count, django_assert_max_num_queries
):
    ideas = make_ideas(phase, count)
    client.get(f"/dialog/phasen/{phase.slug}/ideen/")  # warm caches (site, content types)
    with django_assert_max_num_queries(14):
        client.get(f"/dialog/phasen/{phase.slug}/ideen/?sortierung=diskutiert")
    with django_assert_max_num_queries(22):
        client.get(ideas[0].get_absolute_url())


def test_unconfirmed_ideas_and_supports_are_purged(phase):
    from common.confirmation import purge_expired

    old = timezone.now() - timedelta(days=8)
    idea, _ = workflow.submit(
        phase,
        field=fields(phase)["2"],
        title="Alt",
        text="Nie bestätigt worden",
        name="X",
        sender_kind="buerger",
        organisation="",
        email="x@example.org",
    )
    Idea.objects.filter(pk=idea.pk).update(created_at=old)
    purge_expired()
    assert not Idea.objects.exists()


def test_the_phase_page_links_its_ideas(client, phase):
    page = client.get(phase.get_absolute_url()).content.decode()
    assert f'href="/dialog/phasen/{phase.slug}/ideen/"' in page
    assert f'href="/dialog/phasen/{phase.slug}/ideen/einreichen/"' in page


def test_the_demo_phase_collects_ideas_with_examples_answers_and_a_trace(client, demo):
    url = "/dialog/phasen/mitdiskutieren-digitalstrategie-2-0/ideen/"
    listed = client.get(url).content.decode()
    assert listed.count("Beispielinhalt</span>") >= 4
    assert "Idee einreichen" in listed
    taken = client.get(url + "?status=aufgenommen").content.decode()
    idea = Idea.objects.get(title="Offenes WLAN in allen Stadtbibliotheken")
    assert idea.title in taken
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Antwort der Redaktion: aufgenommen" in page
    assert f'href="{idea.decision.result.get_absolute_url()}"' in page
    assert idea.decision.result.version.slug == "2-0"
    assert "14</strong> bestätigte Unterstützungen" in page
    refused = Idea.objects.get(title="Bürgeramt-Termine per App tauschen")
    assert (
        "Antwort der Redaktion: nicht aufgenommen"
        in client.get(refused.get_absolute_url()).content.decode()
    )


def test_results_page_and_csv_count_ideas_supports_and_answers(client, phase, editor):
    import csv
    import io

    ideas = make_ideas(phase, 3)
    IdeaSupport.objects.create(
        idea=ideas[0], address_hash="h", token_hash="t", confirmed_at=timezone.now()
    )
    IdeaSupport.objects.create(idea=ideas[0], address_hash="u", token_hash="u")  # unconfirmed
    decisions.decide([ideas[1]], "nicht", "Passt nicht zur Strategie.", editor, notify=False)
    page = client.get(f"/dialog/phasen/{phase.slug}/ergebnisse/").content.decode()
    assert "3 veröffentlichte Ideen mit zusammen 1 bestätigten Unterstützung." in page
    assert '<th scope="row">nicht aufgenommen</th><td>1</td>' in page
    assert '<th scope="row">eingegangen</th><td>2</td>' in page
    response = client.get(f"/dialog/phasen/{phase.slug}/ergebnisse.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Unterstützungen"
    by_title = {row[7].split("\n")[0]: row for row in rows[1:] if row[1] == "Idee"}
    assert set(by_title) == {"Idee 0", "Idee 1", "Idee 2"}
    assert by_title["Idee 0"][-1] == "1"
    assert by_title["Idee 1"][8:10] == ["nicht aufgenommen", "Passt nicht zur Strategie."]
    assert not any("@" in cell for row in rows for cell in row)  # no address, ever


def test_the_ideas_dataset_has_every_published_idea_and_no_address(client, phase, editor):
    import json

    ideas = make_ideas(phase, 2)
    goal = fields(phase)["2"].goals.get()
    decisions.decide([ideas[0]], "beruecksichtigt", "Ja.", editor, decisions.result_value(goal))
    Idea.objects.filter(pk=ideas[1].pk).update(status=Idea.Status.HIDDEN)
    data = json.loads(client.get("/daten/ideen.json").content)
    (row,) = data["ideen"]
    assert (row["titel"], row["stand"], row["begruendung"]) == ("Idee 0", "aufgenommen", "Ja.")
    assert row["entstanden"] == "http://testserver" + goal.get_absolute_url()
    assert row["url"] == "http://testserver" + ideas[0].get_absolute_url()
    csv_text = client.get("/daten/ideen.csv").content.decode("utf-8-sig")
    assert "Idee 0" in csv_text and "Idee 1" not in csv_text
    assert "@" not in csv_text
    catalog = client.get("/daten/katalog.jsonld").content.decode()
    assert "/daten/ideen.csv" in catalog
    assert "Ideen aus der Beteiligung" in client.get("/daten/").content.decode()


def test_a_published_idea_is_found_by_search_and_gone_once_hidden(client, phase, moderator):
    idea = submit_and_confirm(client, phase)
    html = client.get("/suche/", {"q": "Bibliotheken WLAN"}).content.decode()
    assert f'<a href="{idea.get_absolute_url()}">Idee: Offenes <mark>WLAN</mark>' in html
    assert "art=idee" in html  # a facet of its own
    workflow.hide([idea], "werbung", moderator)
    html = client.get("/suche/", {"q": "Bibliotheken WLAN"}).content.decode()
    assert idea.get_absolute_url() not in html


def test_new_ideas_and_answers_reach_feed_and_alert_digest(client, phase, editor):
    import feedparser

    from alerts import registry

    idea = submit_and_confirm(client, phase)
    feed = feedparser.parse(client.get(f"/dialog/phasen/{phase.slug}/ideen/feed/").content)
    (entry,) = feed.entries
    assert entry.title == "Offenes WLAN in allen Bibliotheken"
    assert entry.author == "Petra"
    assert entry.link.endswith(idea.get_absolute_url())
    assert registry.topic_label(f"ideas:{phase.slug}") == f"Neue Ideen: {phase.title}"
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert f'name="topic" value="ideas:{phase.slug}"' in listed
    decisions.decide([idea], "beantwortet", "Danke, das prüfen wir.", editor, notify=False)
    start, end = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(minutes=1)
    events = [e for e in registry.events_between(start, end) if "Idee" in e.title]
    field = fields(phase)["2"]
    assert {(e.topic, e.title) for e in events} == {
        (
            f"ideas:{phase.slug}",
            "Neue Idee im Handlungsfeld 2: „Offenes WLAN in allen Bibliotheken“",
        ),
        (f"field:{field.pk}", "Neue Idee im Handlungsfeld 2: „Offenes WLAN in allen Bibliotheken“"),
        (
            f"ideas:{phase.slug}",
            "Antwort auf die Idee „Offenes WLAN in allen Bibliotheken“: beantwortet",
        ),
        (
            f"field:{field.pk}",
            "Antwort auf die Idee „Offenes WLAN in allen Bibliotheken“: beantwortet",
        ),
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "", "note": "x"}, "Bitte wählen Sie einen Grund aus."),
        ({"reason": "werbung", "note": "x" * 501}, "Die Erläuterung ist zu lang"),
    ],
)
def test_a_bad_report_is_explained_and_stores_nothing(client, phase, data, message):
    idea = make_ideas(phase, 1)[0]
    client.get(f"/dialog/ideen/{idea.pk}/melden/")
    html = client.post(f"/dialog/ideen/{idea.pk}/melden/", data).content.decode()
    assert message in html
    assert not idea.reports.exists()


def test_anyone_reports_an_idea_and_the_moderation_is_told(
    client, phase, moderator, django_capture_on_commit_callbacks
):
    idea = make_ideas(phase, 1)[0]
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'href="/dialog/ideen/{idea.pk}/melden/"' in page
    client.get(f"/dialog/ideen/{idea.pk}/melden/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/dialog/ideen/{idea.pk}/melden/", {"reason": "werbung", "note": "Reklame"}
        )
    assert "Danke für Ihre Meldung" in response.content.decode()
    (report,) = idea.reports.all()
    assert (report.reason, report.note) == ("werbung", "Reklame")
    (message,) = mail.outbox
    assert message.to == [moderator.email]
    assert "Grund: Werbung oder Spam" in message.body and "Reklame" in message.body


def test_a_moderator_works_through_ideas_in_the_admin(
    client, phase, moderator, django_capture_on_commit_callbacks
):
    """As in the browser: the list, the action, its page with the reason, the button."""
    spam, good = make_ideas(phase, 2)
    client.force_login(moderator)
    changelist = "/admin/goals/idea/"
    listed = client.get(changelist).content.decode()
    assert "Idee 0" in listed and "Idee 1" in listed
    client.post(changelist, {"action": "mark_in_review", "_selected_action": [good.pk]})
    assert "Status: in Prüfung" in client.get(good.get_absolute_url()).content.decode()
    client.get(changelist)
    page = client.post(changelist, {"action": "hide", "_selected_action": [spam.pk]})
    assert "Ideen verbergen" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            changelist,
            {"action": "hide", "_selected_action": [spam.pk], "reason": "werbung", "apply": "1"},
            follow=True,
        )
    assert "1 Idee(n) verborgen" in done.content.decode()
    spam.refresh_from_db()
    assert spam.status == Idea.Status.HIDDEN and spam.moderated_by == moderator
    assert [m.to for m in mail.outbox] == [[spam.email]]
    assert client.get(spam.get_absolute_url()).status_code == 404


def test_a_theme_page_lists_the_ideas_about_it(client, phase):
    theme = make_theme(phase, title="Schule digital")
    idea = make_ideas(phase, 1)[0]
    Idea.objects.filter(pk=idea.pk).update(theme=theme)
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Ideen zu diesem Thema" in page
    assert f'href="{idea.get_absolute_url()}"' in page
    submit = f"/dialog/phasen/{phase.slug}/ideen/einreichen/?thema={theme.pk}"
    assert f'href="{submit}"' in page
    form = client.get(submit).content.decode()
    assert f'<option value="{theme.pk}" selected>Schule digital</option>' in form


def test_editors_switch_ideas_off_for_one_theme(client, phase):
    """A theme switched off is not offered in the form (a crafted choice is refused with a
    German message and nothing stored); its page keeps its ideas but no way to add one."""
    open_theme = make_theme(phase, title="Schule digital")
    closed = make_theme(phase, title="Rückblick", ideas_allowed=False)
    idea = make_ideas(phase, 1)[0]
    Idea.objects.filter(pk=idea.pk).update(theme=closed)
    form = client.get(submit_url(phase)).content.decode()
    assert f'<option value="{open_theme.pk}">Schule digital</option>' in form
    assert "Rückblick" not in form
    page = client.post(submit_url(phase), valid(phase, theme=str(closed.pk))).content.decode()
    assert "Bitte wählen Sie eines der angebotenen Themen." in page
    assert "Offenes WLAN in allen Bibliotheken" in page  # the text stays
    assert not Idea.objects.filter(title="Offenes WLAN in allen Bibliotheken").exists()
    theme_page = client.get(closed.get_absolute_url()).content.decode()
    assert f'href="{idea.get_absolute_url()}"' in theme_page
    assert "Eigene Idee zu diesem Thema einreichen" not in theme_page
    assert (
        "Eigene Idee zu diesem Thema einreichen"
        in client.get(open_theme.get_absolute_url()).content.decode()
    )


def test_an_idea_may_name_a_chapter_of_the_strategy_text(client, phase):
    from goals.models import Chapter

    version = phase.versions.get()
    chapter = Chapter.objects.create(version=version, number="2", title="Bildung", slug="2")
    idea = submit_and_confirm(client, phase, chapter=str(chapter.pk))
    assert idea.chapter == chapter
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'<a href="{chapter.get_absolute_url()}">Kapitel 2 Bildung</a>' in page
    client.get(submit_url(phase))
    html = client.post(submit_url(phase), valid(phase, chapter="999999")).content.decode()
    assert "Bitte wählen Sie eines der angebotenen Kapitel." in html


def test_a_moderator_sees_the_reports_beside_the_idea(client, phase, moderator):
    from goals.ideas.models import IdeaReport

    idea = make_ideas(phase, 1)[0]
    IdeaReport.objects.create(idea=idea, reason="werbung", note="Reklame für einen Shop")
    client.force_login(moderator)
    page = client.get(f"/admin/goals/idea/{idea.pk}/change/").content.decode()
    assert "Meldungen von Besucherinnen und Besuchern" in page
    assert "Reklame für einen Shop" in page


def test_a_support_link_for_a_hidden_idea_counts_nothing(client, phase, moderator):
    idea = submit_and_confirm(client, phase)
    link = support(client, idea, "uwe@example.org")
    workflow.hide([idea], "werbung", moderator)
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert IdeaSupport.objects.get().confirmed_at is None


def test_no_address_is_kept_for_an_answer_already_given_or_no_longer_wanted(client, phase, editor):
    idea = submit_and_confirm(client, phase)
    support(client, idea, "uwe@example.org", wants_answer=True)
    assert IdeaSupport.objects.get().email == "uwe@example.org"
    support(client, idea, "uwe@example.org")  # asked again, box left empty
    assert IdeaSupport.objects.get().email == ""
    decisions.decide([idea], "beantwortet", "Danke.", editor, notify=False)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Mir schreiben, wenn die Redaktion" not in page  # nothing left to wait for
    support(client, idea, "neu@example.org", wants_answer=True)
    assert set(IdeaSupport.objects.values_list("email", flat=True)) == {""}


def test_before_and_after_the_phase_the_pages_say_so(client, phase):
    later = timezone.now() + timedelta(days=3)
    Phase.objects.filter(pk=phase.pk).update(starts_at=later)
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert "Ideen können Sie ab dem" in listed and "Idee einreichen</a>" not in listed
    Phase.objects.filter(pk=phase.pk).update(
        starts_at=timezone.now() - timedelta(days=9), ideas_until=timezone.now()
    )
    listed = client.get(f"/dialog/phasen/{phase.slug}/ideen/").content.decode()
    assert "Die Phase nimmt keine neuen Ideen mehr an" in listed
    phase_page = client.get(phase.get_absolute_url()).content.decode()
    assert "Eigene Idee einreichen" not in phase_page
    assert f"/dialog/phasen/{phase.slug}/ideen/" in phase_page
    other = make_phase(phase.starts_at, phase.ends_at)
    assert client.get(f"/dialog/phasen/{other.slug}/ideen/feed/").status_code == 404


def test_an_idea_page_with_its_two_forms_has_no_duplicate_ids(client, phase):
    """The support form and the comment form both ask for an e-mail address (the Nu Html
    Checker found "Duplicate ID id_email")."""
    idea = make_ideas(phase, 1)[0]
    html = client.get(idea.get_absolute_url()).content.decode()
    assert 'id="unterstuetzen-email"' in html and 'id="id_email"' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
