"""A text field whose value is sanitised on every write path.

Sanitising in `save()` missed `QuerySet.update()`, `bulk_create()` and imports;
`get_prep_value` runs for all of them, `pre_save` also cleans the instance so
it holds what the database holds. Templates still render with `|sanitize`
(one filter everywhere; it is cheap and protects rows written before this field).
"""

from django.db import models

from . import sanitize_html


class RichTextField(models.TextField):
    description = "HTML from editors, restricted to richtext.ALLOWED_TAGS"

    def pre_save(self, model_instance, add):
        value = sanitize_html(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else sanitize_html(value)

    def deconstruct(self):
        # Same column and the same migration state as a TextField: the sanitising
        # is Python-only, so switching a field to it needs no migration in any app.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
