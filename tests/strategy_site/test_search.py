import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_service_pages(client):
    html = client.get("/suche/", {"q": "Ombudsstelle"}).content.decode()
    assert "1 Treffer für „Ombudsstelle“" in html
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in html


def test_search_keeps_the_query_and_escapes_it(client):
    html = client.get("/suche/", {"q": "<b>nichts</b>"}).content.decode()
    assert 'value="&lt;b&gt;nichts&lt;/b&gt;"' in html
    assert "0 Treffer" in html


def test_too_short_query_is_explained(client):
    html = client.get("/suche/", {"q": "a"}).content.decode()
    assert "Bitte geben Sie mindestens 2 Zeichen ein." in html


def test_search_never_lists_a_login_only_page(client, settings):
    from django.contrib.flatpages.models import FlatPage

    page = FlatPage.objects.create(
        url="/intern/",
        title="Interne Planung Glasfaserzwerg",
        content="<p>Nur für angemeldete Mitarbeitende: Glasfaserzwerg.</p>",
        registration_required=True,
    )
    page.sites.add(settings.SITE_ID)
    html = client.get("/suche/", {"q": "Glasfaserzwerg"}).content.decode()
    assert "0 Treffer" in html
    assert "Interne Planung" not in html and "/intern/" not in html
    # The same page without the login requirement is found: the test can fail.
    FlatPage.objects.filter(pk=page.pk).update(registration_required=False)
    assert (
        "Interne Planung Glasfaserzwerg"
        in client.get("/suche/", {"q": "Glasfaserzwerg"}).content.decode()
    )
