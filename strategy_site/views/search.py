"""/suche/: the site search (strategy_site.search.engine); the view reads the parameters."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..search.engine import search
from ..search.sources import BY_KIND


@require_safe
def search_view(request):
    raw = request.GET.get("q", "")
    kind = request.GET.get("art", "")
    kind = kind if kind in BY_KIND else ""
    version = request.GET.get("fassung", "")[:50]
    comments = request.GET.get("kommentare") == "1"
    page = request.GET.get("seite", "1")
    page = int(page) if page.isdigit() and len(page) < 6 else 1
    outcome = search(raw, kind, version, page, comments)
    base = {"q": outcome.query, "kommentare": "1" if comments else ""}

    def link(**changes):
        params = {**base, "art": kind, "fassung": version, **changes}
        return "?" + urlencode({k: v for k, v in params.items() if v})

    return render(
        request,
        "search.html",
        {
            "query": outcome.query,
            "outcome": outcome,
            "comments": comments,
            "kind": kind,
            "version": version,
            # (heading, parameter, [(facet, link that selects it or, if selected, lifts it)])
            "facet_groups": [
                (
                    heading,
                    parameter,
                    [
                        (f, link(**{parameter: "" if f.selected else f.key, "seite": ""}))
                        for f in facets
                    ],
                )
                for heading, parameter, facets in (
                    ("Nach Art", "art", outcome.kinds),
                    ("Nach Fassung", "fassung", outcome.versions),
                )
            ],
            "previous_link": link(seite=outcome.page - 1) if outcome.page > 1 else "",
            "next_link": link(seite=outcome.page + 1) if outcome.page < outcome.pages else "",
            "comments_link": link(kommentare="" if comments else "1", seite=""),
            "suggestion_links": [(s, "?" + urlencode({"q": s.query})) for s in outcome.suggestions],
        },
    )
