"""Posts name the dialog themes they are about; theme pages list the published posts."""

import pytest

from blog.models import Post
from tests.dialog.factories import berlin, make_phase, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23), title="Themendialog 2019")
    return make_theme(phase, title="Bildung", slug="bildung")


def test_post_page_links_its_themes(client, make_post, theme):
    post = make_post(title="Lernen mit Tablets", slug="tablets")
    post.related_themes.add(theme)
    html = client.get("/blog/tablets/").content.decode()
    assert '<h2 id="themen-im-beitrag">Dialogthemen</h2>' in html
    assert '<li><a href="/dialog/themen/bildung/">Bildung</a></li>' in html


def test_theme_page_lists_published_posts_only(client, make_post, theme):
    make_post(title="Lernen mit Tablets", slug="tablets").related_themes.add(theme)
    make_post(
        title="Noch ein Entwurf", slug="entwurf", status=Post.Status.DRAFT
    ).related_themes.add(theme)
    html = client.get("/dialog/themen/bildung/").content.decode()
    assert "Aus dem Blog" in html
    assert '<a href="/blog/tablets/">Lernen mit Tablets</a>' in html
    assert "Noch ein Entwurf" not in html


def test_theme_without_posts_has_no_blog_section(client, theme):
    assert "Aus dem Blog" not in client.get("/dialog/themen/bildung/").content.decode()


@pytest.mark.parametrize("count", [1, 15])
def test_post_page_queries_do_not_grow_with_themes(
    client, make_post, django_assert_num_queries, count
):
    post = make_post(slug="viele-themen")
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    post.related_themes.set([make_theme(phase, slug=f"thema-{n}") for n in range(count)])
    # Post, categories, themes, goals; the comment thread: options, totals.
    with django_assert_num_queries(6):
        html = client.get("/blog/viele-themen/").content.decode()
    assert html.count('href="/dialog/themen/thema-') == count
