from django.urls import path

import common.bounds  # noqa: F401  (registers the <id:…> converter)

from .ideas import views as ideas
from .ideas.feeds import PhaseIdeasFeed
from .priorities import views as priorities
from .suggestions import views as suggestions
from .text import views as text
from .views import dashboard, data, deadlines, feeds, strategy

app_name = "goals"

urlpatterns = [
    path("strategie/", strategy.version_list, name="versions"),
    path("strategie/<slug:version>/", strategy.version_detail, name="version"),
    path("strategie/<slug:version>/ziele/<id:number>/", strategy.goal_detail, name="goal"),
    path("strategie/<slug:version>/text/", text.contents, name="text"),
    path("strategie/<slug:version>/text/<slug:chapter>/", text.chapter, name="chapter"),
    # Before the paragraph's address, whose anchor would take the word.
    path(
        "strategie/<slug:version>/text/<slug:chapter>/vorschlaege/",
        suggestions.chapter_list,
        name="chapter-suggestions",
    ),
    path(
        "strategie/<slug:version>/text/<slug:chapter>/<slug:anchor>/",
        text.paragraph,
        name="paragraph",
    ),
    path("strategie/<slug:version>/ziele/<id:number>/feed/", feeds.GoalFeed(), name="goal-feed"),
    path("dialog/phasen/<slug:slug>/prioritaeten/", priorities.ballot, name="priorities"),
    path(
        "dialog/prioritaeten/bestaetigen/<str:token>/",
        priorities.confirm,
        name="priorities-confirm",
    ),
    path("dialog/phasen/<slug:slug>/ideen/", ideas.idea_list, name="ideas"),
    path("dialog/phasen/<slug:slug>/ideen/einreichen/", ideas.submit, name="idea-submit"),
    path("dialog/phasen/<slug:slug>/ideen/feed/", PhaseIdeasFeed(), name="ideas-feed"),
    path("dialog/phasen/<slug:slug>/ideen/gesendet/", ideas.sent, name="idea-sent"),
    path("dialog/ideen/<id:pk>/", ideas.detail, name="idea"),
    path("dialog/ideen/<id:pk>/unterstuetzen/", ideas.support_idea, name="idea-support"),
    path("dialog/ideen/<id:pk>/melden/", ideas.report, name="idea-report"),
    path("dialog/ideen/bestaetigen/<str:token>/", ideas.confirm, name="idea-confirm"),
    path(
        "dialog/ideen/unterstuetzung/<str:token>/",
        ideas.confirm_support,
        name="idea-support-confirm",
    ),
    path(
        "dialog/ideen/unterstuetzung/<str:token>/zurueckziehen/",
        ideas.withdraw_support,
        name="idea-support-withdraw",
    ),
    path(
        "strategie/<slug:version>/text/<slug:chapter>/<slug:anchor>/vorschlagen/",
        suggestions.propose,
        name="suggestion-propose",
    ),
    path(
        "strategie/<slug:version>/text/<slug:chapter>/<slug:anchor>/vorschlagen/gesendet/",
        suggestions.sent,
        name="suggestion-sent",
    ),
    path("dialog/phasen/<slug:slug>/vorschlaege/", suggestions.phase_list, name="suggestions"),
    path("dialog/vorschlaege/<id:pk>/", suggestions.detail, name="suggestion"),
    path(
        "dialog/vorschlaege/<id:pk>/unterstuetzen/",
        suggestions.support_suggestion,
        name="suggestion-support",
    ),
    path("dialog/vorschlaege/<id:pk>/melden/", suggestions.report, name="suggestion-report"),
    path(
        "dialog/vorschlaege/bestaetigen/<str:token>/",
        suggestions.confirm,
        name="suggestion-confirm",
    ),
    path(
        "dialog/vorschlaege/unterstuetzung/<str:token>/",
        suggestions.confirm_support,
        name="suggestion-support-confirm",
    ),
    path(
        "dialog/vorschlaege/unterstuetzung/<str:token>/zurueckziehen/",
        suggestions.withdraw_support,
        name="suggestion-support-withdraw",
    ),
    path("umsetzung/", dashboard.dashboard, name="dashboard"),
    path("umsetzung/feed/", feeds.StatusReportFeed(), name="feed"),
    path("umsetzung/termine.ics", deadlines.deadlines_ics, name="deadlines-ics"),
    path("daten/", data.data_page, name="data"),
    path("daten/<slug:dataset>.csv", data.dataset_csv, name="dataset-csv"),
    path("daten/<slug:dataset>.json", data.dataset_json, name="dataset-json"),
    path("daten/katalog.jsonld", data.catalog, name="catalog"),
]
