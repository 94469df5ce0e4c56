"""Create the local state directory and a secret key (`make setup`).

Settings only read these; writing them is this explicit step, so importing
settings never touches the file system.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.management.utils import get_random_secret_key


class Command(BaseCommand):
    help = "Legt var/ und einen lokalen geheimen Schlüssel an (ohne DJANGO_SECRET_KEY)."

    def handle(self, *args, **options):
        var_dir = settings.VAR_DIR
        var_dir.mkdir(parents=True, exist_ok=True)
        path = var_dir / "secret-key"
        if not path.exists():
            path.write_text(get_random_secret_key())
            path.chmod(0o600)
            self.stdout.write(f"Geheimer Schlüssel angelegt: {path}")
