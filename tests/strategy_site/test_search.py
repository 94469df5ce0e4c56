"""/suche/: German stemming, phrases, exclusion, `oder`, ranking, highlighting, facets,
pages, suggestions, and never anything that is not public. Runs on SQLite (FTS5) and
on PostgreSQL ("german" configuration) alike: CI runs this file on both."""

import datetime
import io
import re

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from blog.models import Post
from demo.standin import stand_in_pdf
from dialog.comments import state
from dialog.comments.xtd import XtdComment
from downloads.models import Document
from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion
from strategy_site.models import SearchEntry
from strategy_site.search import index
from strategy_site.search.query import parse
from tests.goals.conftest import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    old = StrategyVersion.objects.create(title="Digitalstrategie.NRW 2019", slug="2019", year=2019)
    new = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    return old, new


def make_goal(version, number, title, description="", field_title="Bildung"):
    field, _ = FieldOfAction.objects.get_or_create(
        version=version, number="1", defaults={"title": field_title, "slug": "feld"}
    )
    return Goal.objects.create(
        field=field,
        number=number,
        title=title,
        description=description,
        horizon="kurzfristig",
    )


def hits(client, query, **params):
    """(kind line, title) of each hit, in order."""
    html = client.get("/suche/", {"q": query, **params}).content.decode()
    items = re.findall(
        r'<p class="search-results__kind">(.*?)</p>\s*<h2><a href="[^"]*">(.*?)</a></h2>',
        html,
        re.S,
    )
    return [(kind, re.sub(r"</?mark>", "", title)) for kind, title in items]


def titles(client, query, **params):
    return [title for _, title in hits(client, query, **params)]


def test_stemming_finds_other_forms_of_a_word(client, versions):
    _, new = versions
    make_goal(new, 1, "Alle Schulen ans Glasfasernetz")
    make_goal(new, 2, "Verwaltung", "<p>Die digitale Verwaltung für alle.</p>")
    assert titles(client, "Schule") == ["Ziel 1: Alle Schulen ans Glasfasernetz"]
    assert titles(client, "Glasfasernetzes") == ["Ziel 1: Alle Schulen ans Glasfasernetz"]
    assert titles(client, "digitales") == ["Ziel 2: Verwaltung"]
    assert titles(client, "Hochschule") == []


def test_phrase_exclusion_and_alternatives(client, versions):
    _, new = versions
    make_goal(new, 1, "Das digitale Bürgeramt starten")
    make_goal(new, 2, "Bürgeramt vor Ort stärken", "<p>Ein digitales Angebot folgt.</p>")
    make_goal(new, 3, "5G überall", "<p>Auch LTE wird ausgebaut.</p>")
    make_goal(new, 4, "5G an Schienen")
    make_goal(new, 5, "Glasfaser für Schulen")
    # Both words anywhere: both goals; as a phrase: only where they stand together.
    assert set(titles(client, "digitales Bürgeramt")) == {
        "Ziel 1: Das digitale Bürgeramt starten",
        "Ziel 2: Bürgeramt vor Ort stärken",
    }
    assert titles(client, '"digitales Bürgeramt"') == ["Ziel 1: Das digitale Bürgeramt starten"]
    assert titles(client, "5G -LTE") == ["Ziel 4: 5G an Schienen"]
    assert set(titles(client, "Schienen oder Glasfaser")) == {
        "Ziel 4: 5G an Schienen",
        "Ziel 5: Glasfaser für Schulen",
    }
    assert set(titles(client, "Schienen OR Glasfaser")) == set(
        titles(client, "Schienen oder Glasfaser")
    )


def test_title_matches_rank_above_body_matches_and_current_above_old(client, versions):
    old, new = versions
    make_goal(new, 1, "Netzausbau", "<p>Breitband für alle Regionen.</p>")
    make_goal(old, 7, "Breitband für Gewerbegebiete")
    make_goal(new, 2, "Breitband an Schulen")
    assert titles(client, "Breitband") == [
        "Ziel 2: Breitband an Schulen",  # title, current version
        "Ziel 7: Breitband für Gewerbegebiete",  # title, earlier version
        "Ziel 1: Netzausbau",  # body only
    ]
    kinds = [kind for kind, _ in hits(client, "Breitband")]
    assert kinds[1] == "Ziel · Digitalstrategie.NRW 2019 (frühere Fassung) · Stand: geplant"


