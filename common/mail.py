"""Every mail the site sends goes through `send()`: subject, recipients, a template.

Bodies come from templates under templates/mail/, never from strings built in
code, so wording is edited in one place. This is also the single point where
delivery is decided (today Django's mail backend; a persistent queue plugs in
here without touching callers).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_body(template: str, context: dict) -> str:
    return render_to_string(template, {"site_url": settings.SITE_URL, **context}).strip() + "\n"


def send(
    subject: str,
    to: list[str] | str,
    template: str,
    context: dict,
    *,
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    html_template: str | None = None,
) -> int:
    """Send one mail (to every address in `to` together); returns the number sent."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return 0
    message = EmailMultiAlternatives(
        subject=settings.EMAIL_SUBJECT_PREFIX + subject,
        body=render_body(template, context),
        to=recipients,
        reply_to=reply_to,
        headers=headers,
    )
    if html_template:
        message.attach_alternative(
            render_to_string(html_template, {"site_url": settings.SITE_URL, **context}),
            "text/html",
        )
    return message.send()
