"""Comment URLs, included at /kommentare/ without a namespace.

The package reverses "comments-xtd-confirm", "comments-xtd-mute" and
"comments-post-comment" by these bare names, so they cannot live under the
"dialog:" namespace. Only the views the site uses are listed: including the
package's urls whole would also publish its JSON API (comments and
Gravatar hashes of commenters).
"""

from django.urls import path

import common.bounds  # noqa: F401  (registers the <id:…> converter)
from dialog.comments import views as comments

urlpatterns = [
    path("senden/", comments.post_comment, name="comments-post-comment"),
    path("gesendet/", comments.sent, name="comment-sent"),
    path("bestaetigen/<str:token>/", comments.confirm, name="comments-xtd-confirm"),
    # One click, no login; the package reverses this name for its mute links.
    path("abbestellen/<str:token>/", comments.unsubscribe, name="comments-xtd-mute"),
    path("<id:pk>/", comments.permalink, name="comment-permalink"),
    path("<id:pk>/antworten/", comments.reply, name="comment-reply"),
    path("<id:pk>/melden/", comments.report, name="comment-flag"),
    path("<id:pk>/gemeldet/", comments.reported, name="comment-reported"),
]
