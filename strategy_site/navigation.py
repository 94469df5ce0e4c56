"""Which main navigation item a page belongs to, from its resolved URL name.

Named after URL names, not path prefixes, so moving a URL cannot silently
lose the highlight. Pages outside the sections (service pages, search) mark none.
"""

# Whole namespaces that are one section.
NAMESPACE_SECTIONS = {"dialog": "dialog", "blog": "blog", "downloads": "downloads"}
# Sections inside a namespace, by URL name.
VIEW_SECTIONS = {
    "home": "home",
    "goals:versions": "strategie",
    "goals:version": "strategie",
    "goals:goal": "strategie",
    "goals:dashboard": "umsetzung",
}


def section_of(match) -> str | None:
    if match is None:  # 404 pages have no resolved URL
        return None
    return VIEW_SECTIONS.get(match.view_name) or NAMESPACE_SECTIONS.get(match.namespace)


def navigation(request):
    """Context processor: `nav_section` for base.html's aria-current."""
    return {"nav_section": section_of(getattr(request, "resolver_match", None))}


def canonical(request):
    """Context processor: `canonical_url`, the page's one address for search engines and
    link previews: the configured site address, the path, and the page number if any
    (filters and tracking parameters left out)."""
    from django.conf import settings

    url = settings.SITE_URL.rstrip("/") + request.path
    page = request.GET.get("seite", "")
    if page.isdigit() and page != "1" and len(page) < 6:
        url += f"?seite={page}"
    return {"canonical_url": url}
