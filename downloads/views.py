from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.http import quote_etag
from django.views.decorators.http import condition, require_safe

from .listing import documents_by_kind
from .models import Document


@require_safe
def document_list(request):
    return render(request, "downloads/document_list.html", {"groups": documents_by_kind()})


def _document(request, slug):
    # condition() asks for the ETag and the Last-Modified separately and the
    # view needs the row again: one query serves all three.
    if not hasattr(request, "_download_document"):
        request._download_document = Document.objects.filter(slug=slug).first()
    return request._download_document


def _etag(request, slug):
    document = _document(request, slug)
    if document is None:
        return None
    # Changes with every save, even twice within one second.
    return quote_etag(f"{document.pk}-{document.updated_at.timestamp():.6f}")


def _last_modified(request, slug):
    document = _document(request, slug)
    return document.updated_at if document else None


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def document_file(request, slug):
    """The PDF itself, shown in the browser and saved under a readable name.

    Browsers and proxies revalidate (no-cache) and get a 304 while the file is
    unchanged, so a replaced file is seen at once without resending old ones.
    """
    document = _document(request, slug)
    if document is None:
        raise Http404("Dieses Dokument gibt es nicht.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("Die Datei dieses Dokuments fehlt.") from None
    response = FileResponse(handle, content_type="application/pdf", filename=document.download_name)
    response["Cache-Control"] = "public, no-cache"
    return response
