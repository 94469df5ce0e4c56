"""An idea's way: submitted, address confirmed by the link's button, published or waiting
for the moderation as its phase says, hidden with a Netiquette reason (author told),
answered with the shared decision (author and supporters who asked are told)."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import confirmation, mail
from common.groups import MODERATION, member_emails
from common.link_tokens import new_token, token_hash
from dialog.comments import decisions, moderation
from dialog.comments.netiquette import NetiquetteReason

from .models import Idea, IdeaDecision, IdeaReport

ModerationRefused = moderation.ModerationRefused


def submit(phase, *, field, title, text, name, sender_kind, organisation, email, **refs):
    """Store an unconfirmed idea; returns (idea, token for the confirmation link).
    `refs`: the optional goal, chapter or theme it names."""
    token, hashed = new_token()
    idea = Idea.objects.create(
        phase=phase,
        field=field,
        title=title,
        text=text,
        name=name,
        sender_kind=sender_kind,
        organisation=organisation,
        email=email,
        token_hash=hashed,
        **{key: value for key, value in refs.items() if value is not None},
    )
    return idea, token


def send_confirmation(idea, link: str) -> None:
    mail.send(
        f"Bitte bestätigen Sie Ihre Idee: {idea.title}",
        idea.email,
        "mail/idea_confirmation.txt",
        {"idea": idea, "link": link, "valid_days": confirmation.valid_for().days},
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )


def lookup(token: str, now=None, *, for_update: bool = False):
    """The idea a link names, changing nothing; None for an unknown link or an unconfirmed
    idea whose link has expired."""
    ideas = Idea.objects.select_for_update() if for_update else Idea.objects
    idea = ideas.select_related("phase", "field").filter(token_hash=token_hash(token)).first()
    if idea is None:
        return None
    if idea.status == Idea.Status.UNCONFIRMED and confirmation.is_expired(idea.created_at, now):
        return None
    return idea


@transaction.atomic
def confirm(token: str, now=None):
    """(idea, newly confirmed); (None, False) for an unknown or expired link. A second
    press finds the idea and changes nothing. An idea submitted while the phase took ideas
    is taken when its link is pressed later (within the link's days): confirming checks the
    address, the deadline applied to the submission."""
    now = now or timezone.now()
    idea = lookup(token, now, for_update=True)
    if idea is None or idea.status != Idea.Status.UNCONFIRMED:
        return idea, False
    idea.confirmed_at = now
    if idea.phase.is_pre_moderated:
        idea.status = Idea.Status.WAITING
        transaction.on_commit(lambda: _tell_moderation(idea))
    else:
        idea.status = Idea.Status.PUBLISHED
        idea.published_at = now
    idea.save(update_fields=["status", "confirmed_at", "published_at"])
    return idea, True


def purge_unconfirmed(cutoff) -> int:
    """Ideas whose link was never used in time (`manage.py purge_unconfirmed`)."""
    deleted, _ = Idea.objects.filter(status=Idea.Status.UNCONFIRMED, created_at__lt=cutoff).delete()
    return deleted


def _tell_moderation(idea) -> None:
    mail.send(
        f"Neue Idee wartet auf Prüfung: {idea.title}",
        member_emails(MODERATION),
        "mail/idea_waiting.txt",
        {"idea": idea, "admin_path": reverse("admin:goals_idea_change", args=[idea.pk])},
    )


def report(idea, reason: str, note: str) -> None:
    """Store a visitor's report and tell the moderation (after the commit)."""
    found = IdeaReport.objects.create(idea=idea, reason=reason, note=note)
    transaction.on_commit(lambda: _tell_moderation_report(found))


def _tell_moderation_report(found) -> None:
    mail.send(
        f"Eine Idee wurde gemeldet: {found.idea.title}",
        member_emails(MODERATION),
        "mail/idea_reported.txt",
        {
            "report": found,
            "idea": found.idea,
            "admin_path": reverse("admin:goals_idea_change", args=[found.idea.pk]),
        },
    )


def _moderatable(ideas) -> list[Idea]:
    return moderation.confirmed_only(
        ideas, lambda idea: idea.status == Idea.Status.UNCONFIRMED, "Ideen"
    )


def publish(ideas, user, now=None) -> int:
    """Publish confirmed ideas (waiting, or hidden before)."""
    now = now or timezone.now()
    ideas = _moderatable(ideas)
    with transaction.atomic():
        for idea in ideas:
            idea.status = Idea.Status.PUBLISHED
            idea.published_at = idea.published_at or now
            idea.hidden_reason = ""
            idea.moderated_by = user
            idea.save()
    return len(ideas)


def hide(ideas, reason: str, user) -> int:
    """Take ideas off the site with a Netiquette reason mailed to each author."""
    if reason not in NetiquetteReason.values:
        raise ModerationRefused("Bitte wählen Sie einen Grund.")
    ideas = _moderatable(ideas)
    with transaction.atomic():
        for idea in ideas:
            newly = idea.status != Idea.Status.HIDDEN
            idea.status = Idea.Status.HIDDEN
            idea.hidden_reason = reason
            idea.moderated_by = user
            idea.save()
            if newly:
                transaction.on_commit(
                    lambda i=idea: moderation.mail_author_removed(
                        i.email,
                        "Ihre Idee wird nicht angezeigt",
                        NetiquetteReason(reason).label,
                        name=i.name,
                        what=f"Ihre Idee „{i.title}“ geprüft und",
                        done="verborgen",
                        it="sie",
                        it_again="sie",
                    )
                )
    return len(ideas)


def _mail_decision(idea) -> None:
    decision = IdeaDecision.objects.select_related("result_type").get(idea=idea)
    context = {
        "idea": idea,
        "decision": decision,
        "result": decision.result,
        "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
    }
    mail.send(
        "Was aus Ihrer Idee wurde",
        idea.email,
        "mail/idea_decision.txt",
        context,
        reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
    )
    supporters = sorted(
        set(
            idea.supports.filter(confirmed_at__isnull=False)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    for email in supporters:  # each their own mail: nobody sees the others' addresses
        mail.send(
            "Was aus der Idee wurde, die Sie unterstützen",
            email,
            "mail/idea_decision.txt",
            {**context, "supporter": True},
            reply_to=[settings.COMMENTS_XTD_CONTACT_EMAIL],
        )
    # The addresses were kept only for this answer (goals/ideas/forms.py says so).
    idea.supports.exclude(email="").update(email="")


def connect() -> None:
    """Ideas take decisions like comments and statements (dialog.comments.decisions)."""
    decisions.register_decidable(
        decisions.Decidable(
            model=Idea,
            decision_model=IdeaDecision,
            owner_field="idea",
            plural="Ideen",
            is_visible=lambda idea: idea.is_published,
            author_email=lambda idea: idea.email,
            mail_author=_mail_decision,
        )
    )
    confirmation.register_purge("unbestätigte Ideen", purge_unconfirmed)
