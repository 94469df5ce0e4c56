"""Django's test client, posting the way a browser does.

A browser can only post a form it was shown: it sends the fields of that form (with the
CSRF token the page put into it, if any), its cookies and an Origin header. Django's own
test client skips the CSRF check unless asked, which once hid a confirmation button that
answered 403 to every real visitor. This client enforces CSRF, sends the Origin of the site
with every POST, and takes the token from the form on the page: the last page it was shown
that has a form posting to that address, else the page `form_page` names, else the address
itself opened with GET. A form without a token posts without one, and a view that needs it
answers 403, as it would in a browser. A signed-in test that posts where no page shows a
form fails with a message that says so; a visitor (no session) without a page posts without
a token, which only the Origin-checked public forms accept.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.test import Client

TOKEN_FIELD = "csrfmiddlewaretoken"


class _Forms(HTMLParser):
    """The POST forms of a page: (action, token or None) each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._open = {"action": attrs.get("action") or "", "token": None}
                self.forms.append(self._open)
            else:
                self._open = None
        elif tag == "input" and self._open is not None and attrs.get("name") == TOKEN_FIELD:
            self._open["token"] = attrs.get("value")

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def post_forms(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class NoFormError(AssertionError):
    pass


class BrowserClient(Client):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("enforce_csrf_checks", True)
        super().__init__(*args, **kwargs)
        self.last_page = None  # (full path, html) of the last HTML answer

    def request(self, **request):
        response = super().request(**request)
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            query = request.get("QUERY_STRING", "")
            path = request["PATH_INFO"] + (f"?{query}" if query else "")
            self.last_page = (path, response.content.decode(errors="replace"))
        return response

    def post(self, path, data=None, *args, form_page=None, **kwargs):
        secure = kwargs.get("secure", False)
        origin = f"{'https' if secure else 'http'}://testserver"
        if "HTTP_ORIGIN" not in kwargs:  # a test may pose as another site
            kwargs["headers"] = {"Origin": origin, **(kwargs.get("headers") or {})}
        if isinstance(data, dict | type(None)) and TOKEN_FIELD not in (data or {}):
            token = self.form_token(path, form_page, secure=secure)
            if token is not None:
                data = {**(data or {}), TOKEN_FIELD: token}
        return super().post(path, data, *args, **kwargs)

    @property
    def signed_in(self) -> bool:
        return settings.SESSION_COOKIE_NAME in self.cookies

    def post_holding_a_token(self, path, data=None, **kwargs):
        """POST as a browser that holds a valid token from another form of the site: a
        crafted request to an address that shows this visitor no form (a reading page, a
        download, an admin page their group may not open), where the view's own answer
        (405, 403) is what the test is about, not the CSRF refusal a bare POST gets first."""
        secret = "t" * 32  # Django accepts its unmasked 32-character secret as the token
        self.cookies[settings.CSRF_COOKIE_NAME] = secret
        return self.post(path, {**(data or {}), TOKEN_FIELD: secret}, **kwargs)

    def form_token(self, path, form_page=None, secure=False):
        """The token of the form that posts to `path` on the page a visitor would use."""
        if form_page is None and self.last_page is not None:
            found = _form_for(path, *self.last_page)
            if found is not None:
                return found["token"]
        page = form_page or path
        response = self.get(page, secure=secure)
        html = "" if response.streaming else response.content.decode(errors="replace")
        found = _form_for(path, page, html)
        if found is None and form_page is None and not self.signed_in:
            # A visitor's public forms check the Origin, never a token (common/csrf.py);
            # anywhere else a POST without one is refused, as in a browser.
            return None
        if found is None:
            raise NoFormError(
                f"No page shows a form that posts to {path} (looked at {page}, "
                f"status {response.status_code}); open the page with the form first, "
                "or name it with form_page=."
            )
        return found["token"]


def _form_for(path: str, page: str, html: str):
    target = urlsplit(path).path
    for form in post_forms(html):
        if urlsplit(urljoin(page, form["action"])).path == target:
            return form
    return None
