from django.conf import settings
from django.contrib import messages
from django.contrib.flatpages.models import FlatPage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from blog.listing import posts_for_home
from common import own_data, posting_guard
from common.csrf import csrf_protect_public_form
from dialog.participation.teasers import home_teasers
from downloads.listing import documents_for_home
from goals.teaser import home_context as goals_home_context

from ..feedback import submit_feedback
from ..forms import AccessibilityFeedbackForm
from ..timeline import MILESTONES


def home(request):
    return render(
        request,
        "home.html",
        {
            "milestones": MILESTONES,
            "contact_email": settings.COMMENTS_XTD_CONTACT_EMAIL,
            **goals_home_context(),
            "blog_posts": posts_for_home(),
            "download_documents": documents_for_home(),
            **home_teasers(),
        },
    )


@csrf_protect_public_form
@require_http_methods(["GET", "HEAD", "POST"])
def accessibility(request):
    """The accessibility statement (an editable page) with its feedback form."""
    page = get_object_or_404(FlatPage, url="/barrierefreiheit/", sites=settings.SITE_ID)
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        refused = posting_guard.check(request, "feedback") if form.is_valid() else None
        if refused:
            form.add_error(refused.field, refused.message)
        elif form.is_valid():
            submit_feedback(form)
            messages.success(
                request,
                "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen. "
                "Wir melden uns per E-Mail bei Ihnen.",
            )
            return redirect(request.path + "#rueckmeldung")
    else:
        form = AccessibilityFeedbackForm()
    return render(request, "flatpages/accessibility.html", {"flatpage": page, "form": form})


@require_http_methods(["GET", "HEAD"])
def privacy(request):
    """The privacy statement (an editable page) with what "Meine Beiträge" does to each kind
    of contribution, from the rules themselves (common/own_data.py), so the page and the
    erasure never disagree."""
    page = get_object_or_404(FlatPage, url="/datenschutz/", sites=settings.SITE_ID)
    return render(
        request, "flatpages/privacy.html", {"flatpage": page, "own_data_kinds": own_data.kinds()}
    )


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
