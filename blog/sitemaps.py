from django.contrib.sitemaps import Sitemap

from .models import Post


class PostSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return post.updated_at
