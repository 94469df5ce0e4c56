"""One call makes a model commentable: `make_commentable(Model, ...)`.

A content app calls it once in its AppConfig.ready(), e.g. goals:

    make_commentable(
        Goal,
        describe=describe_goal,                        # export columns
        export_scopes=goal_export_scopes,              # "export comments of ..." choices
        prepare_export=lambda qs: qs.select_related("version", "field"),
        phases_of=lambda goal: goal.version.phases.all(),
        objects_of=lambda phase: Goal.objects.filter(version__phases=phase),
        group=Concat("field__number", Value(" "), "field__title"),
        group_name="Handlungsfeld",
    )

and gets, without any special case of its own:
- the comment policy (dialog/comments/commentable.py): the editor's switches
  (closed, note, pre-moderation) and any extra `rules`,
- the phase rule: open exactly while a phase of `phases_of(obj)` runs, with the
  phase named before and after; pre-moderation where the phase says so,
- the phase figures and the per-phase export (`objects_of`, `group`),
- counts, threads and the admin's comment lists (they ask the registry),
- `public`: the objects visitors may see (default: all); a comment post naming
  any other object, e.g. a draft post, is answered as if it did not exist,
- the "Kommentare" switches inline in the model's admin (`attach_admin_switches`).
"""

from collections.abc import Callable, Iterable

from django.db import models

from dialog.comments import commentable
from dialog.comments.commentable import CommentPolicy, ExportScope
from dialog.participation import phase_content
from dialog.participation.phase_rules import PhaseRule


def make_commentable(
    model: type[models.Model],
    *,
    describe: Callable[[models.Model], dict] | None = None,
    export_scopes: Callable[[], Iterable[ExportScope]] | None = None,
    prepare_export: Callable[[models.QuerySet], models.QuerySet] | None = None,
    rules: Iterable[object] = (),
    phases_of: Callable[[models.Model], Iterable] | None = None,
    objects_of: Callable[[object], models.QuerySet] | None = None,
    group: object = None,
    group_name: str = "",
    order: str | None = None,
    public: Callable[[], models.QuerySet] | None = None,
) -> CommentPolicy:
    rules = list(rules)
    if phases_of is not None:
        rules.append(PhaseRule(phases_of))
    policy = commentable.register(
        model,
        policy=CommentPolicy(
            rules=rules,
            describe=describe,
            export_scopes=export_scopes,
            prepare_export=prepare_export,
            public=public,
        ),
    )
    if objects_of is not None:
        if phases_of is None or group is None:
            raise ValueError("Phase figures need phases_of, objects_of and group together.")
        phase_content.register(
            model,
            phases_of=phases_of,
            objects_of=objects_of,
            group=group,
            group_name=group_name,
            order=order,
        )
    return policy


def attach_admin_switches(site) -> None:
    """Give every commentable model's admin the "Kommentare" switches inline.

    Runs once the admin has discovered every app's admin module (see
    strategy_site/package_apps.py), so no content app lists the inline itself.
    """
    from dialog.comments.admin import CommentOptionsInline

    for model in commentable.registered_models():
        if not site.is_registered(model):
            continue
        model_admin = site.get_model_admin(model)
        if CommentOptionsInline not in model_admin.inlines:
            model_admin.inlines = [*model_admin.inlines, CommentOptionsInline]
