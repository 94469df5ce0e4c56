"""An existing Moderation group gains the rights on wording suggestions.

strategy_site/groups.py gives them to a group created from now on; a group that exists
already is never reset by a migration (an administrator may have changed it), but this
new model's rights are added, so moderators can work on suggestions after the upgrade without
`manage.py sync_staff_groups`.
"""

from django.db import migrations

# (model, codename, name): suggestions to moderate, and the reports shown beside them.
RIGHTS = [
    ("suggestion", "view_suggestion", "Can view Formulierungsvorschlag"),
    ("suggestion", "change_suggestion", "Can change Formulierungsvorschlag"),
    ("suggestionreport", "view_suggestionreport", "Can view Meldung zu einem Formulierungsvorschlag"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    group = Group.objects.using(db).filter(name="Moderation").first()
    if group is None:
        return  # created with every right by the post_migrate handler
    for model, codename, name in RIGHTS:
        content_type, _ = ContentType.objects.using(db).get_or_create(
            app_label="goals", model=model
        )
        permission, _ = Permission.objects.using(db).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0012_wording_suggestions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
