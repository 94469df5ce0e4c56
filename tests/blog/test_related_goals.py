"""Posts name the goals they are about; goal pages list the published posts about them."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from blog.models import Category, Post
from goals.models import FieldOfAction, Goal, StatusReport, StrategyVersion
from tests.support.admin_forms import switches

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    version = StrategyVersion.objects.create(
        title="Digitalstrategie.NRW 2.0", slug="2-0", year=2021, is_current=True
    )
    return FieldOfAction.objects.create(
        version=version, number="3", title="Digitale Verwaltung", slug="verwaltung"
    )


@pytest.fixture
def make_goal(field):
    def make(number, title, status=None):
        goal = Goal.objects.create(field=field, number=number, title=title, horizon="kurzfristig")
        if status:
            StatusReport.objects.create(
                goal=goal, date=datetime.date(2022, 5, 1), status=status, text="Stand"
            )
        return goal

    return make


def test_post_page_lists_its_goals_with_their_status(client, make_post, make_goal):
    amt = make_goal(7, "Digitales Gewerbeamt", status="umgesetzt")
    buerger = make_goal(8, "Digitales Bürgeramt")
    post = make_post("Gewerbe online", slug="gewerbe")
    post.related_goals.set([buerger, amt])

    html = client.get("/blog/gewerbe/").content.decode()
    section = re.search(r'<section class="post-goals".*?</section>', html, re.S).group(0)

    assert '<h2 id="ziele-im-beitrag">Ziele der Strategie, um die es hier geht</h2>' in section
    items = [
        re.sub(r"<[^>]+>|\s+", " ", li).split()
        for li in re.findall(r"<li>(.*?)</li>", section, re.S)
    ]
    day = date_format(timezone.localdate(post.published_at), "j. F Y")
    assert [" ".join(words) for words in items] == [
        f"Digitalstrategie.NRW 2.0, Ziel 7: Digitales Gewerbeamt – Stand am {day}: umgesetzt",
        f"Digitalstrategie.NRW 2.0, Ziel 8: Digitales Bürgeramt – Stand am {day}: geplant",
    ]
    assert '<a href="/strategie/2-0/ziele/7/">' in section


def test_post_quotes_the_status_of_its_day_and_names_todays_where_it_changed(
    client, make_post, make_goal
):
    """A post about the 2020 progress report must not claim today's status for 2020."""
    amt = make_goal(7, "Digitales Gewerbeamt", status="in-umsetzung")  # reported 1 May 2022
    StatusReport.objects.create(
        goal=amt, date=datetime.date(2023, 3, 1), status="umgesetzt", text="Fertig"
    )
    buerger = make_goal(8, "Digitales Bürgeramt", status="verzoegert")
    berlin = datetime.timezone(datetime.timedelta(hours=2))
    post = make_post(
        "Zwischenstand", published_at=datetime.datetime(2022, 6, 30, 23, 30, tzinfo=berlin)
    )
    post.related_goals.set([amt, buerger])
    html = client.get(f"/blog/{post.slug}/").content.decode()
    section = re.search(r'<section class="post-goals".*?</section>', html, re.S).group(0)
    text = " ".join(re.sub(r"<[^>]+>", " ", section).split())
    assert "am Tag dieses Beitrags nannten ( 30. Juni 2022 )" in text
    assert (
        "Ziel 7: Digitales Gewerbeamt – Stand am 30. Juni 2022: in Umsetzung ; heute: umgesetzt"
        in text
    )
    # Unchanged since: no "heute".
    assert "Ziel 8: Digitales Bürgeramt – Stand am 30. Juni 2022: verzögert" in text
    assert "verzögert ; heute" not in text
    # A report of a later day does not leak into an older post.
    older = make_post("Vor dem Bericht", published_at=datetime.datetime(2022, 4, 1, tzinfo=berlin))
    older.related_goals.set([amt])
    page = " ".join(
        re.sub(r"<[^>]+>", " ", client.get(f"/blog/{older.slug}/").content.decode()).split()
    )
    assert "Stand am 1. April 2022: geplant ; heute: umgesetzt" in page


