from django.contrib import admin

from common.revisions import RevisionAdmin

from .models import Document


@admin.register(Document)
class DocumentAdmin(RevisionAdmin):
    list_display = ["title", "kind", "year", "format_label", "updated_at"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "kind", "year", "description", "file", "stand_in", "format_label"]
    readonly_fields = ["format_label"]

    @admin.display(description="Format, Größe und Seiten")
    def format_label(self, document):
        return document.format_label if document.file else "–"
