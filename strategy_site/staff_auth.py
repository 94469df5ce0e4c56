"""Staff sign-in: password, then (once set up, or always if required) a second factor.

- django-axes throttles the admin login per account and per address
  (settings AXES_*); a lockout shows a German page, staff with the right lift it
  under "Zugriffsversuche" in the admin or with `manage.py axes_reset`.
- django-otp holds the factors: an authenticator app (TOTP) and ten one-time
  recovery codes. The login form asks for one code field and tries only the
  user's own confirmed devices, the app for six digits, the recovery codes
  otherwise.
- STAFF_TWO_FACTOR_REQUIRED makes the factor mandatory: until a staff member
  has set it up, every admin page leads to the setup page.
"""

import ipaddress

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import path, reverse
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.ratelimit import client_address

CODE_MISSING = (
    "Für Ihr Konto ist die Zwei-Faktor-Anmeldung eingerichtet. Bitte geben Sie den "
    "sechsstelligen Code aus Ihrer Authenticator-App oder einen Wiederherstellungscode ein."
)
CODE_WRONG = (
    "Der Code stimmt nicht oder ist abgelaufen. Bitte geben Sie den aktuellen Code aus Ihrer "
    "App ein oder einen noch nicht benutzten Wiederherstellungscode."
)
CODE_PAUSED = (
    "Nach mehreren falschen Codes ist die Prüfung kurz gesperrt. Bitte warten Sie eine "
    "Minute und versuchen Sie es dann noch einmal."
)


def verify_code(user, code: str):
    """The user's own confirmed device that accepts `code`, or None; raises if paused."""
    code = "".join(code.split())
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
    else:
        devices = StaticDevice.objects.devices_for_user(user, confirmed=True)
    paused = False
    for device in devices:
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            paused = True
            continue
        if device.verify_token(code):
            return device
    if paused:
        raise forms.ValidationError(CODE_PAUSED, code="paused")
    return None


class StaffLoginForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label="Bestätigungscode",
        required=False,
        max_length=16,
        help_text="Nur wenn Sie die Zwei-Faktor-Anmeldung eingerichtet haben: der Code aus "
        "Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            code = cleaned.get("otp_token", "")
            if not code:
                raise forms.ValidationError(CODE_MISSING, code="otp_missing")
            device = verify_code(user, code)
            if device is None:
                raise forms.ValidationError(CODE_WRONG, code="otp_wrong")
            # django_otp marks the session as verified on login (user_logged_in).
            user.otp_device = device
        return cleaned


def login_address(request) -> str | None:
    """The address axes records: ours (proxy-aware), or None when the request has none."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None  # e.g. a login without a socket (tests, management commands)


def lockout_response(request, original_response=None, credentials=None):
    """axes' lockout, as a German admin page with the wait time in minutes (429)."""
    from django.contrib.admin import site
    from django.template.response import TemplateResponse

    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    context = {**site.each_context(request), "title": "Anmeldung gesperrt", "minutes": minutes}
    return TemplateResponse(request, "admin/locked_out.html", context, status=429).render()


def has_factor(user) -> bool:
    """Whether the user has set up a second factor; asked once per request."""
    if not hasattr(user, "_has_second_factor"):
        user._has_second_factor = user_has_device(user, confirmed=True)
    return user._has_second_factor


def needs_setup(user) -> bool:
    return settings.STAFF_TWO_FACTOR_REQUIRED and user.is_authenticated and not has_factor(user)


def lacks_second_factor(user) -> bool:
    """A staff session that has not shown a second factor although one is required (by the
    setting, or because the person set one up)."""
    if not (user.is_authenticated and user.is_staff):
        return False
    if user.is_verified():
        return False
    return settings.STAFF_TWO_FACTOR_REQUIRED or has_factor(user)


class UnverifiedStaffAreVisitors:
    """Two factors mean two factors: outside the admin (where such a session is sent to the
    2FA setup), a staff session without its second factor is an anonymous visitor. No
    official badge, no publishing without confirmation, no drafts, previews, unpublished
    statements or their PDFs. Runs after django_otp's middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("admin:index")

    def __call__(self, request):
        if not request.path.startswith(self.admin_prefix) and lacks_second_factor(request.user):
            request.user = AnonymousUser()
        return self.get_response(request)


class StaffAdminSite(AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/staff_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        # A staff member with a factor must have used it in this session.
        if has_factor(request.user):
            return request.user.is_verified()
        return True

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            allowed = {reverse("admin:two_factor"), reverse("admin:logout")}
            if needs_setup(request.user) and request.path not in allowed:
                return redirect("admin:two_factor")
            return inner(request, *args, **kwargs)

        guarded.__wrapped__ = inner
        for attribute in ("csrf_exempt", "login_required"):
            if hasattr(inner, attribute):
                setattr(guarded, attribute, getattr(inner, attribute))
        return guarded

    def get_urls(self):
        from strategy_site.views import two_factor

        return [
            path(
                "zwei-faktor/",
                self.admin_view(two_factor.setup),
                name="two_factor",
            ),
            path(
                "zwei-faktor/ausschalten/",
                self.admin_view(two_factor.remove),
                name="two_factor_remove",
            ),
            *super().get_urls(),
        ]
