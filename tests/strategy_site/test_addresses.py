"""One identity rule: an address normalised once, the mailbox behind its spellings, and a
keyed hash that is still recognised after the secret key is rotated."""

import pytest

from common import addresses


@pytest.mark.parametrize(
    "spelling",
    [
        "x@example.org",
        "X@EXAMPLE.ORG",
        " x@example.org ",
        "x+umfrage@example.org",
        "x+@example.org",
    ],
)
def test_every_spelling_of_one_mailbox_is_one_mailbox(spelling):
    assert addresses.mailbox(spelling) == "x@example.org"


def test_different_mailboxes_stay_different():
    assert addresses.mailbox("x.y@example.org") != addresses.mailbox("xy@example.org")
    assert addresses.mailbox("x@example.org") != addresses.mailbox("x@example.com")
    assert addresses.normalised("x+tag@example.org") == "x+tag@example.org"  # kept for mail


def test_hashes_are_keyed_and_survive_a_key_rotation(settings):
    settings.SECRET_KEY = "old-key-" + "x" * 50
    (before,) = addresses.mailbox_hashes("x@example.org", "test")
    assert "x@example.org" not in before and len(before) == 64
    assert addresses.mailbox_hashes("x@example.org", "other") != [before]  # per purpose
    settings.SECRET_KEY = "new-key-" + "y" * 50
    settings.SECRET_KEY_FALLBACKS = ["old-key-" + "x" * 50]
    now = addresses.mailbox_hashes("X+1@example.org", "test")
    assert now[0] == addresses.keyed_hash("x@example.org", "test") != before
    assert before in now  # the rotated-out key's hash is still recognised
