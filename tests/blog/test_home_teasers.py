"""The home page teases posts and downloads with a fixed number of queries."""

import re

import pytest
from django.core.files.base import ContentFile

from downloads.models import Document
from tests.support.pdfs import make_pdf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 25])
def test_home_queries_do_not_grow_with_posts_and_documents(
    client, make_post, django_assert_num_queries, count
):
    for n in range(count):
        make_post(f"Geschichte {n}")
        Document.objects.create(
            slug=f"dok-{n}", title=f"Dokument {n}", year=2020, file=ContentFile(make_pdf(), "x.pdf")
        )
    # Current strategy version for the goals teaser (none here), newest posts, newest
    # documents, and the dialog's phase, events and themes.
    with django_assert_num_queries(6):
        html = client.get("/").content.decode()
    assert len(re.findall(r'<h3><a href="/blog/', html)) == min(count, 3)
    assert len(re.findall(r'<h3><a class="download-link"', html)) == min(count, 4)
