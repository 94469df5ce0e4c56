"""Prioritäten setzen: up to three fields of action, confirmed by link, one ballot per
address and phase, results as chart and table when the phase allows."""

import datetime
import re

import pytest
from django.utils import timezone

from dialog.models import Phase
from goals.models import FieldOfAction, PriorityBallot, StrategyVersion
from tests.support.links import press_confirm

from .conftest import text_of

pytestmark = pytest.mark.django_db
URL = "/dialog/phasen/mitreden/prioritaeten/"


@pytest.fixture
def phase(db):
    now = timezone.now()
    phase = Phase.objects.create(
        title="Mitreden 2.0",
        slug="mitreden",
        starts_at=now - datetime.timedelta(days=2),
        ends_at=now + datetime.timedelta(days=20),
        priorities_question="Welche Handlungsfelder sind Ihnen am wichtigsten?",
        priorities_shown_during=True,
    )
    version = StrategyVersion.objects.create(title="2.0", slug="2-0", year=2021, is_current=True)
    version.phases.add(phase)
    for n, title in enumerate(["Verwaltung", "Netze", "Bildung", "Gesundheit"], start=1):
        FieldOfAction.objects.create(
            version=version, number=str(n), title=title, slug=title.lower(), position=n
        )
    return phase


def field(title):
    return str(FieldOfAction.objects.get(title=title).pk)


def vote(client, email, *titles):
    return client.post(URL, {"fields_of_action": [field(t) for t in titles], "email": email})


def confirm_link(message):
    return re.search(r"https?://[^\s]+(/dialog/prioritaeten/bestaetigen/[^\s]+/)", message.body)[1]


def test_a_vote_counts_once_confirmed_and_a_second_vote_replaces_the_first(
    client, phase, mailoutbox
):
    response = vote(client, "Lea@Example.org", "Netze", "Bildung")
    assert response.status_code == 302 and response.url.endswith("?gesendet=1#abstimmung")
    sent = text_of(client.get(response.url))
    assert "Wir haben Ihnen eine E-Mail mit einem Bestätigungslink geschickt" in sent
    assert "Noch hat niemand eine Stimme bestätigt." in sent
    (message,) = mailoutbox
    assert message.to == ["Lea@Example.org"]
    assert "- 2 Netze" in message.body and "- 3 Bildung" in message.body
    confirmed = press_confirm(client, confirm_link(message))
    assert "Vielen Dank, Ihre Stimme zählt" in confirmed.content.decode()
    # The address is not kept, only a keyed hash of it.
    ballot = PriorityBallot.objects.get()
    assert "lea" not in ballot.address_hash.lower() and len(ballot.address_hash) == 64

    vote(client, "anna@example.org", "Netze")
    press_confirm(client, confirm_link(mailoutbox[-1]))
    page = text_of(client.get(URL))
    assert "2 bestätigte Stimmen." in page
    assert "2 Netze 2 100 % 3 Bildung 1 50 % 1 Verwaltung 0 0 % 4 Gesundheit 0 0 %" in page
    html = client.get(URL).content.decode()
    assert "Prioritäten (2 Stimmen). 2 Netze: 2, 3 Bildung: 1" in html  # the chart's title

    # Lea votes again (any spelling of her address): her new ballot replaces the old one.
    vote(client, "lea@example.org ", "Gesundheit")
    press_confirm(client, confirm_link(mailoutbox[-1]))
    page = text_of(client.get(URL))
    assert "2 bestätigte Stimmen." in page
    assert "2 Netze 1 50 %" in page and "4 Gesundheit 1 50 %" in page
    # A used link does not count twice.
    again = client.get(confirm_link(mailoutbox[-1]))
    assert again.status_code == 410
    assert "Dieser Link ist nicht mehr gültig" in again.content.decode()


