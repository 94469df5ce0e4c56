"""Numbers no row can have, NUL bytes and hidden authors: a clear 4xx, never a 500 or a leak."""

import pytest
from django_comments_xtd.models import XtdComment

from .helpers import form_data

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999999"


@pytest.mark.parametrize("suffix", ["", "antworten/", "melden/", "gemeldet/"])
@pytest.mark.parametrize("number", [HUGE, "2147483648", "0"])
def test_comment_addresses_with_impossible_numbers_are_not_found(client, suffix, number):
    response = client.get(f"/kommentare/{number}/{suffix}")
    assert response.status_code == 404


def test_goal_and_newsletter_addresses_with_huge_numbers_are_not_found(client):
    assert client.get(f"/strategie/2-0/ziele/{HUGE}/").status_code == 404
    assert client.get(f"/strategie/2-0/ziele/{HUGE}/feed/").status_code == 404


@pytest.mark.parametrize("reply_to", [HUGE, "-" + HUGE, "2147483648", "abc", "1e9"])
def test_reply_to_out_of_range_is_a_form_error_and_keeps_the_text(client, target, reply_to, outbox):
    response = client.post("/kommentare/senden/", form_data(target, reply_to=reply_to))
    html = response.content.decode()
    assert response.status_code == 200  # the form page again, with the error summary
    assert "Der Kommentar, auf den Sie antworten wollten, ist nicht bekannt." in html
    assert "Mehr Glasfaser auf dem Land, bitte." in html
    assert XtdComment.objects.count() == 0 and outbox == []


@pytest.mark.parametrize("object_pk", [HUGE, "-1", "1\x00", ""])
def test_comment_for_an_impossible_object_is_refused_with_the_text_kept(client, target, object_pk):
    data = form_data(target) | {"object_pk": object_pk}
    response = client.post("/kommentare/senden/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kommentar konnte nicht zugeordnet werden" in html
    assert "Mehr Glasfaser auf dem Land, bitte." in html
    assert XtdComment.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/suche/?q=ab%00cd",
        "/umsetzung/feed/?feld=a%00b",
        "/umsetzung/?fassung=%00",
        "/blog/?a%00=1",
    ],
)
def test_nul_byte_in_the_address_is_a_german_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Die Adresse enthält ein ungültiges Zeichen." in response.content.decode()


def test_nul_byte_in_a_comment_is_a_form_error_not_a_database_error(client, target):
    response = client.post("/kommentare/senden/", form_data(target, comment="Hallo\x00Welt"))
    html = response.content.decode()
    assert response.status_code == 200  # the form page again, with the error beside the field
    assert "Nullzeichen sind nicht erlaubt." in html
    assert XtdComment.objects.count() == 0


def test_thanks_page_for_a_report_never_names_the_author_of_a_hidden_comment(
    client, target, add_comment
):
    comment = add_comment(target, name="Verborgene Person", is_removed=True)
    html = client.get(f"/kommentare/{comment.pk}/gemeldet/").content.decode()
    assert "Danke für Ihre Meldung" in html
    assert "Verborgene Person" not in html
