"""Recordings on external video platforms, shown behind a two-click privacy embed.

Nothing is loaded from the platform until the visitor clicks (§ 25 TDDDG): the
page carries only a local placeholder, a notice naming the platform and its
operator, and a link out. static/js/embed.js turns the link into a button that
inserts the iframe; without JavaScript the link simply opens the video.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_EMBED_ORIGIN = "https://www.youtube-nocookie.com"
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


@dataclass(frozen=True)
class Recording:
    provider: str
    operator: str
    host: str
    watch_url: str
    # Empty when the video cannot be embedded here (unknown platform or not in
    # CSP_FRAME_SRC): then the page offers only the link out.
    embed_url: str = ""


def _youtube_id(parts) -> str:
    if parts.hostname == "youtu.be":
        candidate = parts.path.strip("/")
    elif parts.path.startswith(("/embed/", "/live/", "/shorts/")):
        candidate = parts.path.split("/")[2]
    else:
        candidate = parse_qs(parts.query).get("v", [""])[0]
    return candidate if VIDEO_ID.match(candidate) else ""


def recording_for(url: str) -> Recording | None:
    """What the visitor will load when playing `url`, or None without a URL."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        video_id = _youtube_id(parts)
        if video_id:
            allowed = YOUTUBE_EMBED_ORIGIN in settings.CSP_FRAME_SRC
            return Recording(
                provider="YouTube",
                operator="Google Ireland Limited",
                host="www.youtube-nocookie.com",
                watch_url=f"https://www.youtube.com/watch?v={video_id}",
                embed_url=f"{YOUTUBE_EMBED_ORIGIN}/embed/{video_id}" if allowed else "",
            )
    return Recording(provider=host, operator="", host=host, watch_url=url)
