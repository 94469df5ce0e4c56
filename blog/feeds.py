"""/blog/feed/ (RSS 2.0) and /blog/atom/ (Atom) with the full text of each post."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from common.feeds import SiteFeed

from .models import Post

FEED_SIZE = 20
# Links and images an editor wrote relative to the site ("/ziele/…").
RELATIVE_URL = re.compile(r'(href|src)="/(?!/)')


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with the full text in <content:encoded>, the teaser in <description>, and
    the feed's author."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        # Django's RSS writer drops the feed's author; RSS 2.0 names it managingEditor.
        if self.feed["author_email"] and self.feed["author_name"]:
            editor = f"{self.feed['author_email']} ({self.feed['author_name']})"
            handler.addQuickElement("managingEditor", editor)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    """Atom with the full text in <content>, the teaser in <summary>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class PostFeed(SiteFeed):
    feed_type = RssWithContent
    title = "Digitalstrategie.NRW – Blog"
    description = "Erfolgsgeschichten und Berichte zur Umsetzung der Digitalstrategie.NRW"
    language = "de"

    def link(self):
        return reverse("blog:list")

    def items(self):
        return Post.objects.published().for_lists()[:FEED_SIZE]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.teaser

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_author_name(self, post):
        return post.author

    def item_categories(self, post):
        return [category.name for category in post.categories.all()]

    def item_extra_kwargs(self, post):
        # Feed readers show the text away from the site: links must be absolute.
        return {"content": RELATIVE_URL.sub(rf'\1="{settings.SITE_URL}/', post.body)}


class AtomPostFeed(PostFeed):
    feed_type = AtomWithContent
    subtitle = PostFeed.description
