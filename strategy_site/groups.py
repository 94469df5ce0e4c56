"""The two staff groups and exactly the permissions their names promise.

"Redaktion" edits content: service pages, strategy and goals, blog,
downloads and the participation content of dialog. "Moderation" moderates
comments and reads accessibility feedback. Neither gets the other's rights;
nobody deletes comments in the admin (nothing is hard-deleted: hiding is the tool).
"""

from django.db.models import Q

from common.groups import MODERATION, REDAKTION

# Apps whose every model is editorial content.
EDITORIAL_APPS = ("flatpages", "goals", "blog", "downloads", "dialog")
# Models inside editorial apps that hold moderation data instead of content.
MODERATION_MODELS = {
    ("dialog", "commentreport"),
    ("dialog", "commentmoderation"),
    # Admin queues (proxies of the package's comment model).
    ("dialog", "waitingcomment"),
    ("dialog", "reportedcomment"),
    # Organisations' statements: published, rejected and decided on by the moderation.
    ("dialog", "statement"),
    # What authors did to their comments in "Meine Beiträge": never edited by staff.
    ("dialog", "authorchange"),
}
# (app_label, model, actions) a moderator may use. No "delete": hiding is the tool.
MODERATION_PERMISSIONS = [
    ("django_comments", "comment", ("view", "change", "can_moderate")),
    ("django_comments", "commentflag", ("view", "change")),
    ("django_comments_xtd", "xtdcomment", ("view", "change")),
    ("dialog", "commentreport", ("view", "change")),
    ("dialog", "commentmoderation", ("view", "change", "export_comments")),
    ("dialog", "waitingcomment", ("view", "change")),
    ("dialog", "reportedcomment", ("view", "change")),
    ("dialog", "statement", ("view", "change")),
    # Citizens' ideas: published, hidden, marked "in Prüfung" and answered (with the editors).
    ("goals", "idea", ("view", "change")),
    ("goals", "ideareport", ("view",)),
    # Wording suggestions on the strategy text: the same (editors also adopt them).
    ("goals", "suggestion", ("view", "change")),
    ("goals", "suggestionreport", ("view",)),
    # To find a phase and export its comments for evaluation (the action on the phase list).
    ("dialog", "phase", ("view",)),
    ("strategy_site", "accessibilityfeedback", ("view", "change")),
    # The log of "Meine Beiträge" (no addresses), and erasing an address on a written request.
    ("selfservice", "event", ("view", "erase_address")),
]


CUSTOM_PERMISSIONS = {"can_moderate", "export_comments", "erase_address"}

# Alert subscribers: the Redaktion sees counts per topic only (the admin shows
# addresses to superusers alone), and there is no export.
# Newsletters are theirs to write and release.
REDAKTION_ALERT_PERMISSIONS = Q(content_type__app_label="alerts", codename="view_subscription") | Q(
    content_type__app_label="alerts", content_type__model="newsletter"
)


def redaktion_permissions(Permission):
    query = Permission.objects.filter(content_type__app_label__in=EDITORIAL_APPS)
    for app_label, model in MODERATION_MODELS:
        query = query.exclude(content_type__app_label=app_label, content_type__model=model)
    return query | Permission.objects.filter(REDAKTION_ALERT_PERMISSIONS)


def moderation_permissions(Permission):
    condition = Q(pk__in=[])
    for app_label, model, actions in MODERATION_PERMISSIONS:
        # Custom permissions ("can_moderate", "export_comments") keep their own codename.
        codenames = [a if a in CUSTOM_PERMISSIONS else f"{a}_{model}" for a in actions]
        condition |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=codenames,
        )
    return Permission.objects.filter(condition)


def staff_group_defaults(using="default"):
    """(group name, permission QuerySet) for both groups, every app's permissions created."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission

    for config in global_apps.get_app_configs():
        if config.models_module:
            create_permissions(config, verbosity=0, using=using)
    return (
        (REDAKTION, redaktion_permissions(Permission).using(using)),
        (MODERATION, moderation_permissions(Permission).using(using)),
    )


def create_staff_groups(sender=None, using="default", **kwargs):
    """post_migrate: create a missing group with its default permissions.

    An existing group is left as it is: an administrator may have granted or
    withdrawn rights, and a migration must not silently undo that. Resetting
    both groups to the defaults is the explicit `manage.py sync_staff_groups`.

    post_migrate is sent once per app with models, and our receiver runs
    before auth's for the same app. So we act only for the last such app (and
    create every app's permissions first).
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group

    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender is not None and sender is not with_models[-1]:
        return
    for name, permissions in staff_group_defaults(using):
        group, created = Group.objects.using(using).get_or_create(name=name)
        if created:
            group.permissions.set(permissions)


def sync_staff_groups(using="default"):
    """Reset both groups to exactly their default permissions; returns what changed."""
    from django.contrib.auth.models import Group

    changes = []
    for name, permissions in staff_group_defaults(using):
        group, _ = Group.objects.using(using).get_or_create(name=name)
        before = set(group.permissions.values_list("pk", flat=True))
        after = set(permissions.values_list("pk", flat=True))
        group.permissions.set(after)
        changes.append((name, len(after - before), len(before - after)))
    return changes
