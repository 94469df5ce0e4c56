"""The site's URLs plus one test page that shows a commentable flat page with its thread."""

from django.contrib.flatpages.models import FlatPage
from django.shortcuts import get_object_or_404
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from strategy_site.urls import urlpatterns as site_urlpatterns

PAGE_TEMPLATE = engines["django"].from_string(
    '{% extends "base.html" %}{% load dialog_comments %}'
    "{% block title %}{{ target.title }}{% endblock %}"
    "{% block content %}<h1>{{ target.title }}</h1>{% comment_thread target %}{% endblock %}"
)


def commented_page(request, slug):
    target = get_object_or_404(FlatPage, url=f"/kommentar-test/{slug}/")
    return TemplateResponse(request, PAGE_TEMPLATE, {"target": target})


urlpatterns = [path("kommentar-test/<slug:slug>/", commented_page), *site_urlpatterns]
