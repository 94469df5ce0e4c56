"""Erase commenters' email and IP addresses, and statements' contact addresses, after a
retention period (run from cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dialog.comments import state
from dialog.statements.models import Statement


def anonymize_comments(older_than_days: int) -> int:
    """Blank email, IP and the follow-up wish of comments older than the given days.

    Name and text stay: they were published under that pseudonym. Without an
    address there is nobody to notify, so follow-up is switched off too.
    """
    cutoff = timezone.now() - timedelta(days=older_than_days)
    return (
        state.comments()
        .filter(submit_date__lt=cutoff)
        .exclude(user_email="", ip_address=None, followup=False)
        .update(user_email="", ip_address=None, user_url="", followup=False)
    )


def anonymize_statements(older_than_days: int) -> int:
    """Blank the contact address of confirmed statements submitted before the given days.

    Organisation, title, text and PDF stay (published as the organisation's). A decision
    recorded later is shown but mailed to nobody. Unconfirmed ones expire on their own.
    """
    cutoff = timezone.now() - timedelta(days=older_than_days)
    return (
        Statement.objects.filter(created_at__lt=cutoff)
        .exclude(status=Statement.Status.UNCONFIRMED)
        .exclude(email="")
        .update(email="")
    )


class Command(BaseCommand):
    help = (
        "Löscht E-Mail- und IP-Adressen von Kommentaren und die Kontaktadressen von "
        "Stellungnahmen, die älter als N Tage sind."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="TAGE")

    def handle(self, *args, older_than, **options):
        minimum = settings.CONFIRMATION_LINK_DAYS
        if older_than < minimum:
            # Younger comments may still be confirmed by their mailed link, which
            # would publish a comment whose address was already erased.
            raise CommandError(
                f"--older-than muss mindestens {minimum} (Tage) sein: so lange gelten "
                "die Bestätigungslinks."
            )
        count = anonymize_comments(older_than)
        self.stdout.write(f"{count} Kommentar(e) anonymisiert (älter als {older_than} Tage).")
        count = anonymize_statements(older_than)
        self.stdout.write(
            f"{count} Kontaktadresse(n) von Stellungnahmen gelöscht (älter als {older_than} Tage)."
        )
