"""Comment moderation in the admin: queues, one-by-one and bulk decisions, export.

Replaces the package's comment admin: its change form saves the comment,
and saving runs the package's handler that re-publishes a whole subtree.
Here every decision is an action that changes only the selected comments.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericStackedInline
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from dialog.comments import commentable, export, mail_in, moderation, state
from dialog.comments.mail_in_forms import MailInForm
from dialog.comments.models import (
    CommentOptions,
    CommentReport,
    ReportedComment,
    WaitingComment,
)
from dialog.comments.moderation_actions import Removal, decide_action, remove_action
from dialog.comments.threads import is_official
from dialog.comments.xtd import XtdComment, register_package_admin

# The package registers its admin first; ours replaces it below.
register_package_admin()


class CommentOptionsInline(GenericStackedInline):
    """Add to a commentable model's admin: `inlines = [CommentOptionsInline]`."""

    model = CommentOptions
    ct_fk_field = "object_pk"
    extra = 1
    max_num = 1
    can_delete = False
    verbose_name = "Kommentare"
    verbose_name_plural = "Kommentare"


def commented_objects() -> GenericPrefetch:
    """The commented objects with what their links and names need, one query per model."""
    return GenericPrefetch(
        "content_object",
        [
            commentable.policy_for(model).prepare_export(model._default_manager.all())
            for model in commentable.registered_models()
        ],
    )


