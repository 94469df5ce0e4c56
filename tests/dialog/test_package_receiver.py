"""Start-up check that the package receiver we disconnect is really there."""

import types

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal
from django_comments_xtd.models import TmpXtdComment

from dialog.apps import disconnect_package_receiver


def receiver(sender, **kwargs):
    return "mailed"


def test_connected_receiver_is_disconnected():
    signal = Signal()
    signal.connect(receiver, sender=TmpXtdComment)
    views = types.SimpleNamespace(on_comment_was_posted=receiver)

    disconnect_package_receiver(signal, views, TmpXtdComment)

    assert signal.send(sender=TmpXtdComment) == []


def test_renamed_receiver_stops_start_up():
    views = types.SimpleNamespace()

    with pytest.raises(ImproperlyConfigured, match="no longer exists"):
        disconnect_package_receiver(Signal(), views, TmpXtdComment)


def test_receiver_that_was_never_connected_stops_start_up():
    views = types.SimpleNamespace(on_comment_was_posted=receiver)

    with pytest.raises(ImproperlyConfigured, match="was not connected"):
        disconnect_package_receiver(Signal(), views, TmpXtdComment)


def test_package_receiver_is_not_connected_after_start_up():
    from django_comments.signals import comment_was_posted
    from django_comments_xtd import views as xtd_views

    # ready() already took it off, so a second disconnect finds nothing.
    assert not comment_was_posted.disconnect(xtd_views.on_comment_was_posted, sender=TmpXtdComment)
