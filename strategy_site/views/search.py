from django.shortcuts import render

from ..search import MIN_QUERY_LENGTH, search


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    too_short = bool(query) and len(query) < MIN_QUERY_LENGTH
    results = search(query) if query else []
    return render(
        request,
        "search.html",
        {
            "query": query,
            "results": results,
            "too_short": too_short,
            "min_length": MIN_QUERY_LENGTH,
        },
    )
