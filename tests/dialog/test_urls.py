"""Only the comment views the site uses are reachable; the package's JSON API is not."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/comments/api/",
        "/comments/api/flatpages-flatpage/1/",
        "/kommentare/api/",
        "/kommentare/api/flatpages-flatpage/1/",
        "/comments/post/",
        "/kommentare/like/1/",
        "/kommentare/flag/1/",
    ],
)
def test_package_api_and_unused_views_are_404(client, url, target, add_comment):
    add_comment(target, "Geheim? Nein, aber nicht per API.")
    response = client.get(url)
    assert response.status_code == 404
    assert "Geheim?" not in response.content.decode()
