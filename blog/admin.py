from django.contrib import admin

from common.previews import PreviewAdmin
from common.revisions import RevisionAdmin

from .models import Category, Post


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Post)
class PostAdmin(PreviewAdmin, RevisionAdmin):
    list_display = ["title", "status", "published_at", "visible"]
    list_filter = ["status", "categories"]
    search_fields = ["title", "teaser", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["categories"]
    autocomplete_fields = ["related_goals", "related_themes"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "body"]}),
        ("Bild", {"fields": ["image", "image_alt"]}),
        ("Einordnung", {"fields": ["author", "categories", "related_goals", "related_themes"]}),
        (
            "Veröffentlichung",
            {
                "fields": ["status", "published_at"],
                "description": "Entwürfe und geplante Beiträge sehen nur angemeldete "
                "Redakteurinnen und Redakteure, als Vorschau unter ihrer künftigen Adresse "
                "(„Auf der Website ansehen“).",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_is_public()

    @admin.display(description="Öffentlich sichtbar", boolean=True, ordering="is_public")
    def visible(self, post):
        return post.is_public
