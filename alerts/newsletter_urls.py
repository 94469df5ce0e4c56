from django.urls import path

from . import archive

app_name = "newsletter"

urlpatterns = [
    path("", archive.newsletter_list, name="list"),
    path("<int:pk>/", archive.newsletter_detail, name="detail"),
]
