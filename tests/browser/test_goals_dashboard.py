"""The goal filter on /umsetzung/ works in a real browser, by keyboard, and stays axe-clean."""

import re

from goals.models import Goal


def test_filter_form_narrows_the_list_and_is_bookmarkable(
    page, live_server, demo_content, axe_violations
):
    page.goto(live_server.url + "/umsetzung/")
    page.select_option("#filter-status", "verzoegert")
    page.select_option("#filter-horizont", "kurzfristig")
    page.focus("#filter-ueberfaellig")
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.click("text=Filter anwenden")
    assert (
        "status=verzoegert" in page.url
        and "horizont=kurzfristig" in page.url
        and "ueberfaellig=1" in page.url
    )
    expected = list(
        Goal.objects.overdue()
        .filter(version__slug="2-0", horizon="kurzfristig", status_code="verzoegert")
        .order_by("number")
        .values_list("title", flat=True)
    )
    assert expected
    listed = [
        t.strip() for t in page.locator("section:has(#alle-ziele) tbody th a").all_inner_texts()
    ]
    assert listed == expected
    assert page.input_value("#filter-status") == "verzoegert"
    assert page.is_checked("#filter-ueberfaellig")
    assert axe_violations(page) == []


def test_unknown_filter_value_shows_a_notice_not_an_error(
    page, live_server, demo_content, axe_violations
):
    response = page.goto(live_server.url + "/umsetzung/?status=fertig&feld=nirgends")
    assert response.status == 200
    notice = page.inner_text(".notice")
    assert re.search(r"Den Wert „fertig“ für „Stand“ kennen wir nicht", notice)
    assert re.search(r"Den Wert „nirgends“ für „Handlungsfeld“ kennen wir nicht", notice)
    # Nothing filtered: all 78 goals, the first 50 on this page.
    assert "78 von 78 Zielen; gezeigt werden 1 bis 50." in page.inner_text(
        "#alle-ziele + *, section:has(#alle-ziele)"
    )
    assert page.locator("section:has(#alle-ziele) tbody tr").count() == 50
    assert axe_violations(page) == []


def test_version_pages_fit_a_phone(page, live_server, demo_content, axe_violations):
    page.set_viewport_size({"width": 320, "height": 800})
    for url in ("/strategie/2-0/", "/umsetzung/?fassung=2019"):
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
        assert axe_violations(page) == [], url
