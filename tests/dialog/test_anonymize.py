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
    assert out.getvalue().strip() == "1 Kommentar(e) anonymisiert (älter als 180 Tage)."
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
