"""Every public form as a visitor uses it, for the HTML check: sent empty (the page with
its errors), then filled in (the sent page), then the mailed link opened (the page with
its one button) and the button pressed (the result). Yields (address, response) for each
page a visitor sees on the way.

The forms are read from their pages and filled in the way a person would (every field
the page shows, required boxes ticked, the first choice of each list), so a new field
needs no change here.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from tests.support.browser_client import TOKEN_FIELD

TEXT = "Ein Beispieltext für die Prüfung mit dem Nu Html Checker, lang genug für jedes Feld."
# One person uses every form (the manage link reaches the address that subscribed); the
# test lifts the site's limit of mails per mailbox.
VALUES_BY_TYPE = {
    "email": "paula.pruefung@example.org",
    "url": "https://example.org/",
    "number": "1",
    "date": "2024-05-01",
    "tel": "0211 123456",
}
# Fields a person leaves empty: the honeypot only bots fill in.
LEFT_EMPTY = re.compile(r"honeypot|^website$")
SITE_LINK = re.compile(r"https?://[^/\s]+(/[^\s\"'<>]+)")


class _FormReader(HTMLParser):
    """The POST forms of a page with their fields: (action, [(tag, attrs, options)])."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._fields = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._fields = []
                self.forms.append((attrs.get("action") or "", self._fields))
            else:
                self._fields = None
        elif self._fields is None:
            return
        elif tag in ("input", "textarea", "button") and attrs.get("name"):
            self._fields.append((tag, attrs, []))
        elif tag == "select" and attrs.get("name"):
            self._select = (tag, attrs, [])
            self._fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select[2].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select":
            self._select = None


def post_forms(html):
    reader = _FormReader()
    reader.feed(html)
    return reader.forms


def filled(fields, everything=True) -> dict:
    """The data a browser sends: hidden fields as they are, and (with `everything`) the
    visible ones filled in; without it, only what the page put there itself."""
    data = {}
    for tag, attrs, options in fields:
        name, kind = attrs["name"], (attrs.get("type") or "text").lower()
        if name == TOKEN_FIELD:
            continue
        if kind == "hidden":
            data.setdefault(name, attrs.get("value", ""))
        elif not everything or LEFT_EMPTY.search(name) or kind == "file":
            continue
        elif tag == "button" or kind == "submit":
            data.setdefault(name, attrs.get("value", ""))
        elif kind == "checkbox":
            # Required boxes, and the first of each group (a choice of fields or goals).
            if "required" in attrs or "checked" in attrs or name not in data:
                data.setdefault(name, attrs.get("value", "on"))
        elif kind == "radio":
            data.setdefault(name, attrs.get("value", "on"))
        elif tag == "select":
            data.setdefault(name, next((o for o in options if o), ""))
        elif kind == "email" or "required" in attrs:
            # What a person fills in: the address and every required field, within its
            # length; optional fields (an organisation, a website) stay empty.
            value = VALUES_BY_TYPE.get(kind, TEXT)
            data.setdefault(name, value[: int(attrs.get("maxlength") or len(value))])
    return data


def use_form(client, outbox, page, action, fields, everything=True):
    """Send one form; then open each site link mailed because of it and press its button."""
    sent_before = len(outbox)
    response = client.post(action, filled(fields, everything), follow=True)
    yield f"{action} ({'ausgefüllt' if everything else 'leer'}, von {page})", response
    for message in outbox[sent_before:]:
        for path in dict.fromkeys(SITE_LINK.findall(message.body)):
            link_page = client.get(path)
            if not link_page["Content-Type"].startswith("text/html"):
                continue
            yield f"{path} (Link aus der Mail)", link_page
            html = link_page.content.decode()
            for form_action, form_fields in post_forms(html):
                if urlsplit(urljoin(path, form_action)).path == urlsplit(path).path:
                    pressed = client.post(path, filled(form_fields), follow=True)
                    yield f"{path} (Knopf gedrückt)", pressed
                    break


def form_journeys(client, outbox, pages, done):
    """Every POST form on the given pages ({address: html}), each action once (the kinds
    of actions used are kept in `done`)."""
    for page, html in list(pages.items()):
        if " " in page:
            continue  # a step of a journey, not a page a visitor opens by its address
        for action, fields in post_forms(html):
            target = urlsplit(urljoin(page, action)).path
            kind = re.sub(r"\d+", "N", target)
            if kind in done:
                continue
            done.add(kind)
            client.get(page)  # the form's own token, as the browser has it
            yield from use_form(client, outbox, page, target, fields, everything=False)
            client.get(page)
            yield from use_form(client, outbox, page, target, fields)