class StateFilter(admin.SimpleListFilter):
    title = "Status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("wartet", "wartet auf Freigabe"),
            ("gemeldet", "gemeldet"),
            ("sichtbar", "veröffentlicht"),
            ("verborgen", "verborgen"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "wartet":
            return queryset.waiting()
        if value == "gemeldet":
            return queryset.filter(open_report_count__gt=0)
        if value == "sichtbar":
            return queryset.visible()
        if value == "verborgen":
            return queryset.hidden()
        return queryset


class CommentedTypeFilter(admin.SimpleListFilter):
    """Only the commentable kinds of content, not every content type of the site."""

    title = "Art des Inhalts"
    parameter_name = "art"

    def lookups(self, request, model_admin):
        return [
            (ContentType.objects.get_for_model(model).pk, model._meta.verbose_name_plural)
            for model in commentable.registered_models()
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(content_type_id=self.value())
        return queryset


def _describe(comment) -> str:
    return f"{comment.user_name}: {Truncator(comment.comment).chars(120)}"


def _hide(comments, reason, note, user) -> int:
    return moderation.hide(comments, reason, user, note)


HIDE = Removal(
    action="hide",
    title="Kommentare verbergen",
    explanation="Diese Kommentare werden verborgen. Ihre Antworten bleiben sichtbar, an ihrer "
    "Stelle steht „Dieser Kommentar wurde von der Moderation entfernt: Grund“. Die "
    "Verfasserinnen und Verfasser erhalten eine E-Mail mit dem Grund.",
    reason_label="Grund (wird der Verfasserin oder dem Verfasser mitgeteilt und öffentlich angezeigt)",
    button="Verbergen",
    done="{count} Kommentar(e) verborgen; die Verfasser wurden per E-Mail informiert.",
    apply=_hide,
    with_note=True,
)


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    fields = ["created_at", "reason", "note", "status", "resolved_by", "resolved_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CommentModerationAdmin(admin.ModelAdmin):
    list_display = [
        "short_text",
        "user_name",
        "commented_object",
        "state",
        "open_report_count",
        "submit_date",
        "official",
    ]
    list_filter = [StateFilter, CommentedTypeFilter, "submit_date"]
    change_list_template = "admin/dialog/comment_change_list.html"
    search_fields = ["user_name", "comment"]
    date_hierarchy = "submit_date"
    list_per_page = 50
    fields = [
        "user_name",
        "comment",
        "submit_date",
        "state",
        "commented_object",
        "parent_id",
        "level",
        "official",
    ]
    readonly_fields = fields
    inlines = [CommentReportInline]
    actions = ["approve", "hide", "decide", "dismiss_reports", "export_csv", "export_xlsx"]

    def get_queryset(self, request):
        # Built on the state API (not the package's manager) so filters and
        # actions ask `.waiting()`, `.visible()`, ... like every other module.
        return (
            state.comments(super().get_queryset(request))
            .select_related("user", "content_type", "moderation")
            .prefetch_related(commented_objects())
            .annotate(
                open_report_count=Count(
                    "reports", filter=Q(reports__status=CommentReport.Status.OPEN)
                )
            )
            .order_by("-submit_date")
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The change page only shows a comment. Saving it would run the package's
        # pre_save handler, which sets is_public of the whole subtree from this
        # comment: a hidden comment would take its replies with it. Decisions are
        # the actions above, which still need the change permission (obj=None).
        if obj is not None:
            return False
        return super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        # Nothing is hard-deleted: replies would lose their parent and counts go wrong.
        return False

    def view_on_site(self, obj):
        if state.is_released(obj):
            return reverse("comment-permalink", args=[obj.pk])
        return None

    @admin.display(description="Kommentar")
    def short_text(self, obj):
        return Truncator(obj.comment).chars(80)

    @admin.display(description="zu")
    def commented_object(self, obj):
        target = obj.content_object
        if target is None:
            return "–"
        return format_html('<a href="{}">{}</a>', target.get_absolute_url(), target)

    @admin.display(description="Status")
    def state(self, obj):
        return export.state_of(obj)

    @admin.display(description="offene Meldungen", ordering="open_report_count")
    def open_report_count(self, obj):
        return obj.open_report_count

    @admin.display(description="Landesregierung", boolean=True)
    def official(self, obj):
        return is_official(obj)

    @admin.action(
        description="Freigeben (Meldungen gelten als unbegründet)", permissions=["change"]
    )
    def approve(self, request, queryset):
        count = moderation.approve(queryset, request.user)
        self.message_user(request, f"{count} Kommentar(e) freigegeben.", messages.SUCCESS)

    @admin.action(description="Verbergen mit Grund …", permissions=["change"])
    def hide(self, request, queryset):
        return remove_action(self, request, queryset, HIDE, _describe)

    @admin.action(description="Entscheidung festhalten …", permissions=["change"])
    def decide(self, request, queryset):
        return decide_action(self, request, queryset, _describe)

    @admin.action(description="Meldungen als unbegründet markieren", permissions=["change"])
    def dismiss_reports(self, request, queryset):
        count = moderation.dismiss_reports(queryset, request.user)
        self.message_user(request, f"{count} Meldung(en) als unbegründet markiert.")

    def has_export_permission(self, request):
        return request.user.has_perm("dialog.export_comments")

    def _export(self, request, queryset, fmt):
        # Never with addresses: those need the explicit choice on the export page.
        return export_response(queryset, fmt, include_email=False)

    @admin.action(description="Auswahl als CSV exportieren", permissions=["export"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    @admin.action(description="Auswahl als XLSX exportieren", permissions=["export"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, "xlsx")

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "export_url": reverse("admin:django_comments_xtd_xtdcomment_export")
            if self.has_export_permission(request)
            else "",
            "mail_in_url": reverse("admin:django_comments_xtd_xtdcomment_mail_in")
            if self.has_mail_in_permission(request)
            else "",
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            path(
                "eingang/",
                self.admin_site.admin_view(self.mail_in_view),
                name="{}_{}_mail_in".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_mail_in_permission(self, request) -> bool:
        # Whoever may release comments may enter one that came by mail or letter.
        return self.has_change_permission(request)

    def mail_in_view(self, request):
        """A contribution that came by e-mail or letter, entered on the sender's behalf."""
        if not self.has_mail_in_permission(request):
            raise PermissionDenied
        form = MailInForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            comment = mail_in.record(
                data["target_object"],
                name=data["name"],
                text=data["text"],
                received_on=data["received_on"],
                channel=data["channel"],
                kind=data["kind"],
                organisation=data["organisation"],
            )
            self.log_addition(request, comment, "Beitrag per E-Mail oder Brief erfasst")
            self.message_user(
                request,
                f"Der Beitrag von „{comment.user_name}“ steht jetzt unter "
                f"„{data['target_object']}“ ({comment.sender.get_channel_display()}).",
                messages.SUCCESS,
            )
            return redirect(reverse("admin:django_comments_xtd_xtdcomment_changelist"))
        return TemplateResponse(
            request,
            "admin/dialog/mail_in.html",
            {
                **self.admin_site.each_context(request),
                "title": "Beitrag per E-Mail oder Brief erfassen",
                "opts": self.model._meta,
                "form": form,
            },
        )

    def export_view(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        form = ExportForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            comments = export.comments_for_scope(form.cleaned_data["scope"])
            return export_response(
                comments, form.cleaned_data["format"], form.cleaned_data.get("include_email", False)
            )
        return TemplateResponse(
            request,
            "admin/dialog/export_comments.html",
            {
                **self.admin_site.each_context(request),
                "title": "Kommentare exportieren",
                "opts": self.model._meta,
                "form": form,
            },
        )


class ExportForm(forms.Form):
    scope = forms.ChoiceField(label="Welche Kommentare?")
    format = forms.ChoiceField(
        label="Format", choices=[("csv", "CSV (Komma, UTF-8)"), ("xlsx", "Excel (XLSX)")]
    )
    include_email = forms.BooleanField(
        label="E-Mail-Adressen aufnehmen",
        required=False,
        help_text="Nur wenn Sie sie für die Auswertung wirklich brauchen (Datenschutz).",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = export.scope_choices()
        if not user.has_perm("dialog.export_commenter_emails"):
            del self.fields["include_email"]


def export_response(comments, fmt: str, include_email: bool) -> HttpResponse:
    if fmt == "xlsx":
        data = export.build_export(comments, include_email=include_email)
        response = HttpResponse(
            export.to_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="kommentare.xlsx"'
    else:
        # Streamed row by row: tens of thousands of comments never sit in memory at once.
        headers, rows = export.export_rows(comments, include_email=include_email)
        response = StreamingHttpResponse(
            export.csv_chunks(headers, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="kommentare.csv"'
    return response


class WaitingCommentAdmin(CommentModerationAdmin):
    actions = ["approve", "hide"]

    def get_queryset(self, request):
        return super().get_queryset(request).waiting()


class ReportedCommentAdmin(CommentModerationAdmin):
    actions = ["dismiss_reports", "hide", "approve"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(open_report_count__gt=0)


admin.site.unregister(XtdComment)
admin.site.register(XtdComment, CommentModerationAdmin)
admin.site.register(WaitingComment, WaitingCommentAdmin)
admin.site.register(ReportedComment, ReportedCommentAdmin)
