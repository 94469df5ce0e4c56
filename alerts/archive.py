"""The public archive of sent newsletters; staff see unsent ones as a preview."""

from django.shortcuts import get_object_or_404, render

from .models import Newsletter


def newsletter_list(request):
    return render(
        request, "alerts/newsletter_list.html", {"newsletters": Newsletter.objects.sent()}
    )


def newsletter_detail(request, pk):
    visible = Newsletter.objects.all()
    if not request.user.has_perm("alerts.view_newsletter"):
        visible = visible.sent()
    newsletter = get_object_or_404(visible, pk=pk)
    return render(request, "alerts/newsletter_detail.html", {"newsletter": newsletter})
