"""/daten/: open data page, CSV, JSON and the DCAT-AP.de catalogue."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from .. import opendata
from ..filters import parse_as_of


def data_page(request):
    return render(
        request,
        "goals/data.html",
        {
            "columns": opendata.COLUMNS,
            "licence_name": opendata.LICENCE_NAME,
            "licence_url": opendata.LICENCE_URL,
            "publisher": opendata.PUBLISHER,
            "last_modified": opendata.last_modified(),
        },
    )


def _as_of(request):
    as_of, notices = parse_as_of(request.GET.get("stand", ""), timezone.localdate())
    if notices:
        raise Http404(notices[0])  # a data URL with a bad date names no dataset
    return as_of


def goals_csv(request):
    rows = opendata.goal_rows(request.build_absolute_uri("/"), _as_of(request))
    response = HttpResponse(opendata.goals_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="digitalstrategie-nrw-ziele.csv"'
    return response


def goals_json(request):
    rows = opendata.goal_rows(request.build_absolute_uri("/"), _as_of(request))
    return JsonResponse(opendata.goals_json(rows), json_dumps_params={"ensure_ascii": False})


def catalog(request):
    return JsonResponse(
        opendata.catalog(request.build_absolute_uri),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
