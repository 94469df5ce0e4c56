"""Accessibility feedback: store it for staff and tell the Redaktion and the Moderation."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from common import mail
from common.groups import MODERATION, REDAKTION, member_emails

from .models import AccessibilityFeedback


def feedback_recipients() -> list[str]:
    # The Redaktion fixes what the feedback points at; the Moderation answers it and
    # marks it done in the admin (only it may open feedback there).
    return sorted({*member_emails(REDAKTION, MODERATION), *settings.FEEDBACK_EMAILS})


def submit_feedback(form) -> AccessibilityFeedback:
    """Save a valid feedback form and mail the editors once the row is committed."""
    with transaction.atomic():
        feedback = form.save()
        recipients = feedback_recipients()
        if recipients:
            admin_url = settings.SITE_URL + reverse(
                "admin:strategy_site_accessibilityfeedback_change", args=[feedback.pk]
            )
            transaction.on_commit(
                lambda: mail.send(
                    "Neue Rückmeldung zur Barrierefreiheit",
                    recipients,
                    "mail/accessibility_feedback.txt",
                    {"feedback": feedback, "admin_url": admin_url},
                    # "Reply" in the editors' mail program answers the person who wrote.
                    reply_to=[feedback.email] if feedback.email else None,
                )
            )
    return feedback
