"""Admin search that knows the strategy's versions: "2.0 Ziel 21", "2019 Gewerbe".

Django's autocomplete asks the picked model's admin with nothing but the typed term and
the field it fills; which form the picker sits in is read from the page that asked (the
admin sends its Referer: Django's admin pages carry Referrer-Policy "same-origin").
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from . import labels


def narrow_to_version(queryset, term: str, lookup: str = "version"):
    """A term that starts with a version's short name ("2.0 …", "2019 …") keeps that
    version's rows; returns the queryset and the rest of the term."""
    from .models import StrategyVersion

    first, _, rest = term.strip().partition(" ")
    if not first:
        return queryset, term
    for version in StrategyVersion.objects.only("pk", "title", "year"):
        if labels.version_short(version) == first:
            return queryset.filter(**{lookup: version}), rest.strip()
    return queryset, term


def _object_of_referring_page(request, model_name: str):
    """The pk of the goals admin change page of `model_name` the request came from, or None."""
    path = urlsplit(request.headers.get("Referer", "")).path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name == f"goals_{model_name}_change":
        return match.kwargs.get("object_id")
    return None


def chapter_of_form(request):
    """The chapter whose page holds the picker of an autocomplete request, or None."""
    from .models import Chapter

    if "field_name" not in request.GET:
        return None
    pk = _object_of_referring_page(request, "chapter")
    if pk is None or not str(pk).isdigit():
        return None
    return Chapter.objects.select_related("version").filter(pk=pk).first()


def version_of_form(request):
    """The version a goal picker is bound to: a chapter's goal marks take its version's goals."""
    if request.GET.get("model_name") == "paragraph" and request.GET.get("field_name") == "goals":
        chapter = chapter_of_form(request)
        return chapter.version_id if chapter else None
    return None
