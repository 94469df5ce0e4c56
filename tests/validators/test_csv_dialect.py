"""Every CSV the site writes is in one dialect, as /daten/ and README.md say: comma, CRLF,
UTF-8 with a byte order mark; a spreadsheet program or a script opens each the same way."""

import csv
import io
import re

import pytest

from dialog.comments.export import ALL

CSV_LINK = re.compile(r'href="(/[^"]+\.csv)"')


def csv_files(client) -> set[str]:
    """The CSV links of the open-data page and of every phase's results page."""
    pages = ["/daten/"]
    dialog = client.get("/dialog/").content.decode()
    pages += sorted(set(re.findall(r'href="(/dialog/phasen/[^/"]+/)"', dialog)))
    found = set()
    for page in pages:
        html = client.get(page).content.decode()
        found |= set(CSV_LINK.findall(html))
        if page.startswith("/dialog/phasen/"):
            results = client.get(page + "ergebnisse/").content.decode()
            found |= set(CSV_LINK.findall(results))
    return found


@pytest.mark.django_db
def test_every_csv_has_the_one_documented_dialect(client, demo, admin_client):
    files = {path: client.get(path).content for path in csv_files(client)}
    # The staff's export of all comments, chosen in its form as an editor does.
    export_page = "/admin/django_comments_xtd/xtdcomment/export/"
    assert "CSV (Komma, UTF-8)" in admin_client.get(export_page).content.decode()
    export = admin_client.post(export_page, {"scope": ALL, "format": "csv"})
    files["Kommentar-Export"] = b"".join(export.streaming_content)
    assert any(p.startswith("/daten/") for p in files)
    assert sum(p.endswith("/ergebnisse.csv") for p in files) >= 3
    wrong = {}
    for name, body in files.items():
        text = body.decode("utf-8")
        header = text.lstrip("\ufeff").split("\r\n", 1)[0]
        dialect = csv.Sniffer().sniff(header, delimiters=",;")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        found = (text.startswith("\ufeff"), dialect.delimiter, "\r\n" in text, len(rows[0]) > 3)
        if found != (True, ",", True, True):
            wrong[name] = found
    assert wrong == {}
