from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from .sitemaps import SITEMAPS
from .views import health, pages, search

# Editable service pages (django.contrib.flatpages), linked from every footer.
SERVICE_PAGES = [
    "impressum",
    "leichte-sprache",
    "gebaerdensprache",
    "netiquette",
    "kontakt",
]

admin.site.site_header = "Digitalstrategie.NRW – Verwaltung"
admin.site.site_title = "Digitalstrategie.NRW"
admin.site.index_title = "Inhalte und Moderation"
admin.site.site_url = "/"

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("suche/", search.search_view, name="search"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", pages.robots_txt, name="robots"),
    path("barrierefreiheit/", pages.accessibility, name="accessibility"),
    path("datenschutz/", pages.privacy, name="datenschutz"),
    *[
        path(f"{slug}/", flatpage_views.flatpage, {"url": f"/{slug}/"}, name=slug)
        for slug in SERVICE_PAGES
    ],
    path("admin/", admin.site.urls),
    path("", include("goals.urls")),
    path("", include("dialog.participation.urls")),
    # Comment posting, confirmation, replies, reports (no namespace: the package reverses these names).
    path("kommentare/", include("dialog.comments.urls")),
    path("blog/", include("blog.urls")),
    path("downloads/", include("downloads.urls")),
    path("benachrichtigungen/", include("alerts.urls")),
    path("meine-beitraege/", include("selfservice.urls")),
    path("newsletter/", include("alerts.newsletter_urls")),
]

if settings.SERVE_MEDIA:
    # The embedded default serves uploads itself; production lets the proxy do it.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )
