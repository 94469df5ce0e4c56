from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "downloads"
    verbose_name = "Downloads"

    def ready(self):
        from common import page_shows

        page_shows.shows("downloads.document")
