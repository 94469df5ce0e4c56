import pytest
from django.core import mail

from strategy_site.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Hanna Beispiel",
    "email": "hanna@example.org",
    "page": "/umsetzung/",
    "message": "Das Diagramm hat keine Textalternative.",
}


def test_form_is_on_the_accessibility_statement(client):
    html = client.get("/barrierefreiheit/").content.decode()
    assert "Erklärung zur Barrierefreiheit" in html
    assert (
        '<label for="id_email">E-Mail-Adresse <span class="required">(Pflichtfeld)</span></label>'
        in html
    )
    assert '<label for="id_name">Name (freiwillig)</label>' in html


def test_valid_feedback_is_stored_and_mailed_to_editors(
    client, editor, make_staff, django_capture_on_commit_callbacks
):
    make_staff("moritz", "Moderation")  # answers it and marks it done in the admin
    make_staff("rita", None)  # staff outside both groups get no mail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/barrierefreiheit/", VALID, follow=True)
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.name, feedback.email, feedback.page, feedback.message) == (
        "Hanna Beispiel",
        "hanna@example.org",
        "/umsetzung/",
        "Das Diagramm hat keine Textalternative.",
    )
    assert "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen." in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika.redaktion@example.org", "moritz@example.org"]
    assert mail.outbox[0].subject == "[Digitalstrategie.NRW] Neue Rückmeldung zur Barrierefreiheit"
    assert "Das Diagramm hat keine Textalternative." in mail.outbox[0].body
    assert (
        f"/admin/strategy_site/accessibilityfeedback/{feedback.pk}/change/" in mail.outbox[0].body
    )
    # Answering the mail reaches the person who wrote, not a noreply box.
    assert mail.outbox[0].message()["Reply-To"] == "hanna@example.org"


def test_feedback_mail_body_from_template_keeps_the_text_as_written(
    client, editor, django_capture_on_commit_callbacks
):
    message = 'Kontrast <button> & "Links" zu schwach'
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/barrierefreiheit/", {**VALID, "name": "", "page": "", "message": message})
    body = mail.outbox[0].body
    # Plain text mail: no HTML escaping of what the visitor wrote.
    assert message in body
    assert "Name: (nicht angegeben)\nE-Mail: hanna@example.org\nSeite: (nicht angegeben)" in body
    assert body.endswith("Bitte beantworten Sie die Rückmeldung zeitnah.\n")


def test_name_is_optional(client):
    client.post("/barrierefreiheit/", {**VALID, "name": ""})
    assert AccessibilityFeedback.objects.get().name == ""


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"email": "keine-adresse"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an"),
        ({"message": ""}, "message", "Bitte schreiben Sie uns Ihre Nachricht."),
        ({"message": "   "}, "message", "Bitte schreiben Sie uns Ihre Nachricht."),
        ({"message": "x" * 5001}, "message", "höchstens 5000 Zeichen, Sie haben 5001"),
    ],
)
def test_invalid_input_is_answered_beside_the_field_and_text_kept(client, bad, field, message):
    data = {**VALID, **bad}
    response = client.post("/barrierefreiheit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert AccessibilityFeedback.objects.count() == 0
    error = html[html.index(f'id="id_{field}_error"') :]
    assert message in error[: error.index("</p>")]
    # The field points at its error, and what the visitor typed is still there.
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html or (
        f'aria-describedby="id_{field}_error"' in html
    )
    assert 'value="Hanna Beispiel"' in html
    if field != "message":
        assert "Das Diagramm hat keine Textalternative.</textarea>" in html
    assert "<title>Fehler: " in html


def test_filled_honeypot_stores_nothing(client):
    response = client.post("/barrierefreiheit/", {**VALID, "website": "http://spam.example"})
    assert AccessibilityFeedback.objects.count() == 0
    assert "Dieses Feld muss leer bleiben." in response.content.decode()


def test_moderator_reads_feedback_in_admin_with_markup_escaped(client, moderator):
    AccessibilityFeedback.objects.create(email="a@example.org", message="<script>alert(1)</script>")
    client.force_login(moderator)
    html = client.get("/admin/strategy_site/accessibilityfeedback/").content.decode()
    assert "a@example.org" in html
    feedback = AccessibilityFeedback.objects.get()
    html = client.get(
        f"/admin/strategy_site/accessibilityfeedback/{feedback.pk}/change/"
    ).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_feedback_flood_from_one_address_stores_five_and_keeps_the_sixth_text(client, mailoutbox):
    for n in range(5):
        client.post("/barrierefreiheit/", {**VALID, "message": f"Rückmeldung {n}"})
    response = client.post("/barrierefreiheit/", {**VALID, "message": "Die sechste Meldung"})
    html = response.content.decode()
    assert "Von Ihrem Anschluss kamen in der letzten Stunde schon 5 Rückmeldungen." in html
    assert "Die sechste Meldung" in html
    assert AccessibilityFeedback.objects.count() == 5
