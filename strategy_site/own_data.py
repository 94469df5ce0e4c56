"""Messages sent through the accessibility feedback form, in "Meine Beiträge"
(common/own_data.py): listed and exported; erasing deletes them."""

from common import addresses, own_data

from .models import AccessibilityFeedback


def _of(address):
    return AccessibilityFeedback.objects.filter(
        addresses.mailbox_filter("email", address)
    ).order_by("-created_at")


class Feedback(own_data.Kind):
    slug = "rueckmeldung"
    plural = "Rückmeldungen zur Barrierefreiheit"
    erase_rule = "Rückmeldungen zur Barrierefreiheit werden gelöscht."

    def entries(self, address):
        return [
            own_data.Entry(
                kind=self.slug,
                pk=message.pk,
                label="Rückmeldung zur Barrierefreiheit",
                created_at=message.created_at,
                place=message.page,
                state="erledigt" if message.handled else "eingegangen",
                text=message.message,
                data={"name": message.name, "e_mail": message.email},
            )
            for message in _of(address)
        ]

    def erase(self, address):
        return _of(address).delete()[0]


def register() -> None:
    own_data.register(Feedback())
