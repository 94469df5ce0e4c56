from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send a strict Content-Security-Policy on every response.

    Nothing inline and nothing from a third party: scripts, styles, fonts and
    images come from our own origin only. Frames are allowed only from the
    video hosts a visitor opts into with the two-click embed.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        frame_src = " ".join(["'self'", *settings.CSP_FRAME_SRC])
        self.policy = "; ".join(
            [
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                f"frame-src {frame_src}",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'",
            ]
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.policy)
        # Only features the Permissions-Policy specification knows: browsers warn about
        # unknown ones (the FLoC trial's interest-cohort ended in 2021).
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
