from django.urls import path

from . import views

app_name = "selfservice"

urlpatterns = [
    path("", views.start, name="start"),
    path("zugang/<str:token>/", views.open_link, name="open"),
    path("uebersicht/", views.overview, name="overview"),
    path("zurueckziehen/<str:key>/", views.withdraw, name="withdraw"),
    path("bearbeiten/<str:key>/", views.edit, name="edit"),
    path("auskunft/", views.data_page, name="data"),
    path("auskunft/meine-beitraege.json", views.data_json, name="data-json"),
    path("loeschen/", views.erase, name="erase"),
    path("beenden/", views.leave, name="leave"),
]
