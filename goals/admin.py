from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils import timezone
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

from common import upload_limits
from common.revisions import RevisionAdmin

from . import admin_search, labels
from .ideas import admin as ideas_admin  # noqa: F401 - registers the ideas admin
from .models import (
    Assessment,
    FieldOfAction,
    Goal,
    GoalVerdict,
    Indicator,
    Lineage,
    Measurement,
    PriorityBallot,
    StatusReport,
    StrategyVersion,
)
from .resources import GoalResource, IndicatorResource, MeasurementResource, StatusReportResource
from .status import Status
from .suggestions import admin as suggestions_admin  # noqa: F401 - registers it
from .text import admin as text_admin  # noqa: F401 - registers the chapter admin
from .text.import_admin import TextImportMixin


class BoundedImportForm(ImportForm):
    """Refuses an oversized or over-wide file before django-import-export reads it.

    The check follows the format the editor chose, since that decides which reader
    runs (common/upload_limits.py).
    """

    CHECKS = {CSV: upload_limits.check_csv, XLSX: upload_limits.check_xlsx}

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats

    def clean(self):
        cleaned = super().clean()
        uploaded, chosen = cleaned.get("import_file"), cleaned.get("format")
        if uploaded and chosen not in (None, ""):
            try:
                self.CHECKS[self.formats[int(chosen)]](uploaded)
            except upload_limits.ImportRefused as refused:
                self.add_error("import_file", refused)
        return cleaned


class SpreadsheetAdmin(ImportExportModelAdmin):
    """Import and export need the same rights as editing by hand.

    django-import-export lets every staff user import unless told otherwise.
    """

    import_formats = export_formats = [CSV, XLSX]
    import_form_class = BoundedImportForm

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        # The preview already refuses a file with a bad row. On confirmation the
        # data may have changed since (a predecessor deleted, a report added):
        # then roll back the whole file instead of saving its good rows only.
        return {
            **super().get_import_data_kwargs(**kwargs),
            "rollback_on_validation_errors": True,
        }

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                "Import abgebrochen, nichts wurde gespeichert: Die Datei passt nicht mehr zu den "
                "gespeicherten Daten. Bitte laden Sie sie erneut hoch, die Vorschau zeigt dann "
                "die Fehler.",
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        return super().process_result(result, request)


class FieldOfActionInline(admin.StackedInline):
    model = FieldOfAction
    extra = 0
    prepopulated_fields = {"slug": ["title"]}
    fields = [("number", "position"), "title", "slug", "introduction", "provenance"]


@admin.register(StrategyVersion)
class StrategyVersionAdmin(TextImportMixin, RevisionAdmin):
    list_display = ["title", "year", "adopted_on", "is_current", "goal_count"]
    list_filter = ["is_current"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["document"]
    filter_horizontal = ["phases"]
    inlines = [FieldOfActionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_goal_counts()

    @admin.display(description="Ziele", ordering="goal_count")
    def goal_count(self, obj):
        return obj.goal_count


class StatusReportInline(admin.StackedInline):
    model = StatusReport
    extra = 1
    ordering = ["-date"]
    fields = [
        ("date", "status"),
        "text",
        "source_document",
        ("source_title", "source_url"),
        "provenance",
    ]
    autocomplete_fields = ["source_document"]


class LineageInline(admin.TabularInline):
    model = Lineage
    fk_name = "later"
    extra = 0
    fields = ["earlier", "provenance", "note"]
    autocomplete_fields = ["earlier"]
    verbose_name = "Führt fort"
    verbose_name_plural = "Führt fort (Ziele früherer Fassungen)"


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "unit", "target_value", "target_date", "provenance", "position"]
    show_change_link = True  # the measured values are entered on the indicator's own page


class FieldOfActionFilter(admin.RelatedFieldListFilter):
    """Fields of action named with their version: both versions have a "Digitale Verwaltung"."""

    def field_choices(self, field, request, model_admin):
        fields = FieldOfAction.objects.select_related("version").order_by(
            "-version__year", "position", "number"
        )
        return [(f.pk, f"{f.version.title}: {f}") for f in fields]


class CurrentStatusFilter(admin.SimpleListFilter):
    title = "Stand"
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status_code=self.value())
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = "überfällig"
    parameter_name = "ueberfaellig"

    def lookups(self, request, model_admin):
        return [("1", "ja"), ("0", "nein")]

    def queryset(self, request, queryset):
        if self.value() in {"0", "1"}:
            return queryset.filter(overdue_now=self.value() == "1")
        return queryset


