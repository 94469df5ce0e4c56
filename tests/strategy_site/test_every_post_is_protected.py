"""No address takes a forged POST, and every form carries what its address checks.

Three ways a POST is protected here: Django's CSRF middleware with the token in the form
(staff and signed-in users), the Origin check of `csrf_protect_public_form` for visitors
(no cookie for readers), and for mailed links whose random token is the credential,
`link_is_credential`. A view exempt from CSRF by any other means, or a form that posts to
a token-checked address without the token, once made the alert confirmation button answer
403 to every visitor while the test client, which skipped CSRF, stayed green.
"""

import re
from pathlib import Path

from django.conf import settings
from django.urls import URLResolver, get_resolver

TEMPLATES = Path(settings.BASE_DIR) / "templates"
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
ACTION_URL = re.compile(r"""action="\{% url ['"]([\w:-]+)['"]""")
TOKEN = "{% csrf_token %}"
READERS_TOKEN = "{% if request.user.is_authenticated %}{% csrf_token %}{% endif %}"
# Forms that post to the page that shows them, and the views that render them.
SELF_POSTING = {
    # every view of confirm_by_button (common/confirmation.py) has the same wrapper
    "confirmation/confirm.html": "alerts:confirm",
    "dialog/statements/submit.html": "dialog:statement-submit",
    "goals/priorities.html": "goals:priorities",
    "dialog/comments/report.html": "comment-flag",
    # the withdraw address is passed in (goals/contributions/support_views.py)
    "goals/contributions/supported.html": "goals:idea-support-withdraw",
    # "Meine Beiträge": the item's own page posts back to itself
    "selfservice/withdraw.html": "selfservice:withdraw",
    "selfservice/edit.html": "selfservice:edit",
}


def _views(resolver=None, route="", namespace=""):
    """(route, name, view) of every URL pattern, included ones too."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views(pattern, route + str(pattern.pattern), inner)
        else:
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield route + str(pattern.pattern), name, pattern.callback


def _protection(view) -> str:
    if getattr(view, "public_form", False):
        return "origin"
    if getattr(view, "link_is_credential", False):
        return "link"
    if getattr(view, "csrf_exempt", False):
        return "none"
    return "token"


def test_every_address_is_token_checked_origin_checked_or_behind_a_mailed_token():
    views = list(_views())
    assert len(views) > 100  # the admin's and ours: the walk reached the included ones
    unprotected = [route for route, _, view in views if _protection(view) == "none"]
    assert unprotected == []
    # The three kinds are all in use, and every public form is among the walked views.
    kinds = {_protection(view) for _, _, view in views}
    assert kinds == {"origin", "link", "token"}


def _post_forms():
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        for form in FORM.findall(text):
            if re.search(r'method="post"', form, re.I):
                yield str(path.relative_to(TEMPLATES)), form


def test_every_post_form_carries_the_token_its_address_checks():
    by_name = {name: view for _, name, view in _views() if name}
    forms = list(_post_forms())
    assert len(forms) >= 15
    wrong = []
    for template, form in forms:
        found = ACTION_URL.search(form)
        name = found.group(1) if found else SELF_POSTING.get(template)
        if name is None:
            # An admin page of our own: posts to itself, a staff view behind the token.
            assert template.startswith("admin/"), template
            kind = "token"
        else:
            kind = _protection(by_name[name])
        has_token = TOKEN in form
        if kind == "token" and (not has_token or READERS_TOKEN in form):
            wrong.append(f"{template}: posts to a token-checked view without {TOKEN}")
        if kind == "origin" and READERS_TOKEN not in form:
            # Signed-in users get the full token check on public forms too.
            wrong.append(f"{template}: a public form without the token for signed-in users")
        if kind == "link" and has_token:
            wrong.append(f"{template}: sets a CSRF cookie on a page reached by a mailed link")
    assert wrong == []
