from django.urls import path

import common.bounds  # noqa: F401  (registers the <id:…> converter)

from . import archive

app_name = "newsletter"

urlpatterns = [
    path("", archive.newsletter_list, name="list"),
    path("<id:pk>/", archive.newsletter_detail, name="detail"),
]
