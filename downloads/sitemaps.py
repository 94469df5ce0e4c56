from django.db.models import Count, Max

from .models import Document


def entries():
    return [(d.get_absolute_url(), d.updated_at) for d in Document.objects.order_by("pk")]


def summary():
    documents = Document.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return documents["n"], documents["latest"]
