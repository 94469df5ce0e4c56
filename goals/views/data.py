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
            "datasets": opendata.DATASETS.values(),
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


def _dataset(name):
    dataset = opendata.DATASETS.get(name)
    if dataset is None:
        raise Http404("Diesen Datensatz gibt es nicht.")
    return dataset


def dataset_csv(request, dataset):
    dataset = _dataset(dataset)
    rows = dataset.rows(request.build_absolute_uri("/"), _as_of(request))
    response = HttpResponse(
        opendata.as_csv(rows, dataset.columns), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="digitalstrategie-nrw-{dataset.slug}.csv"'
    )
    return response


def dataset_json(request, dataset):
    dataset = _dataset(dataset)
    rows = dataset.rows(request.build_absolute_uri("/"), _as_of(request))
    return JsonResponse(opendata.as_json(dataset, rows), json_dumps_params={"ensure_ascii": False})


def catalog(request):
    return JsonResponse(
        opendata.catalog(request.build_absolute_uri),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
