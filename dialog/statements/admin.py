"""Statements in the admin: the moderation's queue, publishing or rejecting with a
reason, decisions like on comments. The organisation's own words stay as sent."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from dialog.comments.moderation_actions import ReasonForm, Removal, decide_action, remove_action
from dialog.statements import workflow
from dialog.statements.models import Statement
from dialog.statements.targets import targets_of


def _describe(statement) -> str:
    return f"{statement.organisation}: {statement.title}"


def _reject(statements, reason, note, user) -> int:
    return workflow.reject(statements, reason, user)


REJECT = Removal(
    action="reject",
    title="Stellungnahmen nicht veröffentlichen",
    explanation="Diese Stellungnahmen werden nicht (oder nicht mehr) veröffentlicht. Die "
    "Organisationen erhalten eine E-Mail mit dem Grund und können antworten.",
    reason_label="Grund (wird der Organisation per E-Mail mitgeteilt)",
    button="Nicht veröffentlichen",
    done="{count} Stellungnahme(n) nicht veröffentlicht; die Organisationen wurden per "
    "E-Mail informiert.",
    apply=_reject,
)


def review_path(statement) -> str:
    """The moderators' page for one statement: read it, open the PDF, publish or reject."""
    return reverse("admin:dialog_statement_review", args=[statement.pk])


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "kind",
        "phase",
        "status",
        "created_at",
        "decision",
        "review_link",
    ]
    list_filter = ["status", "phase", "kind", "decision__outcome"]
    search_fields = ["organisation", "title", "text"]
    list_select_related = ["phase", "decision"]
    date_hierarchy = "created_at"
    actions = ["publish", "reject", "decide"]
    fields = [
        "review_link",
        "phase",
        "organisation",
        "kind",
        "title",
        "text",
        "addressed",
        "pdf_link",
        "email",
        "status",
        "created_at",
        "confirmed_at",
        "published_at",
        "rejected_reason",
        "moderated_by",
        "decision_text",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/pruefen/",
                self.admin_site.admin_view(self.review_view),
                name="dialog_statement_review",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="Prüfung")
    def review_link(self, obj):
        return format_html('<a href="{}">Lesen und entscheiden</a>', review_path(obj))

    def review_view(self, request, pk):
        """One statement with everything needed to decide, and the two decisions as buttons.

        GET shows; each POST is one decision through the workflow (the organisation is
        mailed there) and a log entry with who decided."""
        statement = (
            Statement.objects.select_related("phase", "decision", "moderated_by")
            .filter(pk=pk)
            .first()
        )
        if statement is None:
            raise Http404
        if not self.has_view_or_change_permission(request, statement):
            raise PermissionDenied
        may_decide = self.has_change_permission(request, statement)
        reject_form = ReasonForm(
            request.POST if request.POST.get("entscheidung") == "ablehnen" else None,
            reason_label=REJECT.reason_label,
            with_note=False,
        )
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            done = self._decide(request, statement, reject_form)
            if done:
                return redirect(review_path(statement))
        return TemplateResponse(
            request,
            "admin/dialog/statement_review.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": f"Stellungnahme prüfen: {statement.title}",
                "statement": statement,
                "addressed": targets_of([statement]).get(statement.pk, []),
                "may_decide": may_decide,
                "reject_form": reject_form,
                "is_unconfirmed": statement.status == Statement.Status.UNCONFIRMED,
            },
        )

    def _decide(self, request, statement, reject_form) -> bool:
        choice = request.POST.get("entscheidung")
        try:
            if choice == "veroeffentlichen":
                workflow.publish([statement], request.user)
                message = "Veröffentlicht; die Organisation wurde per E-Mail informiert."
                self.log_change(request, statement, "Veröffentlicht (Prüfseite)")
            elif choice == "ablehnen" and reject_form.is_valid():
                reason = reject_form.cleaned_data["reason"]
                workflow.reject([statement], reason, request.user)
                label = dict(reject_form.fields["reason"].choices)[reason]
                message = (
                    f"Nicht veröffentlicht ({label}); die Organisation wurde per E-Mail informiert."
                )
                self.log_change(request, statement, f"Nicht veröffentlicht: {label} (Prüfseite)")
            else:
                return False
        except workflow.ModerationRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return True
        self.message_user(request, message, messages.SUCCESS)
        return True

    def has_delete_permission(self, request, obj=None):
        # Nothing is hard-deleted by hand: rejecting is the tool (unconfirmed ones expire).
        return False

    @admin.display(description="Bezieht sich auf")
    def addressed(self, obj):
        found = targets_of([obj]).get(obj.pk, [])
        if not found:
            return "die Strategie als Ganzes"
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((t.get_absolute_url(), t) for t in found)
        )

    @admin.display(description="PDF")
    def pdf_link(self, obj):
        if not obj.pdf:
            return "–"
        return format_html(
            '<a href="{}">PDF öffnen ({} Seiten, {})</a>',
            obj.pdf_url,
            obj.pdf_pages,
            obj.pdf_size_text,
        )

    @admin.display(description="Entscheidung")
    def decision_text(self, obj):
        decision = getattr(obj, "decision", None)
        return f"{decision.get_outcome_display()}: {decision.reason}" if decision else "–"

    @admin.display(description="Entscheidung")
    def decision(self, obj):
        decision = getattr(obj, "decision", None)
        return decision.get_outcome_display() if decision else "–"

    def _refused(self, request, refused):
        self.message_user(request, str(refused), messages.ERROR)

    @admin.action(description="Veröffentlichen", permissions=["change"])
    def publish(self, request, queryset):
        try:
            count = workflow.publish(queryset, request.user)
        except workflow.ModerationRefused as refused:
            return self._refused(request, refused)
        self.message_user(
            request,
            f"{count} Stellungnahme(n) veröffentlicht; die Organisationen wurden per E-Mail "
            "informiert.",
            messages.SUCCESS,
        )
        return None

    @admin.action(description="Nicht veröffentlichen, mit Grund …", permissions=["change"])
    def reject(self, request, queryset):
        return remove_action(self, request, queryset, REJECT, _describe)

    @admin.action(description="Entscheidung festhalten …", permissions=["change"])
    def decide(self, request, queryset):
        return decide_action(self, request, queryset, _describe)
