"""Revisions of editorial content: every save kept with who and when (django-simple-history),
two revisions compared field by field in the admin, one restored (Redaktion only).

A model takes part with `history = revisions.history()` and its admin with `RevisionAdmin`.
The package's own "Wiederherstellen" form is switched off (SIMPLE_HISTORY_REVERT_DISABLED):
it saves through the model's admin form, which for a chapter would re-split its pasted text
and for a paragraph has no fields. Restoring here writes the revision's values back and
records that as a revision of its own.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalRecords

from .groups import REDAKTION

# How a text field's two values are shown side by side; the strategy's word difference
# (goals/text/difference.py) is registered by goals, which this module cannot import.
_text_difference = None


def register_text_difference(function) -> None:
    """`function(old, new)` returns safe HTML marking deleted and inserted words."""
    global _text_difference
    _text_difference = function


def history(**options) -> HistoricalRecords:
    """The revision history of an editorial model, the same options everywhere."""
    return HistoricalRecords(**options)


def may_restore(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=REDAKTION).exists())


def when(record) -> str:
    return date_format(timezone.localtime(record.history_date), "j. F Y, H:i") + " Uhr"


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    difference: str = ""


def _shown(model, name: str, value) -> str:
    field = model._meta.get_field(name)
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"(gelöscht, Nr. {value})"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if hasattr(value, "strftime"):
        return date_format(value, "j. F Y")
    return str(value)


def field_changes(model, older, newer) -> list[FieldChange]:
    """What differs between two revisions, field by field in the form's order."""
    delta = newer.diff_against(older)
    changed = set(delta.changed_fields)
    found = []
    for field in model._meta.concrete_fields:
        if field.name not in changed:
            continue
        old = getattr(older, field.attname)
        new = getattr(newer, field.attname)
        old_text, new_text = _shown(model, field.name, old), _shown(model, field.name, new)
        difference = ""
        # Long texts word by word; short ones (titles, dates) side by side.
        long_text = (
            isinstance(field, models.TextField) and isinstance(old, str) and isinstance(new, str)
        )
        if long_text and _text_difference is not None:
            difference = _text_difference(old, new)
        found.append(FieldChange(str(field.verbose_name), old_text, new_text, difference))
    return found


class RevisionAdmin(SimpleHistoryAdmin):
    """The history page lists every revision with who and when; two chosen ones are
    compared on a page of their own, which also restores the older one."""

    object_history_template = "admin/revisions/object_history.html"
    compare_template = "admin/revisions/compare.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path(
                "<path:object_id>/history/vergleich/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_revisions_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/wiederherstellen/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_revisions_restore".format(*info),
            ),
        ]
        # Before the package's "<id>/history/<revision>/", which would take these paths.
        return own + super().get_urls()

    def history_view(self, request, object_id, extra_context=None):
        context = {
            "compare_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revisions_compare",
                args=[object_id],
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context=context)

    def _object_and_records(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj, obj.history.select_related("history_user")

    def compare_view(self, request, object_id):
        obj, records = self._object_and_records(request, object_id)
        chosen = {}
        for key in ("von", "bis"):
            value = request.GET.get(key, "")
            if value.isdigit():
                chosen[key] = records.filter(history_id=value).first()
        newest_two = list(records.order_by("-history_date", "-history_id")[:2])
        if not chosen.get("bis") and newest_two:
            chosen["bis"] = newest_two[0]
        if not chosen.get("von") and len(newest_two) > 1:
            chosen["von"] = newest_two[1]
        older, newer = chosen.get("von"), chosen.get("bis")
        if older is None or newer is None:
            messages.info(request, "Zum Vergleichen braucht es zwei gespeicherte Fassungen.")
            return redirect(self._history_url(obj))
        if (older.history_date, older.history_id) > (newer.history_date, newer.history_id):
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Fassungen vergleichen: {obj}",
            "older": older,
            "newer": newer,
            "older_when": when(older),
            "newer_when": when(newer),
            "changes": field_changes(self.model, older, newer),
            "history_url": self._history_url(obj),
            "restore_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revisions_restore",
                args=[obj.pk],
            ),
            "may_restore": self.may_restore(request, obj),
        }
        return TemplateResponse(request, self.compare_template, context)

    def restore_view(self, request, object_id):
        if request.method != "POST":
            raise Http404
        obj, records = self._object_and_records(request, object_id)
        if not self.may_restore(request, obj):
            raise PermissionDenied
        value = request.POST.get("revision", "")
        record = records.filter(history_id=value).first() if value.isdigit() else None
        if record is None:
            raise Http404
        restored = record.instance
        # The row exists: validate and save it as the stored object, not as a new one.
        restored._state.adding = False
        try:
            restored.full_clean()
        except ValidationError as error:
            messages.error(
                request,
                f"Die Fassung vom {when(record)} lässt sich nicht wiederherstellen: "
                + " ".join(error.messages),
            )
            return redirect(self._history_url(obj))
        restored._change_reason = f"Fassung vom {when(record)} wiederhergestellt"
        restored._history_user = request.user
        with transaction.atomic():
            restored.save()
            self.log_change(request, restored, restored._change_reason)
        messages.success(request, f"{restored._change_reason}.")
        return redirect(self._history_url(obj))

    def may_restore(self, request, obj) -> bool:
        """Redaktion (or an administrator) with the right to change the object."""
        return may_restore(request.user) and self.has_change_permission(request, obj)

    def _history_url(self, obj) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk])
