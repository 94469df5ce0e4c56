"""Helpers for tests that post comments (dialog, goals, blog)."""

import re

from dialog.comments.forms import CommentForm


def form_data(target, **fields):
    """A valid POST for the comment form, with fresh security data."""
    data = CommentForm(target).initial.copy()
    data.update(
        {
            "content_type": f"{target._meta.app_label}.{target._meta.model_name}",
            "object_pk": str(target.pk),
            "name": "Paula Pseudonym",
            "email": "paula@example.org",
            "comment": "Mehr Glasfaser auf dem Land, bitte.",
            "reply_to": "0",
            "honeypot": "",
        }
    )
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def link_in(message, path_prefix):
    match = re.search(r"https?://[^\s]+(" + re.escape(path_prefix) + r"[^\s]+)", message.body)
    assert match, f"no {path_prefix} link in:\n{message.body}"
    return match.group(1)
