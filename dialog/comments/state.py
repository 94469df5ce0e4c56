"""Comment state as QuerySet methods: the package's two flags read in one place.

waiting = confirmed but not yet released (not is_public), hidden = removed by
the moderation (is_removed). `comments()` starts a query over all comments of
this site; the methods narrow it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from dialog.comments.xtd import XtdComment


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What a visitor can read: released and not hidden."""
        return self.filter(is_public=True, is_removed=False)

    def waiting(self):
        """Confirmed, waiting for the moderation to release it."""
        return self.filter(is_public=False, is_removed=False)

    def hidden(self):
        return self.filter(is_removed=True)

    def released(self):
        """Released, hidden ones included: threads show those as placeholders."""
        return self.filter(is_public=True)

    def on(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        )

    def on_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


def comments() -> CommentQuerySet:
    """All comments of this site, without the package's related-object joins."""
    return CommentQuerySet(XtdComment).filter(site_id=settings.SITE_ID)
