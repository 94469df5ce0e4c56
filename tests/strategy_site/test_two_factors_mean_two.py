"""Two factors mean two factors: with STAFF_TWO_FACTOR_REQUIRED (the default in production),
a staff session that has not shown its second factor is an anonymous visitor everywhere
outside the admin's 2FA setup: no staff badge or instant publishing, no drafts or
previews, no unpublished statement or its PDF. The same session with its factor has all."""

# ruff: noqa: F811 (fixtures imported from tests/dialog/conftest.py share their names)
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from django_otp.plugins.otp_totp.models import TOTPDevice

from blog.models import Post
from dialog.models import Statement
from tests.dialog.conftest import commentable_pages, make_page, target  # noqa: F401
from tests.dialog.factories import make_phase
from tests.dialog.helpers import form_data
from tests.support.pdfs import make_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


@pytest.fixture
def password_only(client, make_staff):
    """An editor and moderator in one, signed in with the password alone."""
    staff = make_staff("petra", "Redaktion")
    staff.groups.add(*make_staff("m", "Moderation").groups.all())
    client.force_login(staff)
    return staff


def verify(client, user):
    """The same session after the second factor (what django-otp's login step stores)."""
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()


@pytest.fixture
def draft(db):
    return Post.objects.create(
        title="Geheimer Entwurf",
        slug="entwurf",
        teaser="t",
        body="<p>b</p>",
        status=Post.Status.DRAFT,
        published_at=timezone.now(),
    )


@pytest.fixture
def waiting_statement(db):
    now = timezone.now()
    phase = make_phase(now - timedelta(days=1), now + timedelta(days=9), statements_allowed=True)
    statement = Statement.objects.create(
        phase=phase,
        organisation="Verband",
        kind="verband",
        title="Noch nicht geprüft",
        text="Text",
        email="v@example.org",
        status=Statement.Status.WAITING,
        pdf_pages=1,
        pdf_size=100,
    )
    statement.pdf.save("v.pdf", ContentFile(make_pdf(1)))
    return statement


def test_a_comment_is_a_visitor_s_comment_waiting_for_its_link(client, password_only, target):
    response = client.post(
        "/kommentare/senden/",
        form_data(target, name="Petra", email="petra@example.org"),
        form_page=target.get_absolute_url(),
    )
    assert response.status_code == 302 and "/kommentare/gesendet/" in response["Location"]
    assert not XtdComment.objects.exists()  # not published at once, no official badge
    assert [m.subject for m in mail.outbox] == [
        "[Digitalstrategie.NRW] Bitte bestätigen Sie Ihren Kommentar"
    ]


def test_the_comment_form_shows_no_staff_answer(client, password_only, target):
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Antwort der Landesregierung" not in page
    verify(client, password_only)
    assert "Antwort der Landesregierung" in client.get(target.get_absolute_url()).content.decode()


def test_no_draft_or_preview(client, password_only, draft):
    assert client.get("/blog/entwurf/").status_code == 404
    verify(client, password_only)
    assert "Geheimer Entwurf" in client.get("/blog/entwurf/").content.decode()


def test_no_unpublished_statement_or_its_pdf(client, password_only, waiting_statement):
    assert client.get(waiting_statement.get_absolute_url()).status_code == 404
    assert client.get(waiting_statement.pdf_url).status_code == 404
    verify(client, password_only)
    assert client.get(waiting_statement.get_absolute_url()).status_code == 200
    assert client.get(waiting_statement.pdf_url).status_code == 200


def test_the_admin_still_leads_to_the_setup(client, password_only):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/zwei-faktor/"
    assert client.get("/admin/zwei-faktor/").status_code == 200


def test_a_factor_once_set_up_is_needed_even_when_not_required(
    client, password_only, settings, draft
):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    TOTPDevice.objects.create(user=password_only, name="App", confirmed=True)
    assert client.get("/blog/entwurf/").status_code == 404
