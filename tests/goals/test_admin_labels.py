"""Staff tell the versions apart where they pick and read: "2.0 · Ziel 21: …" in pickers,
lists and answers of the autocomplete, a goal found by its number, a chapter's parent and a
paragraph's predecessor taken from the right version."""

import pytest

from goals.models import Chapter, Paragraph
from goals.text import editing

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(version, old_version, make_field, make_goal):
    new_field = make_field(version, "2", "Wirtschaft")
    old_field = make_field(old_version, "4.3", "Wirtschaft")
    return {
        "new_21": make_goal(new_field, 21, "Das digitale Gewerbeamt für alle Betriebe"),
        "new_37": make_goal(new_field, 37, "Gewerbe digital anmelden"),
        "old_1": make_goal(old_field, 1, "Gewerbeanmeldung online"),
        "old_21": make_goal(old_field, 21, "Breitband für Schulen"),
    }


def autocomplete(client, term, model_name="statusreport", field_name="goal", referer=None):
    headers = {"Referer": referer} if referer else {}
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "goals", "model_name": model_name, "field_name": field_name, "term": term},
        headers=headers,
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_goal_labels_name_their_version(goals):
    assert str(goals["new_21"]) == "2.0 · Ziel 21: Das digitale Gewerbeamt für alle Betriebe"
    assert str(goals["old_1"]) == "2019 · Ziel 1: Gewerbeanmeldung online"


def test_goal_picker_finds_a_goal_by_number_and_by_words(client, editor, goals):
    client.force_login(editor)
    both_21 = [
        "2019 · Ziel 21: Breitband für Schulen",
        "2.0 · Ziel 21: Das digitale Gewerbeamt für alle Betriebe",
    ]
    assert autocomplete(client, "21") == both_21
    assert autocomplete(client, "Ziel 21") == both_21
    assert autocomplete(client, "2.0 Ziel 21") == [
        "2.0 · Ziel 21: Das digitale Gewerbeamt für alle Betriebe"
    ]
    assert autocomplete(client, "Gewerbe") == [
        "2019 · Ziel 1: Gewerbeanmeldung online",
        "2.0 · Ziel 21: Das digitale Gewerbeamt für alle Betriebe",
        "2.0 · Ziel 37: Gewerbe digital anmelden",
    ]
    assert autocomplete(client, "2019 Gewerbe") == ["2019 · Ziel 1: Gewerbeanmeldung online"]


def test_goal_picker_in_a_chapter_offers_that_versions_goals_only(client, editor, goals, version):
    chapter = Chapter.objects.create(version=version, number="2", title="Wirtschaft", slug="2")
    client.force_login(editor)
    found = autocomplete(
        client,
        "21",
        model_name="paragraph",
        field_name="goals",
        referer=f"http://testserver/admin/goals/chapter/{chapter.pk}/change/",
    )
    assert found == ["2.0 · Ziel 21: Das digitale Gewerbeamt für alle Betriebe"]


@pytest.fixture
def texts(version, old_version):
    old = Chapter.objects.create(version=old_version, number="4", title="Verwaltung", slug="4")
    editing.apply(old, "Die Landesregierung baut das Serviceportal aus.\n\nZweiter Absatz.")
    new = Chapter.objects.create(version=version, number="2", title="Digitale Verwaltung", slug="2")
    editing.apply(new, "Die Landesregierung bringt alle Leistungen online, bis 2025.")
    sub = Chapter.objects.create(version=version, number="2.1", title="Portal", slug="2-1")
    return {"old": old, "new": new, "sub": sub}


def test_paragraph_label_names_version_chapter_and_first_words(texts):
    paragraph = texts["new"].paragraphs.get()
    assert str(paragraph) == (
        "2.0 · Kapitel 2 Digitale Verwaltung · Absatz 1: „Die Landesregierung bringt alle "
        "Leistungen online, …“"
    )


def test_continues_is_a_search_among_earlier_versions_paragraphs(client, editor, texts):
    client.force_login(editor)
    referer = f"http://testserver/admin/goals/chapter/{texts['new'].pk}/change/"
    found = autocomplete(
        client, "Serviceportal", model_name="paragraph", field_name="continues", referer=referer
    )
    assert found == [
        "2019 · Kapitel 4 Verwaltung · Absatz 1: „Die Landesregierung baut das Serviceportal aus.“"
    ]
    # The 2.0 paragraph itself is no predecessor of a 2.0 paragraph.
    assert autocomplete(
        client, "Landesregierung", model_name="paragraph", field_name="continues", referer=referer
    ) == [
        "2019 · Kapitel 4 Verwaltung · Absatz 1: „Die Landesregierung baut das Serviceportal aus.“"
    ]


def test_chapter_page_picks_continues_from_a_search_and_keeps_the_choice(client, editor, texts):
    client.force_login(editor)
    new = texts["new"].paragraphs.get()
    old = texts["old"].paragraphs.first()
    new.continues = old
    new.save()
    page = client.get(f"/admin/goals/chapter/{texts['new'].pk}/change/").content.decode()
    assert 'data-model-name="paragraph"' in page  # the searchable picker, not an id field
    assert (
        "2019 · Kapitel 4 Verwaltung · Absatz 1: „Die Landesregierung baut das Serviceportal "
        "aus.“" in page
    )


def test_a_chapters_parent_list_shows_its_own_versions_chapters(client, editor, texts):
    client.force_login(editor)
    page = client.get(f"/admin/goals/chapter/{texts['sub'].pk}/change/").content.decode()
    assert ">2.0 · Kapitel 2 Digitale Verwaltung</option>" in page
    assert "Kapitel 4 Verwaltung</option>" not in page
    assert "Kapitel 2.1 Portal</option>" not in page  # not its own parent


def test_a_parent_from_another_version_is_refused_with_the_text_kept(client, editor, texts):
    client.force_login(editor)
    response = client.post(
        "/admin/goals/chapter/add/",
        {
            "version": texts["new"].version_id,
            "parent": texts["old"].pk,
            "number": "2.2",
            "title": "Register",
            "slug": "2-2",
            "order": 3,
            "source": "Ein neuer Absatz über Register.",
            "paragraphs-TOTAL_FORMS": 0,
            "paragraphs-INITIAL_FORMS": 0,
        },
    )
    page = response.content.decode()
    assert "Das Oberkapitel muss zur selben Fassung gehören" in page
    assert "Ein neuer Absatz über Register." in page
    assert not Chapter.objects.filter(slug="2-2").exists()


def test_paragraph_list_is_read_only_and_labelled(client, editor, texts):
    client.force_login(editor)
    page = client.get("/admin/goals/paragraph/").content.decode()
    assert "2019 · Kapitel 4 Verwaltung · Absatz 2: „Zweiter Absatz.“" in page
    paragraph = Paragraph.objects.first()
    change = client.get(f"/admin/goals/paragraph/{paragraph.pk}/change/").content.decode()
    assert 'name="text"' not in change  # the text is edited on the chapter's page
