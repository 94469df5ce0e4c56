from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from goals.models import Goal

from .models import Category, Post


class PostPagesMixin:
    """Ten posts a page (?seite=2), newest first; a page past the end is a 404."""

    paginate_by = 10
    page_kwarg = "seite"
    context_object_name = "posts"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(
            page.number, on_each_side=2, on_ends=1
        )
        return context


class PostListView(PostPagesMixin, ListView):
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return Post.objects.published().for_lists()

    def get_context_data(self, **kwargs):
        used = Category.objects.filter(posts__in=Post.objects.published()).distinct()
        return super().get_context_data(categories=used, **kwargs)


class CategoryPostListView(PostPagesMixin, ListView):
    template_name = "blog/category.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return self.category.posts.published().for_lists()

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


@require_safe
def post_detail(request, slug):
    """A post; editors also see drafts and scheduled posts here, marked as preview."""
    post = get_object_or_404(
        Post.objects.visible_to(request.user).prefetch_related("categories", "related_themes"),
        slug=slug,
    )
    # A post quotes each goal's status as it stood on the day it appeared, not today's.
    day = timezone.localdate(post.published_at) if post.published_at else timezone.localdate()
    goals = (
        Goal.objects.quoted_on(day).select_related("version").order_by("-version__year", "number")
    )
    prefetch_related_objects([post], Prefetch("related_goals", queryset=goals))
    response = render(request, "blog/post_detail.html", {"post": post, "quoted_on": day})
    if not post.is_public:
        # A preview must not be kept by any cache.
        add_never_cache_headers(response)
    return response
