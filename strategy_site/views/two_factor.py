"""Admin pages where a staff member sets up, renews or removes the second factor."""

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import site
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_NAME = "Authenticator-App"
CODES_NAME = "Wiederherstellungscodes"


class ConfirmForm(forms.Form):
    code = forms.CharField(
        label="Code aus der App",
        max_length=6,
        min_length=6,
        help_text="Die sechs Ziffern, die Ihre App gerade anzeigt.",
        error_messages={
            "required": "Bitte geben Sie den sechsstelligen Code aus Ihrer App ein.",
            "min_length": "Der Code hat sechs Ziffern.",
            "max_length": "Der Code hat sechs Ziffern.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            # django-otp pauses a device for a few seconds after each wrong code.
            raise forms.ValidationError(
                "Nach einem falschen Code ist die Prüfung kurz gesperrt. Bitte warten Sie "
                "einige Sekunden und geben Sie dann den aktuellen Code ein."
            )
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                "Der Code stimmt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und "
                "geben Sie den Code ein, den die App jetzt anzeigt."
            )
        return code


def _pending_app(user) -> TOTPDevice:
    """The not yet confirmed app device of this setup (one per user, reused on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    # Our own generated markup; the title makes it an image with a name for screen readers.
    return mark_safe(
        svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-titel" ', 1).replace(
            ">", '><title id="qr-titel">QR-Code für Ihre Authenticator-App</title>', 1
        )
    )


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def _page(request, context):
    context = {
        **site.each_context(request),
        "title": "Zwei-Faktor-Anmeldung",
        "required": settings.STAFF_TWO_FACTOR_REQUIRED,
        **context,
    }
    return TemplateResponse(request, "admin/two_factor.html", context)


@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if app is not None:
        if request.method == "POST" and request.POST.get("aktion") == "neue-codes":
            return _page(request, {"app": app, "codes": _new_recovery_codes(user)})
        remaining = StaticToken.objects.filter(device__user=user).count()
        return _page(request, {"app": app, "remaining": remaining})

    pending = _pending_app(request.user)
    form = ConfirmForm(pending, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            codes = _new_recovery_codes(user)
        otp_login(request, pending)
        return _page(request, {"app": pending, "codes": codes, "just_set_up": True})
    secret = base64.b32encode(pending.bin_key).decode()
    return _page(
        request,
        {
            "form": form,
            "qr": _qr_svg(pending.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )


@require_POST
def remove(request):
    if settings.STAFF_TWO_FACTOR_REQUIRED:
        messages.error(
            request, "Die Zwei-Faktor-Anmeldung ist für alle Mitarbeitenden vorgeschrieben."
        )
        return redirect("admin:two_factor")
    TOTPDevice.objects.filter(user=request.user).delete()
    StaticDevice.objects.filter(user=request.user).delete()
    messages.success(request, "Die Zwei-Faktor-Anmeldung ist ausgeschaltet.")
    return redirect("admin:index")
