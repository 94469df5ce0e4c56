"""Staff sign-in: throttled per account and per address, an optional (or required) second
factor with recovery codes, strong passwords, sessions that end, changes that are logged."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "ein-langes-Passwort-2026"


@pytest.fixture(autouse=True)
def _pause_outlasts_a_slow_machine(settings):
    """django-otp pauses a device for FACTOR * 2^(failures - 1) seconds after wrong codes
    (1 s by default). On a loaded CI machine the next request of a test could come after
    that second, and the pause the test looks for would be over: a minute is certain. The
    tests reset the pause where the person would have waited."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    settings.OTP_STATIC_THROTTLE_FACTOR = 60


@pytest.fixture
def staff(make_staff):
    user = make_staff("erika.redaktion", "Redaktion")
    user.set_password(PASSWORD)
    user.save()
    return user


def login(client, username="erika.redaktion", password=PASSWORD, code=None, address="203.0.113.7"):
    data = {"username": username, "password": password, "next": "/admin/"}
    if code is not None:
        data["otp_token"] = code
    return client.post("/admin/login/", data, REMOTE_ADDR=address)


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, staff):
    for _ in range(4):
        response = login(client, password="falsch")
        assert response.status_code == 200
        assert "Bitte Benutzername und Passwort" in response.content.decode()
    locked = login(client, password="falsch")
    assert locked.status_code == 429
    # The right password is refused too while the lock holds, with a German explanation.
    response = login(client)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "für 15 Minuten gesperrt" in html and "Zugriffsversuche" in html
    assert "_auth_user_id" not in client.session


