from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.links import MANAGE_VALID
from alerts.models import DigestSent, ManageLink, RecordedEvent, Subscription


class Command(BaseCommand):
    help = (
        "Deletes unconfirmed alert requests older than 7 days, switched-off addresses and "
        "the digest record older than 30 days. Run daily from cron."
    )

    def handle(self, *args, **options):
        expired, _ = Subscription.objects.expired().delete()
        # Switched-off addresses stay visible in the admin for 30 days, then go.
        disabled, _ = Subscription.objects.filter(
            disabled_at__lt=timezone.now() - timezone.timedelta(days=30)
        ).delete()
        cutoff = timezone.localdate() - timezone.timedelta(days=30)
        old, _ = DigestSent.objects.filter(day__lt=cutoff).delete()
        RecordedEvent.objects.filter(happened_at__date__lt=cutoff).delete()
        # Manage links hold an address; after their week they are of no use.
        ManageLink.objects.filter(created_at__lt=timezone.now() - MANAGE_VALID).delete()
        self.stdout.write(
            f"Deleted {expired} expired request(s), {disabled} switched-off subscription(s), "
            f"{old} old digest record(s)."
        )
