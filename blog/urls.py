from django.urls import path

from . import feeds, views

app_name = "blog"

urlpatterns = [
    path("", views.PostListView.as_view(), name="list"),
    path("feed/", feeds.PostFeed(), name="rss"),
    path("atom/", feeds.AtomPostFeed(), name="atom"),
    path("kategorie/<slug:slug>/", views.CategoryPostListView.as_view(), name="category"),
    path("<slug:slug>/", views.post_detail, name="post"),
]
