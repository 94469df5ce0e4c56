"""Admin for the strategy text: editors paste a chapter; removals of commented paragraphs need consent.

The form is two-step by design: the first save of a paste that would drop
paragraphs with comments stops with a list of them and a checkbox; only with
the box ticked is the text stored (those paragraphs are kept as "removed").
"""

from django import forms
from django.contrib import admin
from django.utils.text import Truncator

from common import revisions
from common.previews import PreviewAdmin
from common.revisions import RevisionAdmin

from .. import admin_search, labels
from ..models import Chapter, Goal, Paragraph
from . import editing, pairing


class ChapterForm(forms.ModelForm):
    source = forms.CharField(
        label="Text des Kapitels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text="Absätze durch Leerzeilen trennen; „## Überschrift“ in eigener Zeile setzt eine "
        "Zwischenüberschrift. Leer lassen, um die Absätze nicht zu ändern.",
    )
    pairing = pairing.PairingField(label="Zuordnung")
    confirm_removal = forms.BooleanField(
        label="Ja, diese Absätze entfernen (ihre Kommentare und Vorschläge bleiben lesbar)",
        required=False,
    )

    class Meta:
        model = Chapter
        fields = ["version", "parent", "number", "title", "slug", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["source"] = source_of(self.instance)
        if "parent" in self.fields:
            # A chapter's parent is a chapter of its own version; a new chapter has no
            # version yet, so its list names each chapter's version and clean() checks.
            parents = Chapter.objects.select_related("version").order_by(
                "-version__year", "order", "pk"
            )
            if self.instance.pk:
                parents = parents.filter(version_id=self.instance.version_id).exclude(
                    pk=self.instance.pk
                )
            self.fields["parent"].queryset = parents
            self.fields["parent"].label_from_instance = labels.chapter_label

    # Set by ChapterAdmin.get_form when the editor pressed "Zuordnung prüfen".
    preview_requested = False

    def clean(self):
        cleaned = super().clean()
        parent, version = cleaned.get("parent"), cleaned.get("version")
        if parent and version and parent.version_id != version.pk:
            self.add_error(
                "parent",
                f"Das Oberkapitel muss zur selben Fassung gehören („{labels.chapter_label(parent)}“ "
                f"gehört zu „{parent.version.title}“).",
            )
        source = cleaned.get("source", "")
        self.chosen = None
        if source.strip() and self.instance.pk:
            stored = list(self.instance.paragraphs.current().order_by("order", "pk"))
            self.chosen, wrong = pairing.chosen_pairing(cleaned["pairing"], source, stored)
            if wrong:
                self.add_error("pairing", wrong)
            plan = editing.plan_for(self.instance, source, self.chosen)
            widget = self.fields["pairing"].widget
            widget.plan, widget.stored, widget.key = plan, stored, pairing.text_key(source)
            described = editing.describe_removed(plan.removed)
            at_risk = [p for p in plan.removed if p.pk in described]
            if at_risk and not cleaned.get("confirm_removal"):
                names = "; ".join(
                    f"Absatz {p.order} ({described[p.pk]}): „{Truncator(p.text).words(8)}“"
                    for p in at_risk
                )
                self.add_error(
                    "confirm_removal",
                    f"Diese Absätze mit Beiträgen fielen weg: {names}. Bitte bestätigen Sie das, "
                    "ordnen Sie sie unter „Zuordnung“ einem neuen Absatz zu oder ändern Sie den "
                    "Text.",
                )
            if self.preview_requested:
                self.add_error(
                    "pairing",
                    "Vorschau: Noch ist nichts gespeichert. Prüfen Sie die Zuordnung und ändern "
                    "Sie sie bei Bedarf; „Sichern“ speichert den Text mit dieser Zuordnung.",
                )
        return cleaned


def source_of(chapter) -> str:
    """The chapter in paste format, so an editor edits what is stored."""
    parts = []
    for paragraph in chapter.paragraphs.current():
        if paragraph.heading:
            parts.append(f"## {paragraph.heading}")
        parts.append(paragraph.text)
    return "\n\n".join(parts)


class ParagraphForm(forms.ModelForm):
    def clean_goals(self):
        goals = self.cleaned_data["goals"]
        version_id = self.instance.chapter.version_id if self.instance.chapter_id else None
        foreign = [g for g in goals if g.version_id != version_id]
        if foreign:
            numbers = ", ".join(str(g.number) for g in foreign)
            raise forms.ValidationError(
                f"Markieren Sie nur Ziele derselben Fassung wie das Kapitel (nicht: Ziel {numbers})."
            )
        return goals


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    form = ParagraphForm
    fields = ["order", "heading", "removed", "goals", "continues"]
    readonly_fields = ["order", "heading", "removed"]
    # Both pickers search as staff type ("2019 Gewerbe", "Ziel 21"): see the admins'
    # get_search_results.
    autocomplete_fields = ["goals", "continues"]
    extra = 0
    can_delete = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The pickers show labels with the version (goals/labels.py): select it along.
        if db_field.name == "continues":
            kwargs["queryset"] = Paragraph.objects.select_related("chapter__version")
        elif db_field.name == "goals":
            kwargs["queryset"] = Goal.objects.select_related("version")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Chapter)
class ChapterAdmin(PreviewAdmin, RevisionAdmin):
    form = ChapterForm
    list_display = ["number", "title", "version"]
    list_filter = ["version"]
    prepopulated_fields = {"slug": ["number"]}
    fields = [
        "version",
        "parent",
        "number",
        "title",
        "slug",
        "order",
        "source",
        "pairing",
        "confirm_removal",
    ]
    inlines = [ParagraphInline]

    def get_fields(self, request, obj=None):
        # A new chapter has no stored paragraphs to pair with.
        fields = super().get_fields(request, obj)
        return fields if obj else [f for f in fields if f != "pairing"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if request.method == "POST" and "_zuordnung" in request.POST:
            return type(form.__name__, (form,), {"preview_requested": True})
        return form

    def save_related(self, request, form, formsets, change):
        # After the inline (goal marks, "continues"), so the re-split sees them.
        super().save_related(request, form, formsets, change)
        source = form.cleaned_data.get("source", "")
        if source.strip():
            editing.apply(form.instance, source, form.chosen)


@admin.register(Paragraph)
class ParagraphAdmin(RevisionAdmin):
    """Paragraphs to look up and pick ("Setzt fort"); their text is edited on the chapter's
    page only, where removing a commented paragraph asks for consent."""

    list_display = ["__str__", "removed"]
    list_filter = ["chapter__version", "removed"]
    list_select_related = ["chapter__version"]
    search_fields = ["text", "heading", "chapter__title", "=chapter__number"]
    fields = ["chapter", "order", "heading", "text", "removed", "continues"]
    readonly_fields = fields

    def get_search_results(self, request, queryset, search_term):
        # "Setzt fort" offers the paragraphs of earlier versions than the chapter's only.
        chapter = admin_search.chapter_of_form(request)
        if chapter is not None and request.GET.get("field_name") == "continues":
            queryset = queryset.filter(chapter__version__year__lt=chapter.version.year)
        queryset, search_term = admin_search.narrow_to_version(
            queryset, search_term, lookup="chapter__version"
        )
        return super().get_search_results(request, queryset, search_term)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("chapter__version")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def may_restore(self, request, obj) -> bool:
        # The form above changes nothing; restoring an earlier wording is the one change
        # made here, for those who may change paragraphs on the chapter's page.
        return revisions.may_restore(request.user) and request.user.has_perm(
            "goals.change_paragraph"
        )
