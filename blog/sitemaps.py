from django.db.models import Count, Max

from .models import Category, Post


def post_entries():
    return [(p.get_absolute_url(), p.updated_at) for p in Post.objects.published()]


def category_entries():
    return [(c.get_absolute_url(), None) for c in Category.objects.order_by("name")]


def post_summary():
    posts = Post.objects.published().aggregate(n=Count("id"), latest=Max("updated_at"))
    return posts["n"], posts["latest"]


def category_count():
    return Category.objects.count()