def test_excerpt_marks_the_words_found_and_escapes_the_text(client, versions):
    _, new = versions
    long_intro = " ".join(["Einleitung"] * 40)
    goal = make_goal(
        new, 1, "Lernen", f"<p>{long_intro} Tablets für Schulen &lt;script&gt; und mehr.</p>"
    )
    html = client.get("/suche/", {"q": "Schule"}).content.decode()
    excerpt = re.search(r"</h2>\s*<p>(.*?)</p>", html, re.S).group(1)
    assert excerpt.startswith("… ")  # cut before the hit, at a word
    assert "Tablets für <mark>Schulen</mark> &lt;script&gt; und mehr." in excerpt
    assert "<script>" not in html
    assert goal.title in html


def test_facets_count_by_kind_and_version_and_narrow_the_hits(client, versions):
    old, new = versions
    for n in range(1, 4):
        make_goal(new, n, f"Gigabit Ziel {n}")
    make_goal(old, 9, "Gigabit früher")
    Post.objects.create(
        title="Gigabit im Blog",
        slug="gigabit",
        teaser="Anreißer",
        body="<p>Text</p>",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    text = text_of(client.get("/suche/", {"q": "Gigabit"}))
    assert "5 Treffer für „Gigabit“." in text
    assert "Nach Art: Ziel (4) Blog (1)" in text
    assert "Nach Fassung: Digitalstrategie.NRW 2.0 (3) Digitalstrategie.NRW 2019 (1)" in text
    assert titles(client, "Gigabit", art="blog") == ["Gigabit im Blog"]
    assert titles(client, "Gigabit", fassung="2019") == ["Ziel 9: Gigabit früher"]
    narrowed = client.get("/suche/", {"q": "Gigabit", "art": "blog"}).content.decode()
    # The selected facet says so and leads back to all hits.
    assert '<a href="?q=Gigabit" aria-current="true">Blog (1)' in narrowed
    # An unknown kind narrows nothing.
    assert len(titles(client, "Gigabit", art="geheim")) == 5


def test_hits_are_paginated_and_the_query_stays_in_the_field(client, versions):
    _, new = versions
    for n in range(1, 26):
        make_goal(new, n, f"Mobilfunk Maßnahme {n}")
    first = client.get("/suche/", {"q": "Mobilfunk"}).content.decode()
    assert "25 Treffer für „Mobilfunk“, Treffer 1 bis 20." in text_of_html(first)
    assert 'value="Mobilfunk"' in first
    assert '<a href="?q=Mobilfunk&amp;seite=2" rel="next">Weitere Treffer</a>' in first
    second = client.get("/suche/", {"q": "Mobilfunk", "seite": "2"}).content.decode()
    assert len(re.findall(r'class="search-results__kind"', second)) == 5
    assert '<ol class="search-results" start="21">' in second
    assert "Seite 2 von 2" in second
    # A page beyond the last shows the last; a page that is no number shows the first.
    assert (
        "Seite 2 von 2" in client.get("/suche/", {"q": "Mobilfunk", "seite": "99"}).content.decode()
    )
    assert (
        "Seite 1 von 2" in client.get("/suche/", {"q": "Mobilfunk", "seite": "x"}).content.decode()
    )


def text_of_html(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_query_without_hits_suggests_the_nearest_indexed_word(client, versions):
    _, new = versions
    make_goal(new, 1, "Digitalisierung der Verwaltung")
    make_goal(new, 2, "Breitband für alle")
    html = client.get("/suche/", {"q": "Digitalisirung"}).content.decode()
    assert "Keine Treffer für „Digitalisirung“." in text_of_html(html)
    assert 'Meinten Sie <a href="?q=Digitalisierung">„Digitalisierung“</a>?' in html
    html = client.get("/suche/", {"q": "Breitbandt Verwaltung"}).content.decode()
    assert "„Breitband Verwaltung“" in html
    # The suggestion finds what it promises.
    assert titles(client, "Digitalisierung") == ["Ziel 1: Digitalisierung der Verwaltung"]
    # Nothing near: no suggestion, but help.
    html = client.get("/suche/", {"q": "Quantenkryptographie"}).content.decode()
    assert "Meinten Sie" not in html
    assert "Prüfen Sie die Schreibweise" in html


def test_a_stop_word_is_never_suggested_nor_an_error(client, versions):
    """Found by the arbitrary-input test: "S0EN" came nearest to an indexed stop word, whose
    query is empty, and the page answered 503 (an empty FTS5 expression)."""
    make_goal(versions[1], 1, "Alle machen mit")
    response = client.get("/suche/", {"q": "Allle"})
    html = response.content.decode()
    assert "Keine Treffer für „Allle“." in text_of_html(html)
    assert "Meinten Sie" not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("!!! ???", "Ihre Suchanfrage enthält kein Wort, nach dem wir suchen können"),
        ("und oder die", "Ihre Suchanfrage enthält kein Wort, nach dem wir suchen können"),
        ("-LTE", "Bitte geben Sie mindestens ein Wort ohne Minuszeichen ein"),
        ("Breitband " * 30, "Ihre Suchanfrage ist länger als 200 Zeichen"),
    ],
)
def test_bad_queries_get_a_helpful_page(client, versions, query, message):
    make_goal(versions[1], 1, "Breitband")
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query", ['"digitales', "5G -", '" "', "' OR 1=1 --", "NEAR(a b)", "x*", "{title}: a", "^a"]
)
def test_odd_syntax_is_searched_as_words_never_an_error(client, versions, query):
    make_goal(versions[1], 1, "Digitales Bürgeramt")
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "<h1>Suche</h1>" in response.content.decode()


