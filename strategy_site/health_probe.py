"""Answer the load balancer's /healthz before anything looks at the host name.

A load balancer probes each app server by its address (`http://10.0.0.5:8000/healthz`),
with no `Host: digitalstrategie.nrw` and no `X-Forwarded-Proto`. `request.get_host()`
(CommonMiddleware and later) would raise DisallowedHost, a 400: a healthy server would
look dead. This middleware sits right after the security headers and hands only that
path to the health view, which never reads the host. The HTTPS redirect skips the
path through Django's own SECURE_REDIRECT_EXEMPT (settings.py).
"""

from django.urls import reverse

from strategy_site.views.health import healthz


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.path = None

    def __call__(self, request):
        if self.path is None:
            self.path = reverse("healthz")
        if request.path_info == self.path and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
