"""The results page of a phase as printed: navigation, header and footer gone, every table
in full, the decisions on paper (a real PDF from Chromium's print engine)."""

import io

from pypdf import PdfReader

URL = "/dialog/phasen/online-phase-2021/ergebnisse/"


def test_results_page_prints_its_content_without_navigation(page, live_server, demo_content):
    page.goto(live_server.url + URL)
    page.emulate_media(media="print")
    for hidden in (".site-header", ".main-nav", ".site-footer", ".breadcrumbs"):
        if page.locator(hidden).count():
            assert not page.locator(hidden).first.is_visible(), hidden
    # No table is cut at a scroll edge.
    assert page.evaluate(
        "[...document.querySelectorAll('.table-wrap')].every(w => w.scrollWidth <= w.clientWidth"
        " && getComputedStyle(w).overflowX === 'visible')"
    )
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(p.extract_text() for p in pdf.pages)
    for text in (
        "Ergebnisse: Online-Phase Frühjahr 2021",
        "Was aus den Beiträgen wurde",
        "Stellungnahmen von Organisationen",
        "Beispielverband Digitale Bildung NRW",
    ):
        assert text in " ".join(printed.split()), text
    assert "Zum Inhalt springen" not in printed and "Impressum" not in printed