def test_empty_query_shows_the_form_only(client, db):
    html = client.get("/suche/").content.decode()
    assert 'value=""' in html and "Treffer" not in html and "notice" not in html


def test_index_follows_saves_and_deletes(client, versions):
    _, new = versions
    goal = make_goal(new, 1, "Funklöcher schließen")
    assert titles(client, "Funkloch") == ["Ziel 1: Funklöcher schließen"]
    goal.title = "Mobilfunk verbessern"
    goal.save()
    assert titles(client, "Funkloch") == []
    assert titles(client, "Mobilfunk") == ["Ziel 1: Mobilfunk verbessern"]
    # A new report changes the status shown in the hit.
    StatusReport.objects.create(
        goal=goal, date=datetime.date(2024, 1, 1), status="umgesetzt", text="Fertig"
    )
    assert hits(client, "Mobilfunk")[0][0].endswith("Stand: umgesetzt")
    goal.delete()
    assert titles(client, "Mobilfunk") == []
    assert not SearchEntry.objects.filter(title__contains="Mobilfunk").exists()


def test_never_finds_drafts_future_posts_hidden_comments_or_login_pages(client, versions, settings):
    _, new = versions
    goal = make_goal(new, 1, "Ein Ziel")
    draft = Post.objects.create(
        title="Zeppelin Entwurf", slug="entwurf", teaser="t", body="<p>x</p>"
    )
    scheduled = Post.objects.create(
        title="Zeppelin Plan",
        slug="plan",
        teaser="t",
        body="<p>x</p>",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=2),
    )
    page = FlatPage.objects.create(
        url="/intern/", title="Zeppelin intern", content="<p>x</p>", registration_required=True
    )
    page.sites.add(settings.SITE_ID)
    comment = XtdComment.objects.create(
        **state.visible_fields(
            content_object=goal,
            site_id=settings.SITE_ID,
            user_name="Bürgerin",
            user_email="b@example.org",
            comment="Zeppeline statt Drohnen!",
        )
    )
    assert titles(client, "Zeppelin") == []
    # Comments are searched when asked for, while they are visible.
    assert titles(client, "Zeppelin", kommentare="1") == ["Kommentar von Bürgerin"]
    text = text_of(client.get("/suche/", {"q": "Zeppeline"}))
    assert "1 Kommentar enthalten die Suchwörter." in text
    state.comments().filter(pk=comment.pk).hide()
    assert titles(client, "Zeppelin", kommentare="1") == []
    # A scheduled post appears when its time comes, without another save.
    Post.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert titles(client, "Zeppelin") == ["Zeppelin Plan"]
    # The draft, once published, is found; the login-only page, once public, too.
    draft.status = Post.Status.PUBLISHED
    draft.save()
    page.registration_required = False
    page.save()
    assert set(titles(client, "Zeppelin")) == {
        "Zeppelin Plan",
        "Zeppelin Entwurf",
        "Zeppelin intern",
    }


def test_words_of_unpublished_posts_are_never_suggested(client, versions):
    make_goal(versions[1], 1, "Ein Ziel")
    Post.objects.create(
        title="Kabinettsgeheimnis", slug="g", teaser="t", body="<p>x</p>",
        status=Post.Status.PUBLISHED, published_at=timezone.now() + datetime.timedelta(days=2),
    )  # fmt: skip
    html = client.get("/suche/", {"q": "Kabinettsgeheimnisse"}).content.decode()
    assert "Kabinettsgeheimnis" not in html.replace("Kabinettsgeheimnisse", "")


def test_rebuild_command_indexes_everything_public(versions, settings):
    make_goal(versions[1], 1, "Breitband")
    FlatPage.objects.create(url="/x/", title="Seite", content="<p>y</p>").sites.add(
        settings.SITE_ID
    )
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    kinds = list(SearchEntry.objects.values_list("kind", flat=True))
    public_pages = FlatPage.objects.filter(registration_required=False, sites=settings.SITE_ID)
    assert (kinds.count("ziel"), kinds.count("handlungsfeld")) == (1, 1)
    assert kinds.count("seite") == public_pages.count()
    assert f"Suchindex neu aufgebaut: {len(kinds)} Einträge." in out.getvalue()


