"""The way every contribution with its own page goes (ideas, wording suggestions):
submitted, address confirmed by the link's button, published or waiting for the moderation
as its phase says, reported by anyone, hidden with a Netiquette reason (author told),
answered with the shared decision (author and supporters who asked are told).

Each kind describes itself once (`Kind`); the steps are the same for all."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from common import confirmation, mail
from common.groups import MODERATION, member_emails
from common.link_tokens import token_hash
from dialog.comments import decisions, moderation
from dialog.comments.netiquette import NetiquetteReason

from .models import Contribution
from .support import Supports

ModerationRefused = moderation.ModerationRefused
Status = Contribution.Status


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    report_model: type[models.Model]
    supports: Supports
    # The name in mail templates and their context ("idea": templates/mail/idea_waiting.txt,
    # idea_reported.txt, idea_decision.txt), the plural in admin messages ("Ideen").
    name: str
    plural: str
    # The moderation's mail subjects, "{}" standing for the contribution's str().
    waiting_subject: str
    reported_subject: str
    # The answer: its model, and the subjects of the mails to the author and to supporters.
    decision_model: type[models.Model]
    answer_subject: str
    supporter_subject: str
    # What the confirmation pages show beside the phase (one query).
    related: tuple[str, ...] = ("phase",)

    def admin_path(self, obj) -> str:
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@dataclass(frozen=True)
class Pipeline:
    kind: Kind

    def lookup(self, token: str, now=None, *, for_update: bool = False):
        """The contribution a link names, changing nothing; None for an unknown link or an
        unconfirmed one whose link has expired."""
        objects = self.kind.model.objects
        objects = objects.select_for_update() if for_update else objects
        found = (
            objects.select_related(*self.kind.related).filter(token_hash=token_hash(token)).first()
        )
        if found is None:
            return None
        if found.status == Status.UNCONFIRMED and confirmation.is_expired(found.created_at, now):
            return None
        return found

    @transaction.atomic
    def confirm(self, token: str, now=None):
        """(contribution, newly confirmed); (None, False) for an unknown or expired link. A
        second press finds it and changes nothing. One submitted while its phase took them is
        taken when its link is pressed later (within the link's days): confirming checks the
        address, the deadline applied to the submission."""
        now = now or timezone.now()
        found = self.lookup(token, now, for_update=True)
        if found is None or found.status != Status.UNCONFIRMED:
            return found, False
        found.confirmed_at = now
        if found.phase.is_pre_moderated:
            found.status = Status.WAITING
            transaction.on_commit(lambda: self.tell_moderation(found))
        else:
            found.status = Status.PUBLISHED
            found.published_at = now
        found.save(update_fields=["status", "confirmed_at", "published_at"])
        return found, True

    def purge_unconfirmed(self, cutoff) -> int:
        """Those whose link was never used in time (`manage.py purge_unconfirmed`)."""
        deleted, _ = self.kind.model.objects.filter(
            status=Status.UNCONFIRMED, created_at__lt=cutoff
        ).delete()
        return deleted

    def tell_moderation(self, found) -> None:
        kind = self.kind
        mail.send(
            kind.waiting_subject.format(found),
            member_emails(MODERATION),
            f"mail/{kind.name}_waiting.txt",
            {kind.name: found, "admin_path": kind.admin_path(found)},
        )

    def report(self, found, reason: str, note: str) -> None:
        """Store a visitor's report and tell the moderation (after the commit)."""
        stored = self.kind.report_model.objects.create(
            **{self.kind.name: found}, reason=reason, note=note
        )
        transaction.on_commit(lambda: self._tell_moderation_report(stored, found))

    def _tell_moderation_report(self, stored, found) -> None:
        kind = self.kind
        mail.send(
            kind.reported_subject.format(found),
            member_emails(MODERATION),
            f"mail/{kind.name}_reported.txt",
            {"report": stored, kind.name: found, "admin_path": kind.admin_path(found)},
        )

    def _moderatable(self, queryset) -> list:
        return moderation.confirmed_only(
            queryset, lambda found: found.status == Status.UNCONFIRMED, self.kind.plural
        )

    def publish(self, queryset, user, now=None) -> int:
        """Publish confirmed ones (waiting, or hidden before)."""
        now = now or timezone.now()
        # Withdrawn by their authors ("Meine Beiträge"): never shown again.
        found = [item for item in self._moderatable(queryset) if item.withdrawn_at is None]
        with transaction.atomic():
            for item in found:
                item.status = Status.PUBLISHED
                item.published_at = item.published_at or now
                item.hidden_reason = ""
                item.moderated_by = user
                item.save()
        return len(found)

    def hide(self, queryset, reason: str, user, *, tell_author) -> int:
        """Take them off the site with a Netiquette reason; `tell_author(item, label)` mails
        each author once (after the commit)."""
        if reason not in NetiquetteReason.values:
            raise ModerationRefused("Bitte wählen Sie einen Grund.")
        found = self._moderatable(queryset)
        label = NetiquetteReason(reason).label
        with transaction.atomic():
            for item in found:
                newly = item.status != Status.HIDDEN
                item.status = Status.HIDDEN
                item.hidden_reason = reason
                item.moderated_by = user
                item.save()
                if newly:
                    transaction.on_commit(lambda i=item: tell_author(i, label))
        return len(found)

    def mail_answer(self, found, subject: str, supporter_subject: str, context: dict) -> None:
        """The answer to the author and, each in their own mail (nobody sees the others'
        addresses), to the supporters who asked for it; their addresses are then forgotten."""
        template = f"mail/{self.kind.name}_decision.txt"
        reply_to = [settings.COMMENTS_XTD_CONTACT_EMAIL]
        context = {
            self.kind.name: found,
            "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
            **context,
        }
        mail.send(subject, found.email, template, context, reply_to=reply_to)
        for email in self.kind.supports.take_answer_addresses(found):
            mail.send(
                supporter_subject,
                email,
                template,
                {**context, "supporter": True},
                reply_to=reply_to,
            )

    def mail_decision(self, found) -> None:
        decision = self.kind.decision_model.objects.select_related("result_type").get(
            **{self.kind.name: found}
        )
        self.mail_answer(
            found,
            self.kind.answer_subject,
            self.kind.supporter_subject,
            {"decision": decision, "result": decision.result},
        )

    def connect(self) -> None:
        """The kind takes decisions like comments and statements (dialog.comments.decisions);
        unconfirmed ones are purged with the rest (`manage.py purge_unconfirmed`)."""
        decisions.register_decidable(
            decisions.Decidable(
                model=self.kind.model,
                decision_model=self.kind.decision_model,
                owner_field=self.kind.name,
                plural=self.kind.plural,
                is_visible=lambda found: found.is_published,
                author_email=lambda found: found.email,
                mail_author=self.mail_decision,
            )
        )
        confirmation.register_purge(f"unbestätigte {self.kind.plural}", self.purge_unconfirmed)
