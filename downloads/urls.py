from django.urls import path

from . import views

app_name = "downloads"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<slug:slug>/", views.document_file, name="file"),
]
