from .models import Document


def entries():
    return [(d.get_absolute_url(), d.updated_at) for d in Document.objects.order_by("pk")]
