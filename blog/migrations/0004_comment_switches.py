"""Blog's own `comments_enabled` switch becomes the CommentOptions every commentable model has.

A post with comments switched off gets options "closed" with the note it showed
before; then the field goes. Backwards, closed options turn the switch off again.
"""

from django.db import migrations, models

CLOSED_NOTE = (
    "Zu diesem Beitrag sind keine Kommentare vorgesehen. Zu den Zielen der Strategie "
    "können Sie auf deren Seiten mitdiskutieren."
)


def _post_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="blog", model="post")[0]


def to_options(apps, schema_editor):
    Post = apps.get_model("blog", "Post")
    CommentOptions = apps.get_model("dialog", "CommentOptions")
    closed = list(Post.objects.filter(comments_enabled=False).values_list("pk", flat=True))
    if not closed:
        return
    post_type = _post_type(apps)
    for pk in closed:
        CommentOptions.objects.update_or_create(
            content_type=post_type,
            object_pk=str(pk),
            defaults={"closed": True, "closed_note": CLOSED_NOTE},
        )


def from_options(apps, schema_editor):
    Post = apps.get_model("blog", "Post")
    CommentOptions = apps.get_model("dialog", "CommentOptions")
    post_type = _post_type(apps)
    closed = CommentOptions.objects.filter(content_type=post_type, closed=True)
    Post.objects.filter(pk__in=[int(o.object_pk) for o in closed]).update(comments_enabled=False)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_related_themes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("dialog", "0002_participation"),
    ]

    operations = [
        migrations.RunPython(to_options, from_options),
        migrations.RemoveField(model_name="post", name="comments_enabled"),
    ]
