"""Server-side thread rendering: one page of top-level threads in two queries.

The package's tree tag costs two queries per comment. Here one aggregate
counts threads and comments, one query fetches every comment of the page's
threads (ordered by the package's thread_id/order), and the tree is built
in Python. Hidden comments are fetched too: they stay in the tree as a
placeholder so their replies keep their place.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.urls import reverse

from dialog.comments import state
from dialog.comments.commentable import policy_for
from dialog.comments.xtd import XtdComment

PER_PAGE = 10
PAGE_PARAM = "seite"
SORT_PARAM = "sortierung"
OLDEST = "aelteste"


def is_official(comment) -> bool:
    """Written by a logged-in staff member: shown as the state government's answer."""
    return comment.user_id is not None and comment.user.is_staff


def decision_of(comment):
    """The comment's CommentDecision, or None (selected with the thread)."""
    try:
        return comment.decision
    except XtdComment.decision.RelatedObjectDoesNotExist:
        return None


def sender_of(comment):
    """The comment's CommentSender ("Ich schreibe als"), or None."""
    try:
        return comment.sender
    except XtdComment.sender.RelatedObjectDoesNotExist:
        return None


def hidden_reason(comment) -> str:
    try:
        return comment.moderation.hidden_reason_text
    except XtdComment.moderation.RelatedObjectDoesNotExist:
        return ""


def author_change_of(comment):
    """The comment's AuthorChange (corrected or withdrawn by its author), or None."""
    try:
        return comment.author_change
    except XtdComment.author_change.RelatedObjectDoesNotExist:
        return None


def can_reply_to(comment) -> bool:
    # Levels 0..3: a top-level comment and replies three levels deep.
    return state.is_visible(comment) and comment.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL


@dataclass
class Node:
    comment: XtdComment
    official: bool
    removed_reason: str
    can_reply: bool
    decision: object = None
    sender: object = None
    change: object = None  # AuthorChange: "bearbeitet am …" or "Vom Verfasser zurückgezogen"
    children: list["Node"] = field(default_factory=list)


def shown_comments(obj):
    """Released comments of one object, hidden ones included (they render as placeholders)."""
    return state.comments().on(obj).released()


def _thread_order(oldest: bool) -> tuple[str, str]:
    return ("submit_date", "pk") if oldest else ("-submit_date", "-pk")


def build_tree(comments, is_open: bool) -> dict[int, Node]:
    """Nodes of top-level comments by thread id; `comments` ordered by (thread_id, order)."""
    nodes: dict[int, Node] = {}
    roots: dict[int, Node] = {}
    for comment in comments:
        node = Node(
            comment=comment,
            official=is_official(comment),
            removed_reason=hidden_reason(comment) if state.is_hidden(comment) else "",
            can_reply=is_open and can_reply_to(comment),
            decision=decision_of(comment),
            sender=sender_of(comment),
            change=author_change_of(comment),
        )
        nodes[comment.pk] = node
        if comment.level == 0:
            roots[comment.thread_id] = node
        elif comment.parent_id in nodes:
            nodes[comment.parent_id].children.append(node)
        # A reply whose parent is not released (cannot happen through the
        # site) is left out rather than shown out of context.
    return roots


def thread_context(request, obj, per_page: int = PER_PAGE) -> dict:
    """Everything _thread.html needs for one commentable object."""
    from dialog.comments.forms import CommentForm

    policy = policy_for(obj)
    is_open = policy.is_open(obj)
    shown = shown_comments(obj)
    totals = shown.aggregate(
        threads=Count("pk", filter=Q(level=0)), comments=Count("pk", filter=~state.HIDDEN)
    )
    oldest = request.GET.get(SORT_PARAM) == OLDEST
    order = _thread_order(oldest)
    top_level = shown.filter(level=0).order_by(*order)
    paginator = Paginator(top_level, per_page)
    paginator.count = totals["threads"]  # known already: spare the paginator's COUNT query
    page = paginator.get_page(request.GET.get(PAGE_PARAM))

    threads: list[Node] = []
    if totals["threads"]:
        start = (page.number - 1) * per_page
        page_ids = top_level.values("pk")[start : start + per_page]
        comments = (
            shown.filter(thread_id__in=page_ids)
            .select_related("user", "moderation", "decision", "sender", "author_change")
            .prefetch_related("decision__result")
            .order_by("thread_id", "order")
        )
        roots = build_tree(comments, is_open)
        threads = sorted(
            roots.values(),
            key=lambda n: (n.comment.submit_date, n.comment.pk),
            reverse=not oldest,
        )

    def url(**params):
        query = {SORT_PARAM: OLDEST} if oldest else {}
        query.update({k: v for k, v in params.items() if v is not None})
        return "?" + urlencode(query) + "#kommentare" if query else "?#kommentare"

    user = request.user
    staff = user.is_authenticated and user.is_staff
    return {
        "object": obj,
        "is_open": is_open,
        "closed_note": "" if is_open else policy.closed_note(obj),
        "premoderated": policy.premoderated(obj) if is_open else False,
        "form": CommentForm(obj, staff_user=user if staff else None) if is_open else None,
        "staff": staff,
        "threads": threads,
        "page": page,
        "paginator": paginator,
        "comment_count": totals["comments"],
        "thread_count": totals["threads"],
        "oldest": oldest,
        "newest_url": "?#kommentare",
        "oldest_url": "?" + urlencode({SORT_PARAM: OLDEST}) + "#kommentare",
        "previous_url": url(seite=page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(seite=page.next_page_number()) if page.has_next() else "",
    }


def page_of(comment, per_page: int = PER_PAGE) -> int:
    """The page (newest first) that shows a comment's thread, for permalinks."""
    top = state.comments().only("pk", "submit_date").get(pk=comment.thread_id)
    newer = (
        shown_comments(comment.content_object)
        .filter(level=0)
        .filter(Q(submit_date__gt=top.submit_date) | Q(submit_date=top.submit_date, pk__gt=top.pk))
        .count()
    )
    return newer // per_page + 1


def permalink(comment) -> str:
    return reverse("comment-permalink", args=[comment.pk])


def object_url_for(comment, per_page: int = PER_PAGE) -> str:
    """The object's page, on the right page of threads, scrolled to the comment."""
    page = page_of(comment, per_page)
    query = f"?{PAGE_PARAM}={page}" if page > 1 else ""
    return f"{comment.content_object.get_absolute_url()}{query}#kommentar-{comment.pk}"
