"""What "Meine Beiträge" does with a mailbox's items, and the log of it (without the
address). The kinds themselves decide what withdrawing, correcting and erasing mean
(common/own_data.py); here each action is found by its key and logged once."""

from django.db import transaction
from django.utils import timezone

from common import own_data

from . import access
from .models import Event


def find(address: str, key: str) -> tuple[own_data.Kind, own_data.Entry] | None:
    """The item `key` ("kommentar-12") of this mailbox, or None: another mailbox's key
    finds nothing."""
    slug, _, number = str(key).rpartition("-")
    kind = own_data.kind(slug)
    if kind is None or not (number.isascii() and number.isdigit()) or len(number) > 18:
        return None
    pk = int(number)
    for entry in kind.entries(address):
        if entry.pk == pk:
            return kind, entry
    return None


def _log(action, what: str, by=None) -> None:
    Event.objects.create(action=action, what=what[:500], by=by)


@transaction.atomic
def withdraw(address: str, kind: own_data.Kind, entry: own_data.Entry) -> bool:
    if not entry.withdraw or not kind.withdraw(address, entry.pk):
        return False
    _log(Event.Action.WITHDRAWN, f"{entry.label} {entry.pk}")
    return True


@transaction.atomic
def correct(address: str, kind: own_data.Kind, entry: own_data.Entry, cleaned: dict) -> bool:
    if not kind.edit(address, entry.pk, cleaned):
        return False
    _log(Event.Action.EDITED, f"{entry.label} {entry.pk}")
    return True


def summary(counts: dict[str, int]) -> str:
    """ "Kommentare: 3, Stimmen: 1": only the kinds that had something."""
    parts = [f"{plural}: {count}" for plural, count in counts.items() if count]
    return ", ".join(parts) or "nichts gespeichert"


@transaction.atomic
def erase(address: str, by=None) -> dict[str, int]:
    """Erase the mailbox everywhere; every link to it stops working."""
    counts = own_data.erase(address)
    access.forget_address(address)
    action = Event.Action.ERASED_ON_REQUEST if by else Event.Action.ERASED
    _log(action, summary(counts), by=by)
    return counts


def export(address: str) -> dict:
    return {
        "e_mail_adresse": address,
        "erstellt_am": timezone.now().isoformat(),
        "hinweis": (
            "Alle Daten, die die Website Digitalstrategie.NRW zu dieser E-Mail-Adresse "
            "gespeichert hat (Art. 15 und 20 DSGVO)."
        ),
        "eintraege": [entry.as_export() for entry in own_data.entries(address)],
    }
