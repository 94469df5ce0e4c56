"""Form data for admin pages, as a browser would send it."""

from html.parser import HTMLParser

# The "Kommentare" switches every commentable model's admin gets from its registration.
SWITCHES = "dialog-commentoptions-content_type-object_pk"


def switches(closed=False, note=""):
    data = {
        f"{SWITCHES}-TOTAL_FORMS": "1",
        f"{SWITCHES}-INITIAL_FORMS": "0",
        f"{SWITCHES}-MIN_NUM_FORMS": "0",
        f"{SWITCHES}-MAX_NUM_FORMS": "1",
        f"{SWITCHES}-0-closed_note": note,
    }
    if closed:
        data[f"{SWITCHES}-0-closed"] = "on"
    return data


def goal_form_extras(goal=None):
    """The goal form's provenance fields and its lineage and indicator inlines, untouched."""
    data = {
        "horizon_provenance": getattr(goal, "horizon_provenance", "amtlich"),
        "target_provenance": getattr(goal, "target_provenance", "amtlich"),
        "ministry_provenance": getattr(goal, "ministry_provenance", "amtlich"),
        "ending_reason": getattr(goal, "ending_reason", ""),
    }
    for prefix in ("lineage_back", "indicators"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


class _CurrentValues(HTMLParser):
    """The fields of a page's POST forms with the values they show, as a browser sends them
    unchanged (checked boxes, selected options, text areas' text; no buttons)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._fields = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._fields = []
            self.forms.append(self._fields)
        elif self._fields is None or attrs.get("disabled") is not None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
        elif tag == "option" and self._select is not None and "selected" in attrs:
            self._fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one line break right after <textarea>.
            self._fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_as_shown(html: str, **changes) -> dict:
    """The admin change form of `html` (its largest POST form) with `changes` applied:
    what a browser sends when a person edits those fields and presses a button."""
    reader = _CurrentValues()
    reader.feed(html)
    fields = max(reader.forms, key=len)
    data: dict[str, object] = {}
    for name, value in fields:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
