"""anonymize_comments erases addresses of old comments; text and pseudonym stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db


def test_old_comments_lose_email_and_ip_but_keep_name_and_text(target, add_comment):
    old = add_comment(
        target,
        "Alter Text",
        name="Alte Eule",
        submit_date=timezone.now() - timedelta(days=200),
        ip_address="192.0.2.7",
        followup=True,
    )
    recent = add_comment(
        target, "Neuer Text", submit_date=timezone.now() - timedelta(days=5), ip_address="192.0.2.8"
    )
    out = StringIO()
    call_command("anonymize_comments", "--older-than", "180", stdout=out)
    assert out.getvalue().splitlines()[0] == "1 Kommentar(e) anonymisiert (älter als 180 Tage)."
    old = XtdComment.objects.get(pk=old.pk)
    assert (old.user_email, old.ip_address, old.followup) == ("", None, False)
    assert (old.user_name, old.comment) == ("Alte Eule", "Alter Text")
    stored = XtdComment.objects.get(pk=recent.pk)
    assert (stored.user_email, stored.ip_address) == (recent.user_email, "192.0.2.8")
    assert recent.user_email.endswith("@example.org")

    again = StringIO()
    call_command("anonymize_comments", "--older-than", "180", stdout=again)
    assert again.getvalue().startswith("0 Kommentar(e)")


@pytest.mark.parametrize("days", ["0", "6"])
def test_retention_shorter_than_the_confirmation_link_is_refused(days):
    # A comment younger than 7 days may still be confirmed; erasing its address first
    # would publish a comment nobody can be asked about.
    with pytest.raises(CommandError, match="mindestens 7"):
        call_command("anonymize_comments", "--older-than", days)


def test_old_statements_lose_their_contact_address_and_later_decisions_mail_nobody(
    outbox, django_capture_on_commit_callbacks
):
    from dialog.comments import decisions
    from dialog.models import Statement
    from tests.dialog.factories import make_phase

    now = timezone.now()
    phase = make_phase(now - timedelta(days=400), now - timedelta(days=300))

    def statement(name, days, status=Statement.Status.PUBLISHED):
        made = Statement.objects.create(
            phase=phase,
            organisation=name,
            kind="verband",
            title=f"Stellungnahme {name}",
            text="Unsere Punkte.",
            email=f"{name.lower()}@example.org",
            status=status,
        )
        Statement.objects.filter(pk=made.pk).update(created_at=now - timedelta(days=days))
        return made

    old = statement("Alt", 200)
    recent = statement("Neu", 5)
    out = StringIO()
    call_command("anonymize_comments", "--older-than", "180", stdout=out)
    assert out.getvalue().splitlines()[1] == (
        "1 Kontaktadresse(n) von Stellungnahmen gelöscht (älter als 180 Tage)."
    )
    old.refresh_from_db()
    assert (old.email, old.organisation, old.text) == ("", "Alt", "Unsere Punkte.")
    assert Statement.objects.get(pk=recent.pk).email == "neu@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide([old], "beantwortet", "Danke.", None)
    assert old.decision.reason == "Danke." and outbox == []
