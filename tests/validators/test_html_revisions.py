"""Pages that the demo does not show on its own are valid HTML too: a goal page with
"Änderungen an diesem Ziel" (word difference included) and a chapter's preview."""

import pytest

from goals.models import Chapter, Goal
from tests.support import vnu
from tests.support.admin_forms import form_as_shown


@pytest.mark.django_db
def test_goal_changes_and_a_preview_are_valid_html(client, demo, editor, tmp_path):
    goal = Goal.objects.filter(version__is_current=True).order_by("number").first()
    goal.title = "Ein neuer Titel"
    goal.description = "<p>Eine neue Beschreibung mit <strong>neuen</strong> Worten.</p>"
    goal.save()
    pages = {"goal": client.get(goal.get_absolute_url()).content.decode()}
    assert "Änderungen an diesem Ziel" in pages["goal"]

    chapter = Chapter.objects.filter(version__is_current=True).order_by("order").first()
    client.force_login(editor)
    url = f"/admin/goals/chapter/{chapter.pk}/change/"
    data = form_as_shown(client.get(url).content.decode(), _vorschau="Vorschau")
    pages["preview"] = client.post(url, data).content.decode()
    assert "<strong>Vorschau:</strong>" in pages["preview"]

    assert vnu.errors(pages, tmp_path / "pages") == []