@admin.register(Goal)
class GoalAdmin(RevisionAdmin, SpreadsheetAdmin):
    resource_classes = [GoalResource]
    list_display = [
        "number",
        "title",
        "version",
        "field",
        "status",
        "horizon",
        "target_date",
        "overdue",
    ]
    list_display_links = ["number", "title"]
    list_filter = [
        "version",
        ("field", FieldOfActionFilter),
        CurrentStatusFilter,
        "horizon",
        OverdueFilter,
        "provenance",
    ]
    list_select_related = ["version", "field"]
    search_fields = ["title", "description", "ministry", "categories", "=number"]
    filter_horizontal = ["themes", "events"]
    # + the comment switches, from the registration
    inlines = [StatusReportInline, LineageInline, IndicatorInline]
    fieldsets = [
        (None, {"fields": ["field", "number", "title", "slug", "description", "provenance"]}),
        (
            "Termin und Zuständigkeit",
            {
                "fields": [
                    ("horizon", "horizon_provenance"),
                    ("target_date", "target_is_year"),
                    "target_provenance",
                    ("ministry", "ministry_provenance"),
                    "categories",
                ]
            },
        ),
        ("Ende oder Fortführung", {"fields": ["ending_reason"]}),
        ("Dialog", {"fields": ["themes", "events"]}),
    ]
    prepopulated_fields = {"slug": ["title"]}

    def get_queryset(self, request):
        # The version too: every label says it (goals/labels.py), in lists and autocomplete.
        return (
            super()
            .get_queryset(request)
            .select_related("version")
            .with_overdue(timezone.localdate())
        )

    def get_search_results(self, request, queryset, search_term):
        # Staff type what they read: "21" or "Ziel 21" finds goal 21 of every version,
        # "2.0 Ziel 21" or "2019 Gewerbe" only that version's; the picker of a form that
        # has a version (a chapter's goal marks) offers only that version's goals.
        version_id = admin_search.version_of_form(request)
        if version_id is not None:
            queryset = queryset.filter(version_id=version_id)
        queryset, search_term = admin_search.narrow_to_version(queryset, search_term)
        number = labels.find_goal_number(search_term)
        if number is not None:
            return queryset.filter(number=number), False
        return super().get_search_results(request, queryset, search_term)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "field":
            kwargs["queryset"] = FieldOfAction.objects.select_related("version").order_by(
                "-version__year", "position", "number"
            )
            formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
            formfield.label_from_instance = lambda f: f"{f.version.title}: {f.number} {f.title}"
            return formfield
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="Stand", ordering="status_code")
    def status(self, goal):
        return goal.current_status.label

    @admin.display(description="überfällig", boolean=True, ordering="overdue_now")
    def overdue(self, goal):
        return goal.is_overdue


@admin.register(StatusReport)
class StatusReportAdmin(RevisionAdmin, SpreadsheetAdmin):
    resource_classes = [StatusReportResource]
    list_display = ["date", "goal", "status", "goal_version"]
    list_filter = ["status", "goal__version", "provenance", "date"]
    list_select_related = ["goal__version"]
    search_fields = ["text", "goal__title"]
    autocomplete_fields = ["goal"]
    date_hierarchy = "date"
    ordering = ["-date"]

    @admin.display(description="Fassung", ordering="goal__version__year")
    def goal_version(self, report):
        return report.goal.version.title

    def view_on_site(self, report):
        return report.goal.get_absolute_url() + f"#bericht-{report.pk}"


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 1
    fields = ["date", "value", "source_title", "source_url", "provenance"]


@admin.register(Indicator)
class IndicatorAdmin(SpreadsheetAdmin):
    resource_classes = [IndicatorResource]
    list_display = ["name", "goal", "target_value", "target_date", "provenance"]
    list_filter = ["goal__version", "provenance"]
    list_select_related = ["goal__version"]
    search_fields = ["name", "goal__title"]
    autocomplete_fields = ["goal"]
    inlines = [MeasurementInline]
    fields = [
        "goal",
        ("name", "unit"),
        ("baseline_value", "baseline_date"),
        ("target_value", "target_date"),
        "provenance",
        "position",
    ]

    def view_on_site(self, indicator):
        return indicator.goal.get_absolute_url() + f"#indikator-{indicator.pk}"


@admin.register(Measurement)
class MeasurementAdmin(SpreadsheetAdmin):
    """Listed for the spreadsheet import of many values at once; single values go inline."""

    resource_classes = [MeasurementResource]
    list_display = ["date", "indicator", "value", "source_title", "provenance"]
    list_filter = ["indicator__goal__version", "provenance"]
    list_select_related = ["indicator__goal"]
    search_fields = ["indicator__name", "source_title"]
    autocomplete_fields = ["indicator"]
    date_hierarchy = "date"


class GoalVerdictInline(admin.TabularInline):
    model = GoalVerdict
    extra = 0
    fields = ["goal", "verdict", "note"]
    autocomplete_fields = ["goal"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["author", "title", "version", "date", "goals_assessed", "provenance"]
    list_filter = ["version", "provenance"]
    search_fields = ["author", "title", "summary"]
    inlines = [GoalVerdictInline]
    fieldsets = [
        (None, {"fields": ["version", "author", "title", ("date", "date_is_year"), "source_url"]}),
        (
            "Zahlen, wie die Quelle sie nennt",
            {"fields": ["goals_assessed", ("achieved", "partly", "missed", "pending")]},
        ),
        (None, {"fields": ["summary", "provenance"]}),
    ]


@admin.register(PriorityBallot)
class PriorityBallotAdmin(admin.ModelAdmin):
    """The ballots behind the priorities result, read-only: who voted is not stored (only a
    keyed hash of the address), so staff see when and what, never by whom."""

    list_display = ["phase", "chosen", "created_at", "confirmed_at"]
    list_filter = ["phase", ("confirmed_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "created_at"
    fields = ["phase", "chosen", "created_at", "confirmed_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("phase").prefetch_related("fields")

    @admin.display(description="Handlungsfelder")
    def chosen(self, ballot):
        return ", ".join(f"{f.number} {f.title}" for f in ballot.fields.all())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A ballot is removed only by a later confirmed ballot of the same address.
        return False
