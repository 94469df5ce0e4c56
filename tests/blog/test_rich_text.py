"""Post bodies are sanitised on every write path and rendered inert.

Bad input tried: a <script> element, an onclick handler and a javascript: link,
written through bulk_create() and QuerySet.update() (both skip save()).
"""

from django.utils import timezone

from blog.models import Post

UNSAFE = (
    '<p onclick="steal()">Hallo <a href="javascript:alert(1)">Link</a></p>'
    "<script>alert('x')</script>"
)


def assert_inert(html):
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html


def test_bulk_create_stores_the_body_sanitised_and_the_page_renders_it_inert(client, db):
    Post.objects.bulk_create(
        [
            Post(
                title="Import",
                slug="import",
                teaser="Anreißer",
                body=UNSAFE,
                status=Post.Status.PUBLISHED,
                published_at=timezone.now(),
            )
        ]
    )
    stored = Post.objects.values_list("body", flat=True).get()
    assert stored.startswith("<p>Hallo <a")
    assert_inert(stored)
    page = client.get("/blog/import/").content.decode()
    assert "Hallo" in page
    assert_inert(page.split('<div class="prose">', 1)[1].split("</div>", 1)[0])


def test_update_stores_the_body_sanitised(make_post):
    post = make_post()
    Post.objects.filter(pk=post.pk).update(body=UNSAFE)
    stored = Post.objects.values_list("body", flat=True).get()
    assert "Hallo" in stored
    assert_inert(stored)


def test_save_leaves_the_instance_equal_to_the_stored_body(make_post):
    post = make_post(body=UNSAFE)
    assert post.body == Post.objects.values_list("body", flat=True).get()
    assert_inert(post.body)
