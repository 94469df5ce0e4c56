"""Ideas and wording suggestions, and supports of them, in "Meine Beiträge"
(common/own_data.py). One class per role, configured per kind (goals/ideas/registration.py,
goals/suggestions/registration.py).

Rules (the privacy page states them):
- correcting: while the contribution is unconfirmed, waiting or published, has no answer,
  no comment, no confirmed support (nobody backs words they did not see) and its phase
  still takes contributions; the page then says "bearbeitet am"; where the phase is
  pre-moderated a published one waits for the moderation again;
- withdrawing, and erasing: deleted with its supports when it has no answer and no
  comments; otherwise taken off the site (hidden, "vom Verfasser zurückgezogen") with its
  text, name, organisation and address erased, so the discussion and the answer keep
  their record without naming anyone;
- supports: withdrawn (deleted) while the phase takes them; erasing deletes them while the
  phase takes them (the person may support again, once) and keeps confirmed ones of an
  ended phase counted without any tie to the mailbox (nobody can add one there).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from common import addresses, own_data
from common.link_tokens import new_token
from dialog.comments import state

from .models import Contribution
from .workflow import Pipeline

Status = Contribution.Status
WITHDRAWN_TEXT = "Vom Verfasser zurückgezogen."


def _decision(found):
    try:
        return found.decision
    except found._meta.get_field("decision").related_model.DoesNotExist:
        return None


def _decision_lines(decision) -> list[str]:
    if decision is None:
        return []
    return [f"Antwort: {decision.get_outcome_display()}", f"Begründung: {decision.reason}"]


def _state(found) -> str:
    if found.status == Status.HIDDEN:
        reason = found.get_hidden_reason_display()
        return f"verborgen ({reason})" if reason else "verborgen"
    return found.get_status_display()


@dataclass(kw_only=True)
class Contributions(own_data.Kind):
    """A kind of contribution with its own page: list, correct, withdraw, erase."""

    pipeline: Pipeline
    slug: str
    label: str  # "Idee"
    plural: str  # "Ideen"
    place: Callable[[object], str]  # where it belongs, from the rows `related` selects
    related: tuple[str, ...]
    takes_more: Callable[[object], bool]  # whether its phase still takes contributions
    form_class: type  # the correction form: its fields are model fields
    text_fields: tuple[str, ...]  # what the author wrote, erased on withdrawal
    erase_rule: str = ""

    @property
    def model(self):
        return self.pipeline.kind.model

    def of(self, address):
        return (
            self.model.objects.filter(addresses.mailbox_filter("email", address))
            .exclude(withdrawn_at__isnull=False)
            .with_counts()
            .select_related("decision", *self.related)
        )

    def entries(self, address):
        found = list(self.of(address).order_by("-created_at"))
        commented = self._commented(found)
        entries = []
        for item in found:
            decision = _decision(item)
            text = "\n\n".join(str(getattr(item, name)) for name in self.text_fields)
            entries.append(
                own_data.Entry(
                    kind=self.slug,
                    pk=item.pk,
                    label=self.label,
                    created_at=item.created_at,
                    place=self.place(item),
                    state=_state(item),
                    text=text,
                    url=item.get_absolute_url() if item.is_published else "",
                    details=_decision_lines(decision),
                    edited_at=item.edited_at,
                    can_edit=self._correctable(item, decision, item.pk in commented),
                    withdraw=f"{self.label} zurückziehen",
                    data={
                        "name": item.name,
                        "schreibt_als": item.get_sender_kind_display(),
                        "organisation": item.organisation,
                        "e_mail": item.email,
                        "bestaetigt": item.confirmed_at.isoformat() if item.confirmed_at else None,
                    },
                )
            )
        return entries

    def _commented(self, found) -> set[int]:
        """Which of them have comments (any state): one query."""
        if not found:
            return set()
        pks = (
            state.comments()
            .on_model(self.model)
            .filter(object_pk__in=[str(item.pk) for item in found])
            .values_list("object_pk", flat=True)
        )
        return {int(pk) for pk in pks}

    def _correctable(self, item, decision, commented: bool) -> bool:
        return (
            item.status != Status.HIDDEN
            and decision is None
            and not commented
            and not item.support_count
            and self.takes_more(item)
        )

    def _lock(self, rows) -> None:
        # Locked by a plain query: PostgreSQL refuses FOR UPDATE beside the support
        # count's GROUP BY.
        list(self.model.objects.select_for_update().filter(pk__in=rows.values("pk")))

    def _one(self, address, pk, *, for_update=False):
        found = self.of(address).filter(pk=pk)
        if for_update:
            self._lock(found)
        return found.first()

    def correction_form(self, address, pk, data=None):
        item = self._one(address, pk)
        if item is None or not self._correctable(
            item, _decision(item), bool(self._commented([item]))
        ):
            return None
        return self.form_class(data, instance=item)

    @transaction.atomic
    def edit(self, address, pk, cleaned):
        item = self._one(address, pk, for_update=True)
        if item is None or not self._correctable(
            item, _decision(item), bool(self._commented([item]))
        ):
            return False
        for name, value in cleaned.items():
            setattr(item, name, value)
        item.edited_at = timezone.now()
        # Saved while still published: the save renews the kept pages that show it
        # (common/page_shows.py asks the saved row whether pages show it); the second save
        # takes a pre-moderated one off the site and out of the search index.
        item.save()
        if item.status == Status.PUBLISHED and item.phase.is_pre_moderated:
            item.status = Status.WAITING
            item.save(update_fields=["status"])
            transaction.on_commit(lambda: self.pipeline.tell_moderation(item))
        return True

    @transaction.atomic
    def withdraw(self, address, pk):
        item = self._one(address, pk, for_update=True)
        if item is None:
            return False
        self._withdraw(item)
        return True

    def _withdraw(self, item) -> None:
        if _decision(item) is None and not self._commented([item]):
            item.delete()
            return
        for name in self.text_fields:
            setattr(item, name, WITHDRAWN_TEXT if name == self.text_fields[0] else "")
        item.name = "anonym"
        item.organisation = ""
        item.email = ""
        item.withdrawn_at = timezone.now()
        # Hidden counts as shown before (reviewed): the kept pages renew, the search
        # index drops it.
        item.status = Status.HIDDEN
        item.save()

    @transaction.atomic
    def erase(self, address):
        self._lock(self.of(address))
        found = list(self.of(address))
        for item in found:
            self._withdraw(item)
        return len(found)


@dataclass(kw_only=True)
class Supports(own_data.Kind):
    """A kind's supports, found by the mailbox's keyed hashes (no address is stored)."""

    pipeline: Pipeline
    slug: str
    label: str  # "Unterstützung einer Idee"
    plural: str
    place: Callable[[object], str]  # the supported contribution's title
    takes_more: Callable[[object], bool]
    erase_rule: str = ""

    @property
    def rules(self):
        return self.pipeline.kind.supports

    def of(self, address):
        rules = self.rules
        return rules.model.objects.filter(
            address_hash__in=addresses.mailbox_hashes(address, rules.purpose)
        ).select_related(f"{rules.owner}__phase")

    def entries(self, address):
        owner = self.rules.owner
        entries = []
        for support in self.of(address).order_by("-created_at"):
            target = getattr(support, owner)
            entries.append(
                own_data.Entry(
                    kind=self.slug,
                    pk=support.pk,
                    label=self.label,
                    created_at=support.created_at,
                    place=self.place(target),
                    state="bestätigt" if support.confirmed_at else "noch nicht bestätigt",
                    url=target.get_absolute_url() if target.is_published else "",
                    withdraw="Unterstützung zurückziehen" if self.takes_more(target) else "",
                    data={
                        "antwort_erbeten_an": support.email,
                        "bestaetigt": (
                            support.confirmed_at.isoformat() if support.confirmed_at else None
                        ),
                    },
                )
            )
        return entries

    @transaction.atomic
    def withdraw(self, address, pk):
        support = self.of(address).filter(pk=pk).first()
        if support is None or not self.takes_more(getattr(support, self.rules.owner)):
            return False
        # A delete signals the change: the contribution's kept pages renew.
        support.delete()
        return True

    @transaction.atomic
    def erase(self, address):
        found = list(self.of(address))
        for support in found:
            target = getattr(support, self.rules.owner)
            if support.confirmed_at is None or self.takes_more(target):
                support.delete()
            else:
                # Still counted; random hashes tie it to no mailbox and no mailed link.
                support.address_hash = new_token()[1]
                support.token_hash = new_token()[1]
                support.email = ""
                support.save(update_fields=["address_hash", "token_hash", "email"])
        return len(found)
