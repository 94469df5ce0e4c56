"""Nothing lost when mail fails: every mail goes through the persistent queue
(django-post-office), a request never fails on SMTP, failures are retried and
visible to staff in the admin."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from post_office.models import STATUS, Email

from strategy_site.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db

FEEDBACK = {
    "name": "Hanna Beispiel",
    "email": "hanna@example.org",
    "page": "/umsetzung/",
    "message": "Das Diagramm hat keine Textalternative.",
}


class BrokenSMTP(LocmemBackend):
    """An SMTP server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def post_feedback(client, capture, **kwargs):
    # The feedback mail leaves once the row is committed.
    with capture(execute=True):
        return client.post("/barrierefreiheit/", FEEDBACK, **kwargs)


@pytest.fixture
def queue(settings, editor):
    """The site's real mail path: post_office in front of a delivery backend."""
    settings.EMAIL_BACKEND = "common.mail_queue.EmailBackend"

    def use(priority, backend="django.core.mail.backends.locmem.EmailBackend"):
        settings.POST_OFFICE = {
            **settings.POST_OFFICE,
            "BACKENDS": {"default": backend},
            "DEFAULT_PRIORITY": priority,
        }

    return use


def test_worker_mode_only_queues_and_the_worker_sends(
    client, queue, django_capture_on_commit_callbacks
):
    queue("medium")
    response = post_feedback(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
    assert mail.outbox == []  # the request did not talk to any mail server
    assert Email.objects.get().status == STATUS.queued
    call_command("mail_worker", "--once", verbosity=0)
    assert [m.to for m in mail.outbox] == [["erika.redaktion@example.org"]]
    assert "Das Diagramm hat keine Textalternative." in mail.outbox[0].body
    assert Email.objects.get().status == STATUS.sent


def test_smtp_down_the_visitor_is_answered_and_the_mail_is_retried(
    client, queue, admin_client, django_capture_on_commit_callbacks
):
    queue("medium", "tests.strategy_site.test_mail_queue.BrokenSMTP")
    response = post_feedback(client, django_capture_on_commit_callbacks, follow=True)
    assert "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen." in response.content.decode()
    call_command("mail_worker", "--once", verbosity=0)
    email = Email.objects.get()
    assert email.status == STATUS.requeued and email.number_of_retries == 1
    # Staff see the failure and its reason in the admin.
    listing = admin_client.get("/admin/post_office/email/").content.decode()
    assert "Neue Rückmeldung zur Barrierefreiheit" in listing
    detail = admin_client.get(f"/admin/post_office/email/{email.pk}/change/").content.decode()
    assert "SMTPServerDisconnected" in detail
    # The server is back: the next run after the retry interval delivers it.
    queue("medium")
    Email.objects.update(scheduled_time=None)
    call_command("mail_worker", "--once", verbosity=0)
    assert Email.objects.get().status == STATUS.sent and len(mail.outbox) == 1


def test_now_mode_sends_during_the_request_and_a_failure_never_raises(
    client, queue, django_capture_on_commit_callbacks
):
    queue("now", "tests.strategy_site.test_mail_queue.BrokenSMTP")
    response = post_feedback(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
    assert Email.objects.get().status == STATUS.failed


@pytest.mark.parametrize("priority", ["now", "medium"])
def test_a_mail_that_can_never_be_sent_fails_at_once_with_its_reason(queue, admin_client, priority):
    """A line break in a header (here: a visitor's name in a subject) can never be sent:
    it is marked failed at once, not retried, and staff see why in the admin."""
    queue(priority)
    sent = mail.EmailMessage(
        "Neue Stellungnahme: Verband\nBcc: alle@example.org", "Text", to=["a@b.org"]
    )
    assert sent.send() == 0  # no exception reaches the request
    call_command("mail_worker", "--once", verbosity=0)
    email = Email.objects.get()
    assert email.status == STATUS.failed and mail.outbox == []
    (log,) = email.logs.all()
    assert log.exception_type == "BadHeaderError"
    assert "Kann nie versendet werden" in log.message
    detail = admin_client.get(f"/admin/post_office/email/{email.pk}/change/").content.decode()
    assert "Kann nie versendet werden" in detail
    # The worker's next runs leave it alone: nothing is requeued or retried.
    Email.objects.update(scheduled_time=None)
    call_command("mail_worker", "--once", verbosity=0)
    assert Email.objects.get().status == STATUS.failed and mail.outbox == []
