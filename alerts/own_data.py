"""Subscriptions in "Meine Beiträge" (common/own_data.py): listed, ended at once, erased
with the mailbox's manage links. Digest and newsletter records keep only a keyed hash of
an address, for one day or one newsletter, and are left to their own clean-up."""

from django.db import transaction

from common import addresses, own_data

from .models import ManageLink, Subscription


def _of(address):
    return Subscription.objects.filter(addresses.mailbox_filter("email", address))


class Subscriptions(own_data.Kind):
    slug = "abonnement"
    plural = "Abonnements"
    erase_rule = "Abonnements enden sofort; die Adresse wird gelöscht."

    def entries(self, address):
        return [
            own_data.Entry(
                kind=self.slug,
                pk=subscription.pk,
                label="Abonnement",
                created_at=subscription.requested_at,
                place=subscription.topic_label,
                state=(
                    "abgeschaltet, weil E-Mails nicht zugestellt werden konnten"
                    if subscription.disabled_at
                    else "aktiv"
                    if subscription.confirmed_at
                    else "noch nicht bestätigt"
                ),
                withdraw="Abonnement beenden",
                data={
                    "e_mail": subscription.email,
                    "thema": subscription.topic_label,
                    "bestaetigt": (
                        subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                    ),
                },
            )
            for subscription in _of(address).order_by("-requested_at")
        ]

    def withdraw(self, address, pk):
        return _of(address).filter(pk=pk).delete()[0] > 0

    @transaction.atomic
    def erase(self, address):
        ManageLink.objects.filter(addresses.mailbox_filter("email", address)).delete()
        return _of(address).delete()[0]


def register() -> None:
    own_data.register(Subscriptions())
