from django.contrib.sitemaps import Sitemap

from .models import Document


class DocumentSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Document.objects.order_by("pk")

    def lastmod(self, document):
        return document.updated_at
