from django.urls import path

from dialog.participation.views import events, phases, statements, themes

app_name = "dialog"

urlpatterns = [
    path("dialog/", phases.phase_list, name="phases"),
    path("dialog/phasen/<slug:slug>/", phases.phase_detail, name="phase"),
    path("dialog/phasen/<slug:slug>/ergebnisse/", phases.phase_results, name="results"),
    path("dialog/phasen/<slug:slug>/ergebnisse.csv", phases.phase_results_csv, name="results-csv"),
    path(
        "dialog/phasen/<slug:slug>/stellungnahmen/",
        statements.phase_statements,
        name="statements",
    ),
    path(
        "dialog/phasen/<slug:slug>/stellungnahmen/einreichen/",
        statements.submit_statement,
        name="statement-submit",
    ),
    path(
        "dialog/phasen/<slug:slug>/stellungnahmen/gesendet/",
        statements.statement_sent,
        name="statement-sent",
    ),
    path(
        "dialog/stellungnahmen/bestaetigen/<str:token>/",
        statements.confirm_statement,
        name="statement-confirm",
    ),
    path("dialog/stellungnahmen/<int:pk>/", statements.statement_detail, name="statement"),
    path(
        "dialog/stellungnahmen/<int:pk>/stellungnahme.pdf",
        statements.statement_pdf,
        name="statement-pdf",
    ),
    path("dialog/themen/<slug:slug>/", themes.theme_detail, name="theme"),
    path("veranstaltungen/", events.event_list, name="events"),
    path("veranstaltungen.ics", events.event_list_ics, name="events_ics"),
    path("veranstaltungen/reihen/<slug:slug>/", events.series_detail, name="series"),
    path("veranstaltungen/<slug:slug>/", events.event_detail, name="event"),
    path("veranstaltungen/<slug:slug>.ics", events.event_ics, name="event_ics"),
]
