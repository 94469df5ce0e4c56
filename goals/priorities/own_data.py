"""Priorities ballots in "Meine Beiträge" (common/own_data.py), found by the mailbox's
keyed hash (no address is stored). A ballot can be withdrawn while its phase runs.
Erasing deletes every ballot of a running phase (the person may vote again, once) and
keeps those of ended phases counted, tied to no mailbox: nobody can vote there any more,
so a re-keyed ballot cannot be doubled."""

from django.db import transaction
from django.utils import timezone

from common import own_data
from common.link_tokens import new_token

from .ballot import hashes_of
from .models import PriorityBallot


def _of(address):
    return (
        PriorityBallot.objects.filter(address_hash__in=hashes_of(address))
        .select_related("phase")
        .prefetch_related("fields")
        .order_by("-created_at")
    )


class Ballots(own_data.Kind):
    slug = "stimme"
    plural = "Stimmen"
    erase_rule = (
        "Stimmen einer laufenden Phase werden gelöscht. Bestätigte Stimmen einer beendeten "
        "Phase zählen weiter im Ergebnis, sind aber mit keiner E-Mail-Adresse mehr verbunden."
    )

    def entries(self, address):
        now = timezone.now()
        return [
            own_data.Entry(
                kind=self.slug,
                pk=ballot.pk,
                label="Stimme",
                created_at=ballot.created_at,
                place=f"Prioritäten in „{ballot.phase.title}“",
                state="gezählt" if ballot.confirmed_at else "noch nicht bestätigt",
                details=[
                    "Gewählt: " + ", ".join(f"{f.number} {f.title}" for f in ballot.fields.all())
                ],
                withdraw="Stimme zurückziehen" if ballot.phase.is_running(now) else "",
            )
            for ballot in _of(address)
        ]

    @transaction.atomic
    def withdraw(self, address, pk):
        ballot = _of(address).filter(pk=pk).first()
        if ballot is None or not ballot.phase.is_running():
            return False
        ballot.delete()  # signals the change: kept result pages renew
        return True

    @transaction.atomic
    def erase(self, address):
        now = timezone.now()
        found = list(_of(address))
        for ballot in found:
            if ballot.confirmed_at is None or ballot.phase.is_running(now):
                ballot.delete()
            else:
                ballot.address_hash = new_token()[1]
                ballot.token_hash = new_token()[1]
                ballot.save(update_fields=["address_hash", "token_hash"])
        return len(found)


def register() -> None:
    own_data.register(Ballots())
