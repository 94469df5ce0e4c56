"""Accessibility feedback: store it for staff and tell the Redaktion and the Moderation."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

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
            body = (
                "Über das Formular der Erklärung zur Barrierefreiheit ist eine Rückmeldung "
                "eingegangen.\n\n"
                f"Name: {feedback.name or '(nicht angegeben)'}\n"
                f"E-Mail: {feedback.email}\n"
                f"Seite: {feedback.page or '(nicht angegeben)'}\n\n"
                f"{feedback.message}\n\n"
                f"Im Verwaltungsbereich (für die Moderation): {admin_url}\n"
                "Antworten Sie der Absenderin oder dem Absender direkt an die oben genannte "
                "E-Mail-Adresse.\n"
                "Bitte beantworten Sie die Rückmeldung zeitnah.\n"
            )
            transaction.on_commit(
                lambda: send_mail(
                    settings.EMAIL_SUBJECT_PREFIX + "Neue Rückmeldung zur Barrierefreiheit",
                    body,
                    None,
                    recipients,
                )
            )
    return feedback
