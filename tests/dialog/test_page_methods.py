"""The dialog's reading pages answer GET and HEAD only."""

import pytest

from .factories import berlin, make_event, make_phase, make_theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/dialog/",
        "/dialog/phasen/{phase}/",
        "/dialog/themen/{theme}/",
        "/veranstaltungen/",
        "/veranstaltungen/{event}/",
        "/veranstaltungen.ics",
        "/veranstaltungen/{event}.ics",
    ],
)
def test_reading_pages_refuse_posts(client, url):
    # Comments go to the comment views; a POST here must not render the page as if accepted.
    phase = make_phase(berlin(2019, 5, 6), berlin(2019, 11, 23))
    theme = make_theme(phase)
    event = make_event(berlin(2019, 6, 18, 17), berlin(2019, 6, 18, 20))
    url = url.format(phase=phase.slug, theme=theme.slug, event=event.slug)
    assert client.get(url).status_code == 200
    # A visitor's bare POST is refused by the CSRF check before the view ...
    refused = client.post(url, {"comment": "Hallo"})
    assert refused.status_code == 403
    assert "Hallo" not in refused.content.decode()
    # ... and with a valid token, by the view, which names what it allows.
    response = client.post_holding_a_token(url, {"comment": "Hallo"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
