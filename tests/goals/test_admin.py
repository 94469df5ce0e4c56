"""The goal admin for editors: reports inline newest first, view on site, rights by group."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from goals.models import Goal, StatusReport
from tests.support.admin_forms import goal_form_extras

from .conftest import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(version, make_field, make_goal):
    return make_goal(
        make_field(version),
        4,
        "Digitales Bürgeramt",
        reports=[
            (d("2022-01-05"), "in-umsetzung"),
            (d("2023-02-01"), "verzoegert"),
            (d("2022-06-01"), "im-zeitplan"),
        ],
    )


def test_goal_change_page_lists_reports_newest_first_and_links_the_site(client, editor, goal):
    client.force_login(editor)
    html = client.get(f"/admin/goals/goal/{goal.pk}/change/").content.decode()
    dates = re.findall(r'name="reports-\d-date" value="([\d.-]+)"', html)
    assert dates == ["01.02.2023", "01.06.2022", "05.01.2022"]
    assert 'href="/admin/r/' in html  # Django's "Auf der Website anzeigen"
    assert client.get(
        f"/admin/r/{ContentType.objects.get_for_model(Goal).pk}/{goal.pk}/"
    ).url.endswith("/strategie/2-0/ziele/4/")


def test_editor_adds_a_report_with_the_goal_form(client, editor, goal):
    client.force_login(editor)
    html = client.get(f"/admin/goals/goal/{goal.pk}/change/").content.decode()
    assert "Digitales Bürgeramt" in html
    data = {
        "field": goal.field_id,
        "number": 4,
        "title": "Digitales Bürgeramt",
        "slug": "",
        "description": "",
        "horizon": "kurzfristig",
        "provenance": "amtlich",
        "target_date": "",
        "ministry": "",
        "categories": "",
        "reports-TOTAL_FORMS": "4",
        "reports-INITIAL_FORMS": "3",
        "reports-MIN_NUM_FORMS": "0",
        "reports-MAX_NUM_FORMS": "1000",
        # The comment switches (dialog's inline), left untouched.
        "dialog-commentoptions-content_type-object_pk-TOTAL_FORMS": "0",
        "dialog-commentoptions-content_type-object_pk-INITIAL_FORMS": "0",
        **goal_form_extras(),
    }
    for i, report in enumerate(goal.reports.order_by("-date")):
        data |= {
            f"reports-{i}-id": report.pk,
            f"reports-{i}-goal": goal.pk,
            f"reports-{i}-date": report.date.strftime("%d.%m.%Y"),
            f"reports-{i}-status": report.status,
            f"reports-{i}-text": report.text,
            f"reports-{i}-provenance": report.provenance,
        }
    data |= {
        "reports-3-goal": goal.pk,
        "reports-3-date": "01.03.2024",
        "reports-3-status": "umgesetzt",
        "reports-3-text": "Gestartet.",
        "reports-3-provenance": "amtlich",
    }
    response = client.post(f"/admin/goals/goal/{goal.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert StatusReport.objects.order_by("-date").first().status == "umgesetzt"


def test_moderators_cannot_edit_import_or_export_goals(client, moderator, goal):
    client.force_login(moderator)
    assert client.get(f"/admin/goals/goal/{goal.pk}/change/").status_code == 403
    for url in (
        "/admin/goals/goal/import/",
        "/admin/goals/statusreport/import/",
        "/admin/goals/goal/export/",
    ):
        assert client.get(url).status_code == 403, url
    csv = "fassung,ziel,datum,status,bericht\n2-0,4,2024-01-01,umgesetzt,Untergeschoben\n"
    response = client.post_holding_a_token(
        "/admin/goals/statusreport/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("x.csv", csv.encode())},
    )
    assert response.status_code == 403
    assert goal.reports.count() == 3
