"""The package's own strings speak German (its catalogue is compiled), formally ("Sie")."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("comment confirmation request", "Bitte bestätigen Sie Ihren Kommentar"),
        ("Notify me about follow-up comments", "Mich per E-Mail über Antworten benachrichtigen"),
        ("url your name links to (optional)", "Webadresse, auf die Ihr Name verweist (freiwillig)"),
        ("Flat Pages", "Service-Seiten"),
    ],
)
def test_package_strings_are_translated(english, german):
    with translation.override("de"):
        assert translation.gettext(english) == german


def test_catalogue_addresses_visitors_formally_and_has_no_fuzzy_entries():
    text = CATALOGUE.read_text()
    # Every msgstr with its continuation lines.
    translations = " ".join(re.findall(r'^msgstr ((?:".*"\n?)+)', text, flags=re.M))
    informal = re.findall(r"\b(du|dich|dir|dein\w*|Klicke|klicke)\b", translations)
    assert informal == []
    assert "#, fuzzy" not in text
