from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from common.groups import MODERATION, REDAKTION

# Fixed logins for the local demo only; refused when the site runs with HTTPS (production).
DEMO_USERS = [
    ("admin", "demo-admin-2026", None, "Administration (alle Rechte)"),
    ("redaktion", "demo-redaktion-2026", REDAKTION, "Redaktion"),
    ("moderation", "demo-moderation-2026", MODERATION, "Moderation"),
]


class Command(BaseCommand):
    help = "Legt die Demo-Zugänge für den Verwaltungsbereich an und zeigt sie an."

    def handle(self, *args, **options):
        if settings.HTTPS or not settings.SECRET_KEY or settings.SITE_URL.startswith("https://"):
            raise CommandError(
                "Demo-Zugänge werden nur für die lokale Demo angelegt, nicht im Betrieb."
            )
        User = get_user_model()
        self.stdout.write(f"Verwaltungsbereich: {settings.SITE_URL}/admin/")
        for username, password, group, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "is_staff": True,
                    "is_superuser": group is None,
                    "email": f"{username}@demo.digitalstrategie.nrw",
                },
            )
            if created:
                user.set_password(password)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            state = "angelegt" if created else "vorhanden"
            self.stdout.write(f"  {role}: Benutzer „{username}“, Passwort „{password}“ ({state})")
