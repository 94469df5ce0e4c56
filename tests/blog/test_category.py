"""/blog/kategorie/<slug>/: the published posts of one category."""

import re

import pytest

from blog.models import Category

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'class="post-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_category_page_shows_only_its_published_posts(client, make_post, category, draft):
    other = Category.objects.create(name="Gesundheit", slug="gesundheit")
    make_post("Mit dem Bus", categories=[category])
    make_post("Im Krankenhaus", categories=[other])
    make_post("Beides", categories=[category, other])
    draft.categories.set([category])

    html = client.get("/blog/kategorie/mobilitaet/").content.decode()

    assert '<h1><span class="visually-hidden">Blog-Kategorie: </span>Mobilität</h1>' in html
    assert sorted(titles(html)) == ["Beides", "Mit dem Bus"]


def test_category_description_is_shown(client, category):
    category.description = "Bus, Bahn und Rad."
    category.save()
    assert (
        '<p class="lead">Bus, Bahn und Rad.</p>'
        in client.get(category.get_absolute_url()).content.decode()
    )


def test_category_without_posts_says_so(client, category):
    html = client.get("/blog/kategorie/mobilitaet/").content.decode()
    assert "In dieser Kategorie gibt es noch keine Beiträge." in html


def test_unknown_category_is_404(client):
    assert client.get("/blog/kategorie/gibt-es-nicht/").status_code == 404


def test_category_pages_are_paginated(client, make_post, category):
    for _ in range(12):
        make_post(categories=[category])
    second = client.get("/blog/kategorie/mobilitaet/?seite=2").content.decode()
    assert len(titles(second)) == 2
    assert '<a href="/blog/kategorie/mobilitaet/" rel="prev">Neuere Beiträge</a>' in second
    assert client.get("/blog/kategorie/mobilitaet/?seite=3").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_category_queries_do_not_grow_with_posts(
    client, make_post, category, django_assert_num_queries, count
):
    for _ in range(count):
        make_post(categories=[category])
    # Category, count, posts, their categories.
    with django_assert_num_queries(4):
        html = client.get("/blog/kategorie/mobilitaet/").content.decode()
    assert len(titles(html)) == min(count, 10)
