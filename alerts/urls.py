from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("verwalten/", views.manage_request, name="manage"),
    path("verwalten/<str:token>/", views.manage_address, name="manage-address"),
]