def test_post_without_goals_has_no_goal_section(client, make_post):
    make_post(slug="ohne")
    assert "ziele-im-beitrag" not in client.get("/blog/ohne/").content.decode()


def test_goal_page_lists_published_posts_about_it_newest_first(
    client, make_post, make_goal, draft, scheduled
):
    goal = make_goal(7, "Digitales Gewerbeamt")
    other = make_goal(8, "Digitales Bürgeramt")
    now = timezone.now()
    old = make_post("Erster Schritt", slug="erster", published_at=now - datetime.timedelta(days=90))
    new = make_post("Geschafft", slug="geschafft", published_at=now - datetime.timedelta(days=2))
    unrelated = make_post("Anderes Ziel", slug="anderes")
    for post in (old, new, draft, scheduled):
        post.related_goals.add(goal)
    unrelated.related_goals.add(other)

    html = client.get("/strategie/2-0/ziele/7/").content.decode()
    section = re.search(r'<section aria-labelledby="beitraege-zum-ziel">.*?</section>', html, re.S)

    assert re.findall(r'<a href="(/blog/[^/]+/)">', section.group(0)) == [
        "/blog/geschafft/",
        "/blog/erster/",
    ]


def test_goal_page_without_posts_has_no_blog_section(client, make_goal, draft):
    goal = make_goal(7, "Digitales Gewerbeamt")
    draft.related_goals.add(goal)
    assert "beitraege-zum-ziel" not in client.get("/strategie/2-0/ziele/7/").content.decode()


@pytest.mark.parametrize("count", [1, 15])
def test_post_page_queries_do_not_grow_with_goals_and_categories(
    client, make_post, make_goal, django_assert_num_queries, count
):
    post = make_post(slug="viele")
    post.categories.set(
        [Category.objects.create(name=f"Kategorie {n}", slug=f"k{n}") for n in range(count)]
    )
    post.related_goals.set(
        [make_goal(n, f"Ziel {n}", status="im-zeitplan") for n in range(1, count + 1)]
    )
    # The post, its categories, its themes, its goals (with status and version);
    # 2 for the (empty) comment thread: options, thread totals.
    with django_assert_num_queries(6):
        html = client.get("/blog/viele/").content.decode()
    assert html.count('href="/blog/kategorie/k') == count
    assert html.count('href="/strategie/2-0/ziele/') == count


@pytest.mark.parametrize("count", [1, 15])
def test_goal_page_queries_do_not_grow_with_posts(
    client, make_post, make_goal, django_assert_num_queries, count
):
    goal = make_goal(7, "Digitales Gewerbeamt")
    for _ in range(count):
        make_post().related_goals.add(goal)
    # Goal (with neighbours), reports, lineage, indicators, verdicts, posts, text paragraphs;
    # the comments, statements and ideas it came from, the statements addressing it, its
    # changes after publication; 3 for the (empty) comment thread: options, phases covering
    # the version, totals.
    with django_assert_num_queries(15):
        html = client.get("/strategie/2-0/ziele/7/").content.decode()
    assert html.count('<li><a href="/blog/beitrag-') == count


def test_editor_links_goals_in_the_admin(client, editor, make_goal):
    goal = make_goal(7, "Digitales Gewerbeamt")
    client.force_login(editor)
    client.post(
        "/admin/blog/post/add/",
        {
            "title": "Gewerbeamt online",
            "slug": "gewerbeamt",
            "teaser": "Kurz.",
            "body": "<p>Text</p>",
            "author": "Redaktion",
            "status": "veroeffentlicht",
            "published_at_0": "2022-12-01",
            "published_at_1": "10:00:00",
            "related_goals": [goal.pk],
            **switches(),
        },
    )
    assert list(Post.objects.get(slug="gewerbeamt").related_goals.all()) == [goal]
