"""Which models take comments, and the policy that governs each one.

dialog knows no content app. A content app registers its model in its
AppConfig.ready():

    from dialog.comments import commentable
    commentable.register(Goal, policy=commentable.CommentPolicy(describe=describe_goal))

A policy answers, per object, whether commenting is open, what to show
instead of the form when it is not, and whether new comments wait for a
moderator. The default reads the editor's CommentOptions for the object;
further rules (e.g. participation phases) are added as objects with any of
the methods `is_open(obj)`, `premoderated(obj)`, `closed_note(obj)`
returning a value, or None for "no opinion". Any rule may close commenting
or switch on pre-moderation; none can open what the editor closed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

DEFAULT_CLOSED_NOTE = (
    "Die Kommentarfunktion ist hier geschlossen. Sie können die bisherigen Kommentare weiter lesen."
)


@dataclass(frozen=True)
class ExportScope:
    """A set of commentable objects staff can export comments for, e.g. one strategy version."""

    key: str
    label: str
    group: str
    objects: models.QuerySet


class NotCommentable(LookupError):
    pass


class CommentPolicy:
    """Rules for the comments on one model's objects; subclass it or pass rules."""

    def __init__(
        self,
        rules: Iterable[object] = (),
        describe: Callable[[models.Model], dict] | None = None,
        export_scopes: Callable[[], Iterable[ExportScope]] | None = None,
        prepare_export: Callable[[models.QuerySet], models.QuerySet] | None = None,
        public: Callable[[], models.QuerySet] | None = None,
    ):
        self.rules = list(rules)
        self._public = public
        self._describe = describe
        self._export_scopes = export_scopes
        self._prepare_export = prepare_export

    def public_objects(self, model) -> models.QuerySet:
        """The objects a visitor may see: a form post naming any other (a draft) finds nothing."""
        return self._public() if self._public else model._default_manager.all()

    # -- the editor's switches -------------------------------------------------
    def options(self, obj):
        """The object's CommentOptions or None; cached on the object (one query per request)."""
        from dialog.comments.models import CommentOptions

        if not hasattr(obj, "_dialog_comment_options"):
            obj._dialog_comment_options = CommentOptions.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
            ).first()
        return obj._dialog_comment_options

    def _verdicts(self, name, obj):
        for rule in self.rules:
            method = getattr(rule, name, None)
            if method is not None:
                verdict = method(obj)
                if verdict is not None:
                    yield verdict

    # -- what views and templates ask ------------------------------------------
    def is_open(self, obj) -> bool:
        options = self.options(obj)
        if options is not None and options.closed:
            return False
        return all(self._verdicts("is_open", obj))

    def closed_note(self, obj) -> str:
        options = self.options(obj)
        if options is not None and options.closed:
            return options.closed_note or DEFAULT_CLOSED_NOTE
        for rule in self.rules:
            rule_is_open = getattr(rule, "is_open", None)
            if rule_is_open and rule_is_open(obj) is False and hasattr(rule, "closed_note"):
                note = rule.closed_note(obj)
                if note:
                    return note
        return DEFAULT_CLOSED_NOTE

    def premoderated(self, obj) -> bool:
        options = self.options(obj)
        if options is not None and options.premoderated:
            return True
        return any(self._verdicts("premoderated", obj))

    # -- evaluation ------------------------------------------------------------
    def describe(self, obj) -> dict:
        """Columns for the export: {"version": ..., "number": ..., "field": ...}; empty by default."""
        described = {"version": "", "number": "", "field": ""}
        if self._describe is not None and obj is not None:
            described.update(self._describe(obj))
        return described

    def export_scopes(self) -> list[ExportScope]:
        return list(self._export_scopes()) if self._export_scopes else []

    def prepare_export(self, queryset: models.QuerySet) -> models.QuerySet:
        """Let the content app add select_related for describe() and get_absolute_url().

        Used by the export and the admin's comment lists, so neither runs a query per object.
        """
        return self._prepare_export(queryset) if self._prepare_export else queryset


_registry: dict[type[models.Model], CommentPolicy] = {}


def register(model: type[models.Model], policy: CommentPolicy | None = None) -> CommentPolicy:
    _registry[model] = policy or CommentPolicy()
    return _registry[model]


def unregister(model: type[models.Model]) -> None:
    _registry.pop(model, None)


def add_rule(model: type[models.Model], rule: object) -> None:
    """Add a rule (e.g. a participation phase) to an already registered model."""
    policy_for(model).rules.append(rule)


def is_commentable(model_or_obj) -> bool:
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    return model._meta.concrete_model in _registry


def policy_for(model_or_obj) -> CommentPolicy:
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    try:
        return _registry[model._meta.concrete_model]
    except KeyError:
        raise NotCommentable(model._meta.label) from None


def registered_models() -> list[type[models.Model]]:
    return list(_registry)
