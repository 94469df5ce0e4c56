"""The admin's list of queued mails (django-post-office), able to show every mail.

post_office's own change page builds the MIME message to show it; a mail that can never
be sent (a header with a line break, marked failed by common/mail_queue.py) made that
page crash, so staff could not see why it failed. Here such a mail shows its stored
subject, text and delivery log instead.
"""

from django.contrib import admin
from post_office.admin import EmailAdmin
from post_office.models import Email

admin.site.unregister(Email)


@admin.register(Email)
class QueuedMailAdmin(EmailAdmin):
    def get_fieldsets(self, request, obj=None):
        try:
            return super().get_fieldsets(request, obj)
        except ValueError:  # BadHeaderError: the stored fields as they are
            fields = ["from_email", "to", "priority", "status", "stored_subject", "stored_text"]
            return [(None, {"fields": fields})]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "stored_subject", "stored_text"]

    @admin.display(description="Betreff (wie gespeichert)")
    def stored_subject(self, instance):
        return instance.subject

    @admin.display(description="Text (wie gespeichert)")
    def stored_text(self, instance):
        return instance.message
