"""/daten/: open data page, CSV, JSON and the DCAT-AP.de catalogue."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

from .. import opendata


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


def goals_csv(request):
    rows = opendata.goal_rows(request.build_absolute_uri("/"))
    response = HttpResponse(opendata.goals_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="digitalstrategie-nrw-ziele.csv"'
    return response


def goals_json(request):
    rows = opendata.goal_rows(request.build_absolute_uri("/"))
    return JsonResponse(opendata.goals_json(rows), json_dumps_params={"ensure_ascii": False})


def catalog(request):
    return JsonResponse(
        opendata.catalog(request.build_absolute_uri),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
