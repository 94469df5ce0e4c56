"""Citizens cannot pose as the government or the site's staff, however the name is disguised."""

import pytest
from django_comments_xtd.models import XtdComment

from common.names import is_reserved_name, skeleton

from .helpers import form_data

pytestmark = pytest.mark.django_db

DISGUISED = [
    "Landesregierung",
    "Landes\u00adregierung",  # soft hyphen
    "Landesreg\u0456erung",  # Cyrillic і
    "Re\u200bdaktion",  # zero-width space
    "Landes regierung",
    "Digitalstrategie NRW",
    "Digitalstrategie.NRW",
    "ＲＥＤＡＫＴＩＯＮ",  # full-width letters (NFKC)
    "Redaktión",  # an accent
    "L4ndesregierung",
    "М\u200dinisterium",  # Cyrillic М and a zero-width joiner
    "Staats-Kanzlei",
    "Team M.W.I.D.E.",
    "Die Moderation",
]
ORDINARY = [
    "Mina aus Minden",
    "Paula Pseudonym",
    "Bürgerin",
    "Lena",
    "Klaus Redakteur",
    "Moderator Max",
]


@pytest.mark.parametrize("name", DISGUISED)
def test_disguised_reserved_names_are_refused_with_the_text_kept(client, target, name, outbox):
    response = client.post("/kommentare/senden/", form_data(target, name=name))
    html = response.content.decode()
    assert (
        "Dieser Name ist der Landesregierung, dem Ministerium und der Redaktion vorbehalten."
        in html
    )
    assert "Mehr Glasfaser auf dem Land, bitte." in html
    assert XtdComment.objects.count() == 0 and outbox == []


@pytest.mark.parametrize("name", ORDINARY)
def test_ordinary_names_pass(name):
    assert not is_reserved_name(name)


def test_the_skeleton_folds_lookalikes_to_one_spelling():
    assert (
        skeleton("Landesreg\u0456erung")
        == skeleton("LANDES-REGIERUNG")
        == skeleton("Landes\u00adregierung")
    )
    assert skeleton("Mina") != skeleton("Moderation")
