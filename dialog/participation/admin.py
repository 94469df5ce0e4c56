import operator
from functools import reduce

from django.contrib import admin
from django.utils import timezone

from common.previews import PreviewAdmin
from common.revisions import RevisionAdmin
from dialog.comments.admin import export_response
from dialog.participation.dates import format_period
from dialog.participation.models import Event, EventSeries, Phase, Theme, is_running
from dialog.participation.phases import phase_comments


class ThemeInline(admin.TabularInline):
    model = Theme
    fields = ["title", "slug", "position", "ideas_allowed"]
    prepopulated_fields = {"slug": ["title"]}
    extra = 0
    show_change_link = True


@admin.register(Phase)
class PhaseAdmin(PreviewAdmin, RevisionAdmin):
    list_display = ["title", "period", "state", "moderation", "has_evaluation"]
    list_filter = ["moderation"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [ThemeInline]
    actions = ["export_comments_csv", "export_comments_xlsx"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (
            "Zeitraum (Ortszeit Berlin)",
            {
                "fields": ["starts_at", "ends_at"],
                "description": "Die Phase läuft ab dem Beginn bis unmittelbar vor dem Ende: "
                "ein Ende am 29.03. um 00:00 Uhr heißt, der 28.03. ist der letzte Tag.",
            },
        ),
        ("Moderation", {"fields": ["moderation"]}),
        ("Prioritäten setzen", {"fields": ["priorities_question", "priorities_shown_during"]}),
        ("Stellungnahmen", {"fields": ["statements_allowed"]}),
        ("Ideen", {"fields": ["ideas_allowed", "ideas_until"]}),
        ("Auswertung", {"fields": ["evaluation"]}),
        (
            "Zahlen aus einem früheren Bericht",
            {
                "fields": [
                    ("reported_comments", "reported_comments_text"),
                    ("reported_responses", "reported_responses_text"),
                    ("reported_participants", "reported_participants_text"),
                    "reported_source",
                ],
                "description": "Nur für Phasen, deren Beiträge diese Website nicht gezählt hat: "
                "Die Seite der Phase zeigt diese Zahlen statt der eigenen, mit der Quelle; "
                "die Ergebnisseite zeigt beide getrennt. Der Wortlaut (z. B. „knapp 400“) "
                "erscheint statt der Zahl, wenn er ausgefüllt ist.",
            },
        ),
    ]

    @admin.display(description="Zeitraum", ordering="starts_at")
    def period(self, phase):
        return format_period(phase.starts_at, phase.ends_at)

    @admin.display(description="Stand")
    def state(self, phase):
        now = timezone.now()
        if is_running(phase, now):
            return "läuft"
        return "geplant" if phase.starts_at > now else "beendet"

    @admin.display(description="Auswertung", boolean=True)
    def has_evaluation(self, phase):
        return bool(phase.evaluation)

    # -- per-phase export, built by the comment engine's export -----------------
    def has_export_permission(self, request):
        return request.user.has_perm("dialog.export_comments")

    def _export(self, queryset, fmt):
        phases = list(queryset.order_by("starts_at"))
        # Every comment written during a selected phase on what it put up for
        # discussion, in any state; never with addresses (see the engine's export page).
        comments = reduce(operator.or_, (phase_comments(p) for p in phases))
        response = export_response(comments, fmt, include_email=False)
        name = phases[0].slug if len(phases) == 1 else "phasen"
        response["Content-Disposition"] = f'attachment; filename="kommentare-{name}.{fmt}"'
        return response

    @admin.action(description="Kommentare der Phase als CSV exportieren", permissions=["export"])
    def export_comments_csv(self, request, queryset):
        return self._export(queryset, "csv")

    @admin.action(description="Kommentare der Phase als XLSX exportieren", permissions=["export"])
    def export_comments_xlsx(self, request, queryset):
        return self._export(queryset, "xlsx")


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "phase", "position", "ideas_allowed"]
    list_filter = ["phase", "ideas_allowed"]
    list_select_related = ["phase"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Event)
class EventAdmin(RevisionAdmin):
    list_display = ["title", "kind", "starts_at", "location_display", "participants"]
    list_filter = ["kind", "online", "series", "times_provenance"]
    search_fields = ["title", "description", "place"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    filter_horizontal = ["themes"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "series", "description", "themes"]}),
        (
            "Termin und Ort (Ortszeit Berlin)",
            {"fields": ["starts_at", "ends_at", "times_provenance", "online", "place"]},
        ),
        ("Teilnehmende", {"fields": ["participants", "participants_approximation"]}),
        (
            "Aufzeichnung",
            {
                "fields": ["recording_url", "recording_length", "transcript"],
                "description": "Das Video wird erst geladen, wenn Besucherinnen und Besucher "
                "darauf klicken. Die Abschrift erscheint auf der Seite.",
            },
        ),
        ("Rückblick", {"fields": ["recap"]}),
    ]

    @admin.display(description="Ort", ordering="place")
    def location_display(self, event):
        return event.location


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["title"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
