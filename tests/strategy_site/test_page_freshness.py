"""Kept pages are renewed by what they show: the page a write concerns shows it on the
next request, lists and teasers within a minute (a controlled clock, no sleeping), one
render however many readers arrive at once, and never a page kept for someone with a
cookie (strategy_site/page_cache.py, the table in docs/performance.md)."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

from blog.models import Post
from common import page_shows
from goals.models import Chapter, Paragraph, StatusReport
from strategy_site import page_cache
from tests.dialog.factories import make_field, make_goal, make_phase, make_version
from tests.dialog.helpers import form_data
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db


class Clock:
    """The page cache's clock, moved by the test (and by a millisecond per reading, so
    that a render after a change is later than it, as on a real clock)."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        self.now += 0.001
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture(autouse=True)
def clock(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    ticking = Clock()
    monkeypatch.setattr(page_cache, "clock", ticking)
    yield ticking
    cache.clear()


@pytest.fixture
def version():
    now = timezone.now()
    version = make_version(slug="2-0", title="Digitalstrategie.NRW 2.0", year=2021)
    version.phases.add(make_phase(now - timedelta(days=1), now + timedelta(days=9)))
    return version


@pytest.fixture
def goals(version):
    field = make_field(version, "1", "Netz")
    return make_goal(field, 7, "Glasfaser"), make_goal(field, 8, "Mobilfunk")


@pytest.fixture
def paragraph(version):
    chapter = Chapter.objects.create(
        version=version, number="2", title="Bildung", slug="bildung", order=1
    )
    return Paragraph.objects.create(chapter=chapter, order=1, text="<p>Schulen ans Netz.</p>")


def text(response) -> str:
    import gzip

    raw = response.content
    if response.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return raw.decode()


def kept(reader, url):
    """Read the page until it is kept; the clock moves on a little, as time does."""
    reader.get(url)
    assert reader.get(url)["X-Page-Cache"] == "hit"


def comment_through_the_site(target, comment, mailoutbox, clock):
    """A visitor writes, receives the mail, opens the link and presses its button."""
    visitor = Client(enforce_csrf_checks=False)
    visitor.post("/kommentare/senden/", form_data(target, comment=comment))
    path = mailoutbox[-1].body.split("/kommentare/bestaetigen/")[1].split()[0]
    clock.advance(1)
    assert press_confirm(visitor, f"/kommentare/bestaetigen/{path}").status_code == 302


def test_a_confirmed_comment_shows_on_its_goal_at_once_and_leaves_other_goals_kept(
    goals, mailoutbox, clock, monkeypatch
):
    seven, eight = goals
    reader = Client()
    kept(reader, seven.get_absolute_url())
    kept(reader, eight.get_absolute_url())
    stamped = set()
    invalidate = page_cache.invalidate
    monkeypatch.setattr(
        page_cache, "invalidate", lambda tags: (stamped.update(tags), invalidate(tags))
    )
    comment_through_the_site(seven, "Bitte auch im Sauerland.", mailoutbox, clock)
    # The comment, its count, its search entry: all of it concerns goal 7 alone (not its
    # version, which every goal page loads).
    assert stamped == {f"goals.goal:{seven.pk}"}
    fresh = reader.get(seven.get_absolute_url())
    assert fresh.get("X-Page-Cache") is None
    assert "Bitte auch im Sauerland." in text(fresh)
    # Goal 8's page does not show goal 7's thread: it stays kept.
    assert reader.get(eight.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_comment_on_a_paragraph_renews_the_paragraph_and_its_chapter_at_once(
    paragraph, mailoutbox, clock
):
    reader = Client()
    chapter_url = paragraph.chapter.get_absolute_url()
    kept(reader, chapter_url)
    kept(reader, paragraph.get_absolute_url())
    comment_through_the_site(paragraph, "Und die Berufsschulen?", mailoutbox, clock)
    assert "Und die Berufsschulen?" in text(reader.get(paragraph.get_absolute_url()))
    chapter = reader.get(chapter_url)
    assert chapter.get("X-Page-Cache") is None  # renewed: its comment count changed


def test_a_status_report_and_an_edit_show_on_the_goal_at_once(goals, clock):
    seven, _ = goals
    reader = Client()
    kept(reader, seven.get_absolute_url())
    clock.advance(1)
    StatusReport.objects.create(
        goal=seven, date=timezone.localdate(), status="umgesetzt", text="Alle Schulen angebunden"
    )
    assert "Alle Schulen angebunden" in text(reader.get(seven.get_absolute_url()))
    clock.advance(1)
    seven.title = "Glasfaser für alle"
    seven.save()
    assert "Glasfaser für alle" in text(reader.get(seven.get_absolute_url()))


def test_a_list_shows_a_new_post_within_a_minute_and_no_request_waits_for_it(clock):
    reader = Client()
    kept(reader, "/blog/")
    clock.advance(1)
    Post.objects.create(
        title="Neu im Blog",
        slug="neu",
        teaser="t",
        body="<p>x</p>",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(minutes=1),
    )
    # The list did not load the new post, so nothing tags it: it may lag ...
    assert "Neu im Blog" not in text(reader.get("/blog/"))
    clock.advance(page_cache.LAG - 2)
    assert "Neu im Blog" not in text(reader.get("/blog/"))
    # ... by at most LAG seconds; a reader who comes while another worker renews it is
    # served the kept copy at once.
    clock.advance(2)
    lock = f"page-lock:{page_cache._key(RequestFactory().get('/blog/'))}"
    assert cache.add(lock, 1)  # another worker renews the page right now
    while_renewing = reader.get("/blog/")
    assert while_renewing["X-Page-Cache"] == "hit"
    assert "Neu im Blog" not in text(while_renewing)
    cache.delete(lock)
    renewed = reader.get("/blog/")
    assert renewed.get("X-Page-Cache") is None and "Neu im Blog" in text(renewed)
    assert reader.get("/blog/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_twenty_readers_after_a_change_cause_one_render(goals, clock, monkeypatch):
    seven, _ = goals
    url = seven.get_absolute_url()
    kept(Client(), url)
    renders = []
    others_served = threading.Event()
    render = page_cache.PageCacheMiddleware.render

    def counted(self, request, key):
        renders.append(request.path)
        # Hold the lock until the other readers were served: all arrive during the render.
        others_served.wait(timeout=10)
        return render(self, request, key)

    monkeypatch.setattr(page_cache.PageCacheMiddleware, "render", counted)
    clock.advance(1)
    seven.title = "Glasfaser bis 2025"
    seven.save()
    answers = []

    def read():
        from django.db import connection

        try:
            answers.append(Client().get(url))
        finally:
            connection.close()
        if sum(a.get("X-Page-Cache") == "hit" for a in answers) == 19:
            others_served.set()

    threads = [threading.Thread(target=read) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert renders == [url]
    assert [a.status_code for a in answers] == [200] * 20
    # Nineteen got the kept copy at once; the one that rendered shows the change, and
    # so does every request after it.
    assert sum(a.get("X-Page-Cache") == "hit" for a in answers) == 19
    assert "Glasfaser bis 2025" in text(Client().get(url))


def test_a_visitor_with_a_cookie_is_never_served_nor_fills_a_kept_page(goals, clock):
    seven, _ = goals
    url = seven.get_absolute_url()
    visitor = Client()
    visitor.cookies["csrftoken"] = "x" * 32
    visitor.get(url)
    assert visitor.get(url).get("X-Page-Cache") is None
    reader = Client()
    assert reader.get(url).get("X-Page-Cache") is None  # the visitor's page was not kept
    assert reader.get(url)["X-Page-Cache"] == "hit"
    assert visitor.get(url).get("X-Page-Cache") is None


def test_which_subjects_each_kind_of_write_concerns(goals, paragraph):
    """The table in docs/performance.md, row by row."""
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    from goals.models import PriorityBallot

    seven, _ = goals
    chapter = paragraph.chapter
    phase = seven.field.version.phases.get()

    def comment_on(target):
        return XtdComment(
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            site_id=1,
        )

    assert page_shows.subject_tags(comment_on(seven)) == {f"goals.goal:{seven.pk}"}
    assert page_shows.subject_tags(comment_on(paragraph)) == {f"goals.chapter:{chapter.pk}"}
    assert page_shows.subject_tags(paragraph) == {f"goals.chapter:{chapter.pk}"}
    report = StatusReport(goal=seven, date=timezone.localdate(), status="umgesetzt")
    assert page_shows.subject_tags(report) == {f"goals.goal:{seven.pk}"}
    ballot = PriorityBallot(phase=phase, confirmed_at=timezone.now())
    assert page_shows.subject_tags(ballot) == {f"dialog.phase:{phase.pk}"}
    assert page_shows.subject_tags(seven) == {f"goals.goal:{seven.pk}"}
