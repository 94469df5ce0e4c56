"""Statements in "Meine Beiträge" (common/own_data.py), found by their contact address.

A statement speaks for an organisation and is published under its name. Until it has an
answer the sender may withdraw it (deleted with its PDF); an answered one stays on the
record of the consultation, and erasing removes only the contact address."""

from django.db import transaction

from common import addresses, own_data

from .models import Statement


def _of(address):
    return (
        Statement.objects.filter(addresses.mailbox_filter("email", address))
        .select_related("phase", "decision")
        .order_by("-created_at")
    )


def _decision(statement):
    try:
        return statement.decision
    except Statement.decision.RelatedObjectDoesNotExist:
        return None


def _delete(statement) -> None:
    pdf = statement.pdf
    statement.delete()
    if pdf:
        # After the commit: a rollback keeps the row, and then its file too.
        transaction.on_commit(lambda: pdf.storage.delete(pdf.name))


class Statements(own_data.Kind):
    slug = "stellungnahme"
    plural = "Stellungnahmen"
    erase_rule = (
        "Stellungnahmen ohne Antwort werden mit ihrem PDF gelöscht. Beantwortete bleiben als "
        "Stellungnahme der Organisation veröffentlicht; die Kontaktadresse wird gelöscht."
    )

    def entries(self, address):
        found = []
        for statement in _of(address):
            decision = _decision(statement)
            state = statement.get_status_display()
            if statement.rejected_reason:
                state += f" ({statement.get_rejected_reason_display()})"
            found.append(
                own_data.Entry(
                    kind=self.slug,
                    pk=statement.pk,
                    label="Stellungnahme",
                    created_at=statement.created_at,
                    place=f"Beteiligungsphase „{statement.phase.title}“",
                    state=state,
                    text=f"{statement.title}\n\n{statement.text}",
                    url=statement.get_absolute_url() if statement.is_published else "",
                    details=(
                        [
                            f"Antwort: {decision.get_outcome_display()}",
                            f"Begründung: {decision.reason}",
                        ]
                        if decision
                        else []
                    ),
                    withdraw="" if decision else "Stellungnahme zurückziehen",
                    data={
                        "organisation": statement.organisation,
                        "art_der_organisation": statement.get_kind_display(),
                        "kontaktadresse": statement.email,
                        "pdf": statement.pdf_download_name if statement.pdf else "",
                    },
                )
            )
        return found

    @transaction.atomic
    def withdraw(self, address, pk):
        statement = _of(address).filter(pk=pk, decision__isnull=True).first()
        if statement is None:
            return False
        _delete(statement)
        return True

    @transaction.atomic
    def erase(self, address):
        found = list(_of(address))
        for statement in found:
            if _decision(statement) is None:
                _delete(statement)
            else:
                Statement.objects.filter(pk=statement.pk).update(email="")
        return len(found)


def register() -> None:
    own_data.register(Statements())
