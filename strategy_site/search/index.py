"""Keeping the search index current: on every save and delete, and by a full rebuild.

The database turns entries into its own index (triggers, see backends); this
module decides what an entry holds. Objects whose entry depends on another
object (a goal's status on its reports) are refreshed when that one is saved.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from goals.models import FieldOfAction, Goal, StatusReport
from strategy_site.models import SearchEntry, SearchWord

from .sources import BY_MODEL, SOURCES, Source
from .words import stems, words

MAX_TITLE = 400
MAX_URL = 500
# Words offered as suggestions: real words, not numbers or fragments.
SUGGESTION_LENGTH = (4, 60)


def update(obj) -> None:
    """Write obj's entry as it is now, or remove it if obj is not (or no longer) public."""
    source = BY_MODEL.get(type(obj))
    if source is None:
        return
    public = source.public().filter(pk=obj.pk).first()
    content_type = ContentType.objects.get_for_model(source.model)
    if public is None:
        SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        return
    _write(source, content_type, public)


def remove(obj) -> None:
    source = BY_MODEL.get(type(obj))
    if source is not None:
        content_type = ContentType.objects.get_for_model(source.model)
        SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def rebuild(report=print) -> int:
    """Build the whole index anew from every public object; returns the number of entries."""
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        for source in SOURCES:
            content_type = ContentType.objects.get_for_model(source.model)
            count = 0
            for obj in source.public().iterator(chunk_size=500):
                _write(source, content_type, obj)
                count += 1
            report(f"{source.label}: {count}")
            total += count
    return total


def _write(source: Source, content_type, obj) -> None:
    entry = source.entry(obj)
    SearchEntry.objects.update_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={
            "kind": source.kind,
            "title": entry.title[:MAX_TITLE],
            "body": entry.body,
            "url": entry.url[:MAX_URL],
            "version_id": entry.version_id,
            "status": entry.status,
            "stemmed_title": " ".join(stems(entry.title)),
            "stemmed_body": " ".join(stems(entry.body)),
        },
    )
    if source.suggestible(obj):
        low, high = SUGGESTION_LENGTH
        found = {
            w for w in words(f"{entry.title} {entry.body}") if low <= len(w) <= high and w.isalpha()
        }
        SearchWord.objects.bulk_create(
            [SearchWord(word=w) for w in found], ignore_conflicts=True, batch_size=500
        )


# Updates run at once, inside the saving transaction: a rolled-back save rolls its
# index row back too, and the next query in the same request already finds it.


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures bring their index rows with them
        update(instance)


def _on_delete(sender, instance, **kwargs):
    remove(instance)


def _on_report(sender, instance, raw=False, **kwargs):
    # A goal's entry names its current status, which comes from its reports.
    if not raw:
        update(instance.goal)


def _on_report_delete(sender, instance, **kwargs):
    goal = Goal.objects.filter(pk=instance.goal_id).first()
    if goal is not None:
        update(goal)


def _on_field(sender, instance, raw=False, **kwargs):
    # Goal entries carry their field's title.
    if not raw:
        for goal in instance.goals.all():
            update(goal)


def _on_page_sites(sender, instance, action, **kwargs):
    # The admin saves a page before its sites: public only once a site is added.
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, FlatPage):
        update(instance)


def connect() -> None:
    for source in SOURCES:
        post_save.connect(_on_save, sender=source.model, dispatch_uid=f"search-{source.kind}")
        post_delete.connect(
            _on_delete, sender=source.model, dispatch_uid=f"search-del-{source.kind}"
        )
    post_save.connect(_on_report, sender=StatusReport, dispatch_uid="search-report")
    post_delete.connect(_on_report_delete, sender=StatusReport, dispatch_uid="search-report-del")
    post_save.connect(_on_field, sender=FieldOfAction, dispatch_uid="search-field-goals")
    m2m_changed.connect(_on_page_sites, sender=FlatPage.sites.through, dispatch_uid="search-sites")
