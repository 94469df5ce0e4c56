"""'Meine Beiträge' for ideas, wording suggestions and supports (the contribution
pipeline's kinds): listed with their state, corrected while nothing answers or backs them
(in a pre-moderated phase the correction waits for the moderation), withdrawn, supports
taken back while the phase takes them."""

# ruff: noqa: F811 (the idea tests' fixture is imported under its name)
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import TestCase
from django_comments_xtd.models import XtdComment

from dialog.models import Phase
from goals.ideas.models import Idea, IdeaSupport
from goals.suggestions.models import Suggestion
from strategy_site.models import SearchEntry
from tests.goals.test_ideas import phase, submit_and_confirm, support  # noqa: F401
from tests.goals.test_suggestions import BETTER, WORDING, paragraph, propose_and_confirm  # noqa: F401
from tests.selfservice.test_my_contributions import OVERVIEW, open_my_contributions
from tests.support.links import press_confirm

pytestmark = pytest.mark.django_db


def test_an_idea_is_listed_corrected_and_withdrawn(client, phase):
    idea = submit_and_confirm(client, phase, title="Freies WLAN in Bibliotheken")
    html = open_my_contributions(client, "petra@example.org")
    assert "Idee · Beteiligungsphase „" in html
    assert "Freies WLAN in Bibliotheken" in html and "Veröffentlicht" in html

    edit = f"/meine-beitraege/bearbeiten/idee-{idea.pk}/"
    assert "Freies WLAN in Bibliotheken" in client.get(edit).content.decode()
    refused = client.post(edit, {"title": "", "text": "kurz"}).content.decode()
    assert "Bitte" in refused and 'value=""' in refused and "kurz" in refused
    idea.refresh_from_db()
    assert idea.title == "Freies WLAN in Bibliotheken"

    client.post(edit, {"title": "Freies WLAN in allen Bibliotheken", "text": idea.text})
    idea.refresh_from_db()
    assert idea.title == "Freies WLAN in allen Bibliotheken" and idea.edited_at is not None
    assert (
        "Freies WLAN in allen Bibliotheken" in client.get(idea.get_absolute_url()).content.decode()
    )

    withdraw = f"/meine-beitraege/zurueckziehen/idee-{idea.pk}/"
    assert "Idee zurückziehen" in client.get(withdraw).content.decode()
    client.post(withdraw)
    assert not Idea.objects.filter(pk=idea.pk).exists()  # no answer, no comments: gone
    assert client.get(idea.get_absolute_url()).status_code == 404
    assert f'id="eintrag-idee-{idea.pk}"' not in client.get(OVERVIEW).content.decode()


def test_a_support_is_listed_and_withdrawn_while_the_phase_takes_them(client, phase):
    idea = submit_and_confirm(client, phase)
    mail.outbox.clear()
    press_confirm(client, support(client, idea, "Unterstuetzer+x@example.org"))
    assert IdeaSupport.objects.filter(confirmed_at__isnull=False).count() == 1
    html = open_my_contributions(client, "unterstuetzer@example.org")
    assert f"Unterstützung einer Idee · Idee „{idea.title}“" in html
    (row,) = IdeaSupport.objects.all()
    path = f"/meine-beitraege/zurueckziehen/idee-unterstuetzung-{row.pk}/"
    assert "Unterstützung zurückziehen" in client.get(path).content.decode()
    client.post(path)
    assert not IdeaSupport.objects.exists()


def test_a_suggestion_is_corrected_and_a_commented_one_only_withdrawn(client, paragraph):
    suggestion = propose_and_confirm(client, paragraph)
    open_my_contributions(client, "petra@example.org")
    edit = f"/meine-beitraege/bearbeiten/vorschlag-{suggestion.pk}/"
    assert "Warum schlagen Sie das vor?" in client.get(edit).content.decode()
    # Bad input: the paragraph's own wording, and a reason too short; both kept in the form.
    html = client.post(edit, {"text": WORDING, "reason": "kurz"}).content.decode()
    assert "dieselbe wie der Absatz" in html and "mindestens 10 Zeichen" in html
    assert "kurz" in html
    client.post(edit, {"text": BETTER + " Bis 2025.", "reason": "Weil es realistischer ist."})
    suggestion.refresh_from_db()
    assert suggestion.text.endswith("Bis 2025.") and suggestion.edited_at is not None

    # Someone comments on it: it can no longer be corrected; withdrawing keeps the
    # discussion's record and erases the author's words and name.
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(Suggestion),
        object_pk=str(suggestion.pk),
        site_id=1,
        user_name="Jan",
        user_email="jan@example.org",
        comment="Guter Vorschlag.",
    )
    assert client.get(edit).status_code == 409
    path = f"/meine-beitraege/zurueckziehen/vorschlag-{suggestion.pk}/"
    client.get(path)
    client.post(path)
    suggestion.refresh_from_db()
    assert suggestion.withdrawn_at is not None and suggestion.status == "verborgen"
    assert (suggestion.name, suggestion.email, suggestion.reason) == ("anonym", "", "")
    assert "Bis 2025" not in suggestion.text
    assert client.get(suggestion.get_absolute_url()).status_code == 404


def test_a_correction_in_a_premoderated_phase_waits_and_a_supported_idea_stays_as_it_is(
    client, phase, moderator
):
    idea = submit_and_confirm(client, phase)
    phase.moderation = Phase.Moderation.PRE
    phase.save()
    open_my_contributions(client, "petra@example.org")
    edit = f"/meine-beitraege/bearbeiten/idee-{idea.pk}/"
    client.get(edit)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(edit, {"title": "Freies WLAN überall", "text": idea.text})
    idea.refresh_from_db()
    assert idea.status == Idea.Status.WAITING and idea.title == "Freies WLAN überall"
    # Waiting for release: not in the search either.
    assert not SearchEntry.objects.filter(title__contains="Freies WLAN").exists()
    assert client.get(idea.get_absolute_url()).status_code == 404  # until released
    assert [m.to for m in mail.outbox] == [[moderator.email]]

    supported = submit_and_confirm(client, phase, title="Mehr Lernräume in Bibliotheken")
    supported.status = Idea.Status.PUBLISHED
    supported.save()
    press_confirm(client, support(client, supported, "fan@example.org"))
    open_my_contributions(client, "petra@example.org")
    assert client.get(f"/meine-beitraege/bearbeiten/idee-{supported.pk}/").status_code == 409
