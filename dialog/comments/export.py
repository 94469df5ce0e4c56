"""Comment export for evaluation: CSV and XLSX with the same columns.

Objects are described by their content app through the registry (goal
number, field of action), fetched in one query per commented model. Cells
that start with = + - @ (or a tab/carriage return) get a leading apostrophe,
so a spreadsheet never runs a visitor's text as a formula.
"""

import io
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Count, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from common.spreadsheet import BYTE_ORDER_MARK, csv_writer, neutralise_cell, xlsx_cell
from dialog.comments import commentable, state
from dialog.comments.models import Channel
from dialog.comments.threads import hidden_reason, is_official, sender_of

COLUMNS = [
    ("id", "ID"),
    ("object", "Objekt"),
    ("object_type", "Art"),
    ("version", "Fassung"),
    ("number", "Nummer"),
    ("field", "Handlungsfeld"),
    ("chapter", "Kapitel"),
    ("paragraph", "Absatz"),
    ("parent_id", "Antwort auf ID"),
    ("level", "Ebene"),
    ("name", "Name"),
    ("text", "Text"),
    ("state", "Status"),
    ("reports", "Meldungen"),
    ("created", "Erstellt"),
    ("official", "Offiziell"),
    ("sender_kind", "Schreibt als"),
    ("organisation", "Organisation"),
    ("channel", "Eingang"),
    ("decision", "Entscheidung"),
    ("decision_reason", "Begründung der Entscheidung"),
]
EMAIL_COLUMN = ("email", "E-Mail")
ALL = "alle"


def state_of(comment) -> str:
    if state.is_hidden(comment):
        reason = hidden_reason(comment)
        return f"verborgen ({reason})" if reason else "verborgen"
    if state.is_waiting(comment):
        return "wartet auf Freigabe"
    return "veröffentlicht"


def _decision(comment):
    try:
        return comment.decision
    except ObjectDoesNotExist:
        return None


@dataclass
class Export:
    headers: list[str]
    rows: list[list]


def _model_key(model) -> str:
    return model._meta.label_lower


def scope_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for the export form: everything, per model, per content-app scope."""
    groups = [("Alle", [(ALL, "Alle Kommentare")])]
    for model in commentable.registered_models():
        key = _model_key(model)
        options = [(key, f"Alle Kommentare zu {model._meta.verbose_name_plural}")]
        by_group: dict[str, list] = {}
        for scope in commentable.policy_for(model).export_scopes():
            by_group.setdefault(scope.group, []).append((f"{key}:{scope.key}", scope.label))
        groups.append((str(model._meta.verbose_name_plural), options))
        groups.extend(by_group.items())
    return groups


def comments_for_scope(key: str) -> QuerySet:
    comments = state.comments()
    if key == ALL:
        return comments
    model_key, _, scope_key = key.partition(":")
    model = next(m for m in commentable.registered_models() if _model_key(m) == model_key)
    comments = comments.filter(content_type=ContentType.objects.get_for_model(model))
    if not scope_key:
        return comments
    scope = next(s for s in commentable.policy_for(model).export_scopes() if s.key == scope_key)
    pks = scope.objects.annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")
    return comments.filter(object_pk__in=Subquery(pks))


def build_export(comments: QuerySet, include_email: bool = False) -> Export:
    """The whole export in memory (for XLSX and tests); CSV streams `export_rows`."""
    headers, rows = export_rows(comments, include_email)
    return Export(headers, list(rows))


def export_rows(comments: QuerySet, include_email: bool = False):
    """(headers, rows): the rows a generator reading the comments in chunks, so an
    export of tens of thousands of comments never holds them all at once."""
    comments = (
        comments.select_related("user", "content_type", "moderation", "decision", "sender")
        .annotate(report_count=Count("reports"))
        .order_by("content_type_id", "object_pk", "thread_id", "order")
    )
    objects = {}
    by_type: dict[int, set[str]] = {}
    for ct_id, pk in comments.order_by().values_list("content_type_id", "object_pk").distinct():
        by_type.setdefault(ct_id, set()).add(pk)
    for ct_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:
            continue
        policy = (
            commentable.policy_for(model)
            if commentable.is_commentable(model)
            else commentable.CommentPolicy()
        )
        found = policy.prepare_export(model._default_manager.filter(pk__in=pks))
        for obj in found:
            objects[(ct_id, str(obj.pk))] = (obj, policy)

    columns = COLUMNS + ([EMAIL_COLUMN] if include_email else [])
    return [label for _, label in columns], _rows(comments, objects, columns)


def _rows(comments, objects, columns):
    for c in comments.iterator(chunk_size=2000):
        obj, policy = objects.get((c.content_type_id, c.object_pk), (None, None))
        described = policy.describe(obj) if obj is not None else {}
        values = {
            "id": c.pk,
            "object": str(obj) if obj is not None else f"(gelöscht: {c.object_pk})",
            "object_type": str(c.content_type.model_class()._meta.verbose_name)
            if c.content_type.model_class()
            else c.content_type.model,
            "version": described.get("version", ""),
            "number": described.get("number", ""),
            "field": described.get("field", ""),
            "chapter": described.get("chapter", ""),
            "paragraph": described.get("paragraph", ""),
            "parent_id": c.parent_id if c.parent_id != c.pk else "",
            "level": c.level,
            "name": c.user_name,
            "text": c.comment,
            "state": state_of(c),
            "reports": c.report_count,
            "created": timezone.localtime(c.submit_date).strftime("%Y-%m-%d %H:%M"),
            "official": "ja" if is_official(c) else "nein",
            "email": c.user_email,
            "sender_kind": sender.get_kind_display() if (sender := sender_of(c)) else "",
            "organisation": sender.organisation if sender else "",
            "channel": sender.get_channel_display() if sender else Channel.ONLINE.label,
            "decision": c.decision.get_outcome_display() if _decision(c) else "",
            "decision_reason": c.decision.reason if _decision(c) else "",
        }
        yield [neutralise_cell(values[key]) for key, _ in columns]


def to_csv(export: Export) -> bytes:
    return b"".join(csv_chunks(export.headers, export.rows))


def csv_chunks(headers, rows):
    """The CSV as byte chunks, one per row, in the site's one dialect (common.spreadsheet)."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(headers)
    yield (BYTE_ORDER_MARK + out.getvalue()).encode("utf-8")
    for row in rows:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        yield out.getvalue().encode("utf-8")


def to_xlsx(export: Export) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kommentare"
    sheet.append(export.headers)
    for row in export.rows:
        sheet.append([xlsx_cell(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