def test_an_admin_lifts_the_lock_and_the_right_password_works_again(client, staff):
    for _ in range(5):
        login(client, password="falsch")
    assert AccessAttempt.objects.filter(username="erika.redaktion").exists()
    call_command("axes_reset_username", "erika.redaktion", verbosity=0)
    response = login(client)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_one_address_trying_many_accounts_is_locked_too(client, staff, make_staff):
    for n in range(5):
        login(client, username=f"geraten{n}", password="falsch", address="198.51.100.9")
    assert login(client, address="198.51.100.9").status_code == 429
    # Another address may still sign in to the (unlocked) account.
    assert login(client, address="192.0.2.44").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_address_lock(client, staff, settings):
    settings.TRUSTED_PROXIES = []
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": f"geraten{n}", "password": "falsch"},
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = client.post(
        "/admin/login/",
        {"username": "erika.redaktion", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.9",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429


def set_up_second_factor(client):
    """Walk through /admin/zwei-faktor/ as the staff member would; returns the recovery codes."""
    page = client.get("/admin/zwei-faktor/").content.decode()
    assert "Scannen Sie den QR-Code" in page and "<svg" in page
    assert 'role="img"' in page and "QR-Code für Ihre Authenticator-App" in page
    device = TOTPDevice.objects.get(confirmed=False)
    key = re.search(r"Schlüssel: <code>([A-Z2-7 ]+)</code>", page)[1].replace(" ", "")
    assert key  # shown for typing by hand
    wrong = client.post("/admin/zwei-faktor/", {"code": "000000"}).content.decode()
    assert "Der Code stimmt nicht." in wrong
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    paused = client.post("/admin/zwei-faktor/", {"code": current_code(device)}).content.decode()
    assert "Nach einem falschen Code ist die Prüfung kurz gesperrt." in paused
    # The person types the next code after the pause.
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    done = client.post("/admin/zwei-faktor/", {"code": current_code(device)}).content.decode()
    assert "Die Zwei-Faktor-Anmeldung ist eingerichtet." in done
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done)
    assert len(codes) == 10
    # The next login comes at least one 30-second step later: allow the next code.
    TOTPDevice.objects.filter(confirmed=True).update(last_t=-1)
    return codes


def test_second_factor_once_set_up_is_asked_for_at_every_login(client, staff):
    assert login(client).status_code == 302
    codes = set_up_second_factor(client)
    client.logout()

    missing = login(client).content.decode()
    assert "Für Ihr Konto ist die Zwei-Faktor-Anmeldung eingerichtet." in missing
    assert "_auth_user_id" not in client.session
    wrong = login(client, code="123456").content.decode()
    assert "Der Code stimmt nicht oder ist abgelaufen." in wrong

    device = TOTPDevice.objects.get(user=staff, confirmed=True)
    paused = login(client, code=current_code(device)).content.decode()
    assert "Nach mehreren falschen Codes ist die Prüfung kurz gesperrt." in paused
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert login(client, code=current_code(device)).status_code == 302
    assert "<title>Inhalte und Moderation" in client.get("/admin/").content.decode()
    client.logout()

    # A recovery code works once.
    assert login(client, code=codes[0]).status_code == 302
    client.logout()
    again = login(client, code=codes[0]).content.decode()
    assert "Der Code stimmt nicht oder ist abgelaufen." in again
    StaticDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert login(client, code=codes[1]).status_code == 302
    status = client.get("/admin/zwei-faktor/").content.decode()
    assert "Noch nicht benutzte Wiederherstellungscodes: 8." in status


def test_a_session_without_the_factor_is_not_enough_once_one_is_set_up(client, staff):
    client.force_login(staff)  # a session from before the factor was set up
    set_up_second_factor(client)
    other = client.__class__()
    other.force_login(staff)  # password only, e.g. an old session cookie
    assert other.get("/admin/goals/goal/").status_code == 302


def test_required_second_factor_sends_staff_to_the_setup_first(client, staff, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    assert login(client).status_code == 302
    response = client.get("/admin/goals/goal/")
    assert response.status_code == 302 and response["Location"] == "/admin/zwei-faktor/"
    page = client.get("/admin/zwei-faktor/").content.decode()
    assert "Für Mitarbeitende ist die Zwei-Faktor-Anmeldung vorgeschrieben." in page
    set_up_second_factor(client)
    assert client.get("/admin/goals/goal/").status_code == 200
    # It cannot be switched off while required: no button, and a crafted POST does nothing.
    assert (
        "Zwei-Faktor-Anmeldung ausschalten"
        not in client.get("/admin/zwei-faktor/").content.decode()
    )
    client.post_holding_a_token("/admin/zwei-faktor/ausschalten/")
    assert TOTPDevice.objects.filter(user=staff).exists()


def test_second_factor_can_be_switched_off_when_optional(client, staff):
    login(client)
    set_up_second_factor(client)
    response = client.post(
        "/admin/zwei-faktor/ausschalten/", follow=True, form_page="/admin/zwei-faktor/"
    )
    assert "Die Zwei-Faktor-Anmeldung ist ausgeschaltet." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    client.logout()
    assert login(client).status_code == 302


def test_short_staff_passwords_are_refused_in_german(client, staff):
    login(client)
    response = client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": "kurz-123", "new_password2": "kurz-123"},
    )
    html = response.content.decode()
    assert "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten." in html
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_staff_sessions_end_after_an_hour_without_a_request(client, staff, settings):
    login(client)
    assert client.session.get_expiry_age() == 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST  # each request pushes the end back


def test_every_admin_change_is_attributed_to_its_author(client, staff):
    from django.contrib.flatpages.models import FlatPage

    login(client)
    page = FlatPage.objects.get(url="/impressum/")
    client.post(
        f"/admin/flatpages/flatpage/{page.pk}/change/",
        {
            "url": page.url,
            "title": "Impressum (neu)",
            "content": page.content,
            "sites": [1],
            "template_name": page.template_name,
        },
    )
    entry = LogEntry.objects.get(object_id=str(page.pk))
    assert (entry.user, entry.object_repr) == (staff, "/impressum/ -- Impressum (neu)")