def test_service_pages_are_found_after_the_index_is_built(client, db):
    index.rebuild(report=lambda line: None)
    html = client.get("/suche/", {"q": "Ombudsstelle"}).content.decode()
    assert "1 Treffer für „Ombudsstelle“" in html
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in html


@pytest.mark.parametrize("count", [3, 40])
def test_search_queries_do_not_grow_with_hits(
    client, versions, django_assert_max_num_queries, count
):
    _, new = versions
    for n in range(1, count + 1):
        make_goal(new, n, f"Glasfaser {n}")
    # Matches with scores, their kinds and versions, the page's texts, and the number
    # of matching comments (searched only on request).
    with django_assert_max_num_queries(4):
        html = client.get("/suche/", {"q": "Glasfaser"}).content.decode()
    assert html.count('class="search-results__kind"') == min(count, 20)


def test_the_database_uses_its_full_text_index(versions):
    make_goal(versions[1], 1, "Breitband")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT id FROM strategy_site_searchentry "
                "WHERE vector @@ websearch_to_tsquery('german', 'Breitband')"
            )
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "search_entry_vector_gin" in plan
        else:
            cursor.execute(
                "EXPLAIN QUERY PLAN SELECT rowid FROM search_fts WHERE search_fts MATCH 'breitband'"
            )
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan


def test_query_parser_reads_phrases_exclusions_and_alternatives():
    query = parse('"digitales Bürgeramt" 5G -LTE Schule oder Hochschule')
    assert [[t.words for t in clause] for clause in query.clauses] == [
        [("digitales", "Bürgeramt")],
        [("5G",)],
        [("Schule",), ("Hochschule",)],
    ]
    assert [t.words for t in query.excluded] == [("LTE",)]
    assert query.websearch() == '"digitales Bürgeramt" 5G Schule or Hochschule -LTE'
    assert (
        query.fts5() == '(("digital burgeramt") AND ("5g") AND ("schul" OR "hochschul")) NOT "lte"'
    )


def test_a_downloads_pdf_text_is_searched(client, db):
    pdf = stand_in_pdf("Bericht", ["Im Anhang steht das Wort Quantenrechenzentrum."], pages=2)
    Document.objects.create(
        title="Anhang zum Bericht",
        slug="anhang",
        year=2024,
        description="Tabellen",
        file=ContentFile(pdf, name="anhang.pdf"),
    )
    assert hits(client, "Quantenrechenzentrum") == [
        ("Download", "Anhang zum Bericht (PDF, 1 KB, 2 Seiten)")
    ]
    html = client.get("/suche/", {"q": "Quantenrechenzentrum"}).content.decode()
    assert "das Wort <mark>Quantenrechenzentrum</mark>." in html


def test_a_page_made_in_the_admin_is_found_once_it_has_its_site(client, settings):
    page = FlatPage.objects.create(url="/hilfe/", title="Hilfe zur Suche", content="<p>x</p>")
    assert titles(client, "Hilfe") == []  # no site yet: not public
    page.sites.add(settings.SITE_ID)
    assert titles(client, "Hilfe") == ["Hilfe zur Suche"]
    page.sites.clear()
    assert titles(client, "Hilfe") == []


def test_suggestions_come_only_from_what_is_public_now(client, versions):
    """A post made draft, a post deleted, a post scheduled for later: none of their words
    is offered by "Meinten Sie" any more, at once (no rebuild)."""
    from blog.models import Post

    def post(title, slug, **fields):
        return Post.objects.create(
            title=title,
            slug=slug,
            teaser="t",
            body="<p>Text</p>",
            status=Post.Status.PUBLISHED,
            published_at=fields.pop("published_at", timezone.now() - datetime.timedelta(days=1)),
            **fields,
        )

    drafted = post("Das Quarzfalkenprojekt startet", "quarz")
    deleted = post("Das Bernsteinkranichprojekt startet", "bernstein")
    post(
        "Das Opalreiherprojekt startet",
        "opal",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    offered = client.get("/suche/", {"q": "Quarzfalkenprojek"}).content.decode()
    assert "Meinten Sie" in offered  # the check can see a suggestion at all

    drafted.status = Post.Status.DRAFT
    drafted.save()
    deleted.delete()
    for typo in ("Quarzfalkenprojek", "Bernsteinkranichprojek", "Opalreiherprojek"):
        html = client.get("/suche/", {"q": typo}).content.decode()
        assert "Meinten Sie" not in html, typo
