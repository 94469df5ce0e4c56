"""What every feed of the site says about itself."""

from django.conf import settings
from django.contrib.syndication.views import Feed

# RFC 4287 (4.1.1): an Atom feed names an author unless every entry does; the editors
# stand behind every feed, whoever wrote an entry.
AUTHOR_NAME = "Redaktion der Digitalstrategie.NRW"


class SiteFeed(Feed):
    """Base of every feed: the editors as the feed's author, the site as its address."""

    author_name = AUTHOR_NAME

    def author_email(self):
        # The public contact address; RSS names a feed's author only with an address
        # (managingEditor).
        return settings.COMMENTS_XTD_CONTACT_EMAIL

    def author_link(self):
        return f"{settings.SITE_URL}/impressum/"
