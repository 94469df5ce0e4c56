"""The mails the site sent to a mailbox, in "Meine Beiträge" (common/own_data.py): listed
with subject, date and state, and deleted from the mail queue when the address is erased
(django-post-office keeps sent mails for its clean-up period, with the address, the
text and any link they carried)."""

from post_office.models import STATUS, Email

from . import addresses, own_data

STATES = {STATUS.sent: "zugestellt", STATUS.failed: "nicht zustellbar", STATUS.queued: "wartet"}


def _of(address):
    # One recipient per mail to a visitor; mails to several (the moderation) are not theirs.
    return Email.objects.filter(addresses.mailbox_filter("to", address)).order_by("-created")


class Mails(own_data.Kind):
    slug = "e-mail"
    plural = "E-Mails an Sie"
    taking_part = False
    erase_rule = (
        "Die E-Mails, die wir Ihnen geschickt haben (mit den Links darin), werden aus dem "
        "Postausgang gelöscht; noch nicht versandte gehen nicht mehr hinaus."
    )

    def entries(self, address):
        return [
            own_data.Entry(
                kind=self.slug,
                pk=message.pk,
                label="E-Mail an Sie",
                created_at=message.created,
                place=message.subject,
                state=STATES.get(message.status, "wartet"),
                data={"an": message.to, "betreff": message.subject},
            )
            for message in _of(address).only("pk", "created", "subject", "status", "to")
        ]

    def erase(self, address):
        return _of(address).delete()[1].get(Email._meta.label, 0)


def register() -> None:
    own_data.register(Mails())
