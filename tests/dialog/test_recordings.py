"""Which recording addresses become a two-click embed, and what is loaded from whom."""

import pytest

from dialog.participation.recordings import recording_for


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube-nocookie.com/embed/Beispiel-20",
        "https://www.youtube.com/watch?v=Beispiel-20&t=30",
        "https://youtu.be/Beispiel-20",
        "https://www.youtube.com/live/Beispiel-20",
    ],
)
def test_youtube_addresses_embed_from_the_nocookie_host(url):
    recording = recording_for(url)
    assert recording.provider == "YouTube"
    assert recording.operator == "Google Ireland Limited"
    assert recording.embed_url == "https://www.youtube-nocookie.com/embed/Beispiel-20"
    assert recording.watch_url == "https://www.youtube.com/watch?v=Beispiel-20"


def test_no_embed_when_the_host_is_not_allowed_in_the_csp(settings):
    settings.CSP_FRAME_SRC = []
    recording = recording_for("https://www.youtube-nocookie.com/embed/Beispiel-20")
    assert recording.embed_url == ""
    assert recording.watch_url == "https://www.youtube.com/watch?v=Beispiel-20"


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/12345",
        # Not a video id: never built into an iframe address.
        "https://www.youtube.com/watch?v=%22%3E%3Cscript%3E",
        "https://www.youtube.com/embed/../../evil",
    ],
)
def test_anything_else_is_only_a_link_out(url):
    recording = recording_for(url)
    assert recording.embed_url == ""
    assert recording.watch_url == url


def test_no_recording_without_address():
    assert recording_for("") is None
