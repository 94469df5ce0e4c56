"""Demo posts: stories around the known facts, one draft, one scheduled, examples marked."""

import re

import pytest
from django.core.files.storage import default_storage

from blog.models import Post

pytestmark = pytest.mark.django_db


def test_demo_has_published_stories_a_draft_and_a_scheduled_post(client, demo):
    html = client.get("/blog/").content.decode()
    listed = re.findall(r'class="post-card__title"><a href="/blog/([^/]+)/">', html)
    assert listed == list(Post.objects.published().values_list("slug", flat=True))
    assert len(listed) >= 5
    assert "rueckblick-online-phase-2021" not in listed
    assert "digitales-buergeramt" not in listed
    assert client.get("/blog/rueckblick-online-phase-2021/").status_code == 404
    assert client.get("/blog/digitales-buergeramt/").status_code == 404


def test_demo_stories_with_invented_detail_say_so(client, demo):
    html = client.get("/blog/mobil-nrw-app/").content.decode()
    assert "<strong>Beispielinhalt:</strong> Dieser Beitrag der Demo-Website" in html
    # The purely factual ones carry no such note.
    assert "Beispielinhalt" not in client.get("/blog/digitalkonferenz-2018/").content.decode()


def test_demo_story_links_the_progress_report_download(client, demo):
    html = client.get("/blog/fortschrittsbericht-2020/").content.decode()
    assert '<a href="/downloads/fortschrittsbericht-2020/" rel="noopener noreferrer">' in html
    assert client.get("/downloads/fortschrittsbericht-2020/")["Content-Type"] == "application/pdf"


def test_demo_image_has_its_alt_text(client, demo):
    html = client.get("/blog/digitalstrategie-2-0/").content.decode()
    assert 'alt="Grafik: 18 Kästchen für die 18 kurzfristigen Ziele' in html
    # The generated image was stored in both sizes (the URLconf's media view keeps
    # the MEDIA_ROOT of the first test, so the files are checked in storage).
    post = Post.objects.get(slug="digitalstrategie-2-0")
    src = re.search(r'<img src="([^"]+)"', html).group(1)
    assert src == post.image.url
    assert default_storage.exists(post.image.name) and default_storage.exists(post.image_small.name)


def test_home_page_teases_the_three_newest_stories(client, demo):
    html = client.get("/").content.decode()
    section = re.search(r'<section aria-labelledby="blog-teaser">.*?</section>', html, re.S).group(
        0
    )
    assert re.findall(r'<h3><a href="/blog/([^/]+)/">', section) == list(
        Post.objects.published().values_list("slug", flat=True)[:3]
    )


def test_demo_stories_link_their_goals_both_ways(client, demo):
    post = Post.objects.get(slug="gewerbe-service-portal")
    goals = {(g.version.slug, g.title) for g in post.related_goals.select_related("version")}
    assert goals == {
        (
            "2019",
            "Alle Verfahren rund um das Gewerbe vollständig digital anbieten "
            "(Gewerbe-Service-Portal.NRW)",
        ),
        ("2-0", "Das digitale Gewerbeamt bis Ende 2022 starten"),
    }
    for goal in post.related_goals.all():
        html = client.get(goal.get_absolute_url()).content.decode()
        assert (
            '<a href="/blog/gewerbe-service-portal/">Gewerbe anmelden ohne Behördengang</a>' in html
        )
    # The scheduled post is linked too, but does not show on the goal page yet.
    buergeramt = Post.objects.get(slug="digitales-buergeramt").related_goals.get()
    assert (
        "/blog/digitales-buergeramt/"
        not in client.get(buergeramt.get_absolute_url()).content.decode()
    )
