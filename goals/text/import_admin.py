"""The admin page that imports a version's whole text from Word or Markdown.

Two steps, as the spreadsheet import: upload -> preview (chapter tree, paragraph
counts, goal references found, warnings; nothing stored) -> "Übernehmen" stores it in
one transaction. Between the two the file waits in the private preview storage every
app server shares (common/preview_files.py), named by a random token.
"""

import io
import re
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from common import bounds, upload_limits
from common.preview_files import FOLDER, purge_abandoned

from ..models import Chapter, StrategyVersion
from . import document, importing

_TOKEN = re.compile(r"^text-[0-9a-f]{32}\.(docx|md)$")


class TextImportForm(forms.Form):
    file = forms.FileField(
        label="Datei",
        help_text="Word (.docx) oder Markdown (.md). Überschriften der Ebene 1 werden Kapitel, "
        "Ebene 2 Unterkapitel, tiefere Zwischenüberschriften; Absätze und Listen werden "
        "Absätze. Ein Kapitel mit derselben Nummer wird aktualisiert.",
    )
    goal_word = forms.CharField(
        label="Wort vor Zielnummern",
        initial="Ziel",
        max_length=30,
        help_text="Mit „Ziel“ werden „Ziel 12“ und „Ziel Nr. 12“ als Verweis auf Ziel 12 "
        "dieser Fassung markiert.",
    )

    def clean_goal_word(self):
        word = self.cleaned_data["goal_word"].strip()
        if not re.fullmatch(r"\w[\w-]*", word):
            raise forms.ValidationError("Bitte geben Sie ein einzelnes Wort an, z. B. „Ziel“.")
        return word

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = uploaded.name.lower()
        try:
            if name.endswith(".docx"):
                upload_limits.check_docx(uploaded)
                self.kind = "docx"
            elif name.endswith((".md", ".markdown", ".txt")):
                upload_limits.check_size(uploaded)
                _decode(uploaded.read())
                self.kind = "md"
            else:
                raise forms.ValidationError(
                    "Bitte laden Sie eine Word-Datei (.docx) oder eine Markdown-Datei (.md) hoch."
                )
        except upload_limits.ImportRefused as refused:
            raise forms.ValidationError(refused.messages) from refused
        uploaded.seek(0)
        return uploaded


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise upload_limits.ImportRefused(
            "Die Markdown-Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als "
            "UTF-8 und laden Sie sie erneut hoch."
        ) from error


def read(kind: str, data: bytes, goal_word: str):
    if kind == "docx":
        try:
            return document.read_docx(io.BytesIO(data), goal_word)
        except Exception as error:  # python-docx raises many kinds for a damaged file
            raise upload_limits.ImportRefused(
                "Die Word-Datei ist nicht lesbar. Bitte speichern Sie sie in Word erneut als "
                "„Word-Dokument (*.docx)“."
            ) from error
    return document.read_markdown(_decode(data), goal_word)


class TextImportMixin:
    """Adds "Text importieren" to the version admin."""

    # <id:...> (common.bounds) is registered when that module is imported; the admin's
    # URLs may be built before anything else imported it.
    _ids = bounds.IdConverter

    def get_urls(self):
        return [
            path(
                "<id:object_id>/text-import/",
                self.admin_site.admin_view(self.text_import_view),
                name="goals_strategyversion_text_import",
            ),
            *super().get_urls(),
        ]

    def may_import_text(self, request) -> bool:
        chapters = self.admin_site._registry.get(Chapter)
        return bool(
            chapters
            and chapters.has_add_permission(request)
            and chapters.has_change_permission(request)
        )

    def text_import_view(self, request, object_id):
        if not self.may_import_text(request):
            raise PermissionDenied
        version = get_object_or_404(StrategyVersion, pk=object_id)
        storage = storages["import_export"]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": version,
            "version": version,
            "title": f"Text importieren: {version.title}",
        }
        if request.method == "POST" and "token" in request.POST:
            return self._confirm(request, version, storage)
        form = TextImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data["file"].read()
            goal_word = form.cleaned_data["goal_word"]
            try:
                draft = read(form.kind, data, goal_word)
            except upload_limits.ImportRefused as refused:
                form.add_error("file", refused.messages)
            else:
                preview = importing.preview(version, draft)
                token = None
                if not preview.errors:
                    purge_abandoned()
                    token = f"text-{uuid.uuid4().hex}.{form.kind}"
                    storage.save(f"{FOLDER}/{token}", ContentFile(data))
                context.update(preview=preview, token=token, goal_word=goal_word)
        context["form"] = form
        return TemplateResponse(request, "admin/goals/strategyversion/text_import.html", context)

    def _confirm(self, request, version, storage):
        token = request.POST.get("token", "")
        goal_word = request.POST.get("goal_word", "Ziel")
        name = f"{FOLDER}/{token}"
        back = reverse("admin:goals_strategyversion_text_import", args=[version.pk])
        if not _TOKEN.match(token) or not storage.exists(name):
            messages.error(
                request,
                "Die Vorschau ist abgelaufen oder wurde schon übernommen. Bitte laden Sie die "
                "Datei erneut hoch.",
            )
            return redirect(back)
        with storage.open(name, "rb") as stored:
            data = stored.read()
        if not re.fullmatch(r"\w[\w-]{0,29}", goal_word):
            goal_word = "Ziel"
        try:
            draft = read(token.rsplit(".", 1)[1], data, goal_word)
        except upload_limits.ImportRefused:
            draft = None
        if draft is None or draft.errors:
            messages.error(request, "Die Datei hat Fehler; bitte laden Sie sie erneut hoch.")
            return redirect(back)
        counts = importing.store(version, draft)
        storage.delete(name)
        messages.success(
            request,
            f"Text übernommen: {counts['chapters']} Kapitel ({counts['created']} neu), "
            f"{plural(counts['paragraphs'], 'Absatz', 'Absätze')}, davon {counts['kept']} mit "
            f"bisherigem Anker, {plural(counts['marks'], 'Zielmarkierung', 'Zielmarkierungen')}.",
        )
        url = reverse("admin:goals_chapter_changelist")
        return redirect(f"{url}?version__id__exact={version.pk}")