@pytest.mark.parametrize(
    ("titles", "email", "message"),
    [
        (
            ["Verwaltung", "Netze", "Bildung", "Gesundheit"],
            "a@example.org",
            "Bitte wählen Sie höchstens 3 Handlungsfelder; Sie haben 4 gewählt.",
        ),
        ([], "a@example.org", "Bitte wählen Sie mindestens ein Handlungsfeld."),
        (["Netze"], "kein-at-zeichen", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        (["Netze"], "", "Bitte geben Sie Ihre E-Mail-Adresse an."),
    ],
)
def test_bad_input_is_named_and_the_choice_kept(client, phase, mailoutbox, titles, email, message):
    response = vote(client, email, *titles)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    for title in titles:  # what was ticked stays ticked
        assert re.search(rf'value="{field(title)}"[^>]*checked', html)
    assert not PriorityBallot.objects.exists() and mailoutbox == []


def test_results_wait_for_the_end_when_the_phase_says_so(client, phase, mailoutbox):
    Phase.objects.filter(pk=phase.pk).update(priorities_shown_during=False)
    vote(client, "a@example.org", "Netze")
    press_confirm(client, confirm_link(mailoutbox[0]))
    page = text_of(client.get(URL))
    assert "Das Ergebnis erscheint hier nach dem Ende der Phase." in page
    assert "1 bestätigte Stimme" not in page
    Phase.objects.filter(pk=phase.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    page = text_of(client.get(URL))
    assert "1 bestätigte Stimme." in page
    # After the end: no form, a posted vote is not stored.
    assert "Die Abstimmung ist beendet" in page
    vote(client, "b@example.org", "Bildung")
    assert PriorityBallot.objects.count() == 1


def test_a_link_confirmed_after_the_phase_ended_does_not_count(client, phase, mailoutbox):
    vote(client, "a@example.org", "Netze")
    Phase.objects.filter(pk=phase.pk).update(ends_at=timezone.now() - datetime.timedelta(hours=1))
    assert client.get(confirm_link(mailoutbox[0])).status_code == 410
    assert not PriorityBallot.objects.filter(confirmed_at__isnull=False).exists()


def test_the_phase_page_links_the_ballot_and_other_phases_have_none(client, phase):
    html = client.get(phase.get_absolute_url()).content.decode()
    assert (
        f'<a href="{URL}">Abstimmen: Welche Handlungsfelder sind Ihnen am wichtigsten?</a>' in html
    )
    other = Phase.objects.create(
        title="Ohne",
        slug="ohne",
        starts_at=phase.starts_at,
        ends_at=phase.ends_at,
    )
    assert "Abstimmen:" not in client.get(other.get_absolute_url()).content.decode()
    assert client.get("/dialog/phasen/ohne/prioritaeten/").status_code == 404


@pytest.mark.parametrize("count", [5, 200])
def test_ballot_page_queries_do_not_grow_with_ballots(
    client, phase, django_assert_max_num_queries, count
):
    fields = list(FieldOfAction.objects.all())
    now = timezone.now()
    for n in range(count):
        ballot = PriorityBallot.objects.create(
            phase=phase, address_hash=f"{n:064d}", token_hash=f"t{n:063d}", confirmed_at=now
        )
        ballot.fields.set(fields[: 1 + n % 3])
    # Phase, the fields (for the form and the results), the confirmed count, the counts
    # per field.
    with django_assert_max_num_queries(4):
        page = text_of(client.get(URL))
    assert f"{count} bestätigte Stimmen." in page


def test_the_phase_results_page_shows_the_priorities_result(client, phase, mailoutbox):
    vote(client, "a@example.org", "Bildung")
    press_confirm(client, confirm_link(mailoutbox[0]))
    page = text_of(client.get("/dialog/phasen/mitreden/ergebnisse/"))
    assert "Ergebnis: Prioritäten Welche Handlungsfelder sind Ihnen am wichtigsten?" in page
    assert "1 bestätigte Stimme." in page and "3 Bildung 1 100 %" in page
    # A phase that asks nothing has no such part.
    other = Phase.objects.create(
        title="Ohne", slug="ohne2", starts_at=phase.starts_at, ends_at=phase.ends_at
    )
    assert "Prioritäten" not in text_of(client.get(f"/dialog/phasen/{other.slug}/ergebnisse/"))


def test_staff_see_each_ballot_read_only_and_never_an_address(client, phase, mailoutbox, editor):
    vote(client, "lea@example.org", "Netze", "Bildung")
    press_confirm(client, confirm_link(mailoutbox[0]))
    vote(client, "tom@example.org", "Verwaltung")  # never confirmed
    client.force_login(editor)
    listing = client.get("/admin/goals/priorityballot/").content.decode()
    assert "2 Netze, 3 Bildung" in listing and "1 Verwaltung" in listing
    assert "lea@example.org" not in listing and "tom@example.org" not in listing
    confirmed = client.get(
        "/admin/goals/priorityballot/?confirmed_at__isnull=False"
    ).content.decode()
    assert "2 Netze, 3 Bildung" in confirmed and "1 Verwaltung" not in confirmed
    ballot = PriorityBallot.objects.get(confirmed_at__isnull=False)
    change = client.get(f"/admin/goals/priorityballot/{ballot.pk}/change/").content.decode()
    assert 'name="_save"' not in change  # nothing to change
    assert client.get("/admin/goals/priorityballot/add/").status_code == 403
    assert PriorityBallot.objects.count() == 2


def test_one_vote_per_mailbox_whatever_the_spelling(client, phase, mailoutbox):
    """Stuffing by spelling one mailbox differently: tags, capitals, spaces."""
    variants = ["x+1@example.org", "x+2@example.org", "X+3@EXAMPLE.org", " X@Example.ORG "]
    for n, email in enumerate(variants):
        client.post(
            URL, {"fields_of_action": [field("Netze")], "email": email}, REMOTE_ADDR=f"10.0.0.{n}"
        )
        press_confirm(client, confirm_link(mailoutbox[-1]))
    assert PriorityBallot.objects.filter(confirmed_at__isnull=False).count() == 1
    assert "1 bestätigte Stimme." in text_of(client.get(URL))


def test_one_mailbox_gets_at_most_five_links_an_hour_from_any_visitor(client, phase, mailoutbox):
    for n in range(5):
        vote(client, f"x+{n}@example.org", "Netze")
    refused = client.post(
        URL,
        {"fields_of_action": [field("Netze")], "email": "X@example.org"},
        REMOTE_ADDR="10.9.9.9",  # another visitor
    )
    html = refused.content.decode()
    error = html.split('id="id_email_error"')[1][:400]
    assert "An diese E-Mail-Adresse haben wir in der letzten Stunde schon mehrere" in error
    assert 'value="X@example.org"' in html
    assert len(mailoutbox) == 5 and PriorityBallot.objects.count() == 5


def test_a_vote_after_a_key_rotation_still_replaces_the_earlier_one(
    client, phase, mailoutbox, settings
):
    vote(client, "lea@example.org", "Netze")
    press_confirm(client, confirm_link(mailoutbox[-1]))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "ein-neuer-schluessel-" + "k" * 40
    vote(client, "Lea@example.org", "Bildung")
    press_confirm(client, confirm_link(mailoutbox[-1]))
    assert PriorityBallot.objects.filter(confirmed_at__isnull=False).count() == 1
    assert "3 Bildung 1 100 %" in text_of(client.get(URL))


def test_a_ballot_from_the_first_release_is_replaced_too(client, phase, mailoutbox, settings):
    """Ballots stored before common/addresses.py were keyed by HMAC(secret, address)."""
    import hashlib
    import hmac

    old_hash = hmac.new(settings.SECRET_KEY.encode(), b"lea@example.org", hashlib.sha256)
    earlier = PriorityBallot.objects.create(
        phase=phase,
        address_hash=old_hash.hexdigest(),
        token_hash="t" * 64,
        confirmed_at=timezone.now(),
    )
    earlier.fields.set([field("Netze")])
    vote(client, "Lea+neu@example.org", "Bildung")
    press_confirm(client, confirm_link(mailoutbox[-1]))
    assert PriorityBallot.objects.filter(confirmed_at__isnull=False).count() == 1
    assert "3 Bildung 1 100 %" in text_of(client.get(URL))
