"""Demo posts: success stories around the known facts of the strategy (seed/FACTS.md).

The posts are data: one file each in demo/data/blog/posts/ (a header of "key: value"
lines, "---", then the body as the editors' rich text), the categories in
demo/data/blog/categories.csv, the one picture beside them. Where a story adds detail
that is not known from public sources, its header names it ("example"), and the post
ends with a "Beispielinhalt" note, so nobody takes it for an official statement. Each
post is looked up by its slug (the file name) first, so a second run creates nothing.
"""

from django.core.files.base import ContentFile

from blog.models import Category, Post
from dialog.models import Theme
from goals.models import Goal

from .datafiles import DATA, items, moment, table, with_header

POSTS = DATA / "blog" / "posts"
# Appended to a post whose header names invented details ("example": what is invented).
EXAMPLE_NOTE = (DATA / "blog" / "example_note.html").read_text(encoding="utf-8").strip()
# "published:" of a draft: it has no date of its own yet.
DRAFT = "Entwurf"


def load(report) -> None:
    categories = {}
    for row in table("blog/categories.csv"):
        categories[row["slug"]], created = Category.objects.get_or_create(
            slug=row["slug"], defaults={"name": row["name"], "description": row["description"]}
        )
        report.record(f"Blog-Kategorie {row['slug']}", created)

    for path in sorted(POSTS.glob("*.html")):
        slug = path.stem
        header, body = with_header(path)
        post = Post.objects.filter(slug=slug).first()
        created = post is None
        if created:
            post = _create_post(slug, header, body, categories)
        report.record(f"Blog-Beitrag {slug}", created)
        _link_goals(report, post, header.get("goals", ""))
        _link_themes(report, post, items(header.get("themes", "")))


def _create_post(slug, header, body, categories) -> Post:
    if header.get("example"):
        body += "\n" + EXAMPLE_NOTE.format(header["example"])
    draft = header["published"] == DRAFT
    post = Post(
        slug=slug,
        title=header["title"],
        teaser=header["teaser"],
        body=body,
        status=Post.Status.DRAFT if draft else Post.Status.PUBLISHED,
        published_at=moment("jetzt+0" if draft else header["published"]),
    )
    if header.get("image"):
        picture = DATA / "blog" / header["image"]
        post.image = ContentFile(picture.read_bytes(), name=picture.name)
        post.image_alt = header["image_alt"]
    post.full_clean()
    post.save()
    post.categories.set([categories[s] for s in items(header["categories"])])
    return post


def _link_themes(report, post, slugs) -> None:
    linked = set(post.related_themes.values_list("slug", flat=True))
    for theme in Theme.objects.filter(slug__in=slugs):
        created = theme.slug not in linked
        if created:
            post.related_themes.add(theme)
        report.record(f"Blog-Beitrag {post.slug} → Thema {theme.slug}", created)


def _link_goals(report, post, wanted: str) -> None:
    """Link the goals a story is about, found by version and a phrase of their title
    ("2019: Gewerbe-Service-Portal; 2-0: digitale Bürgeramt").

    Runs for existing posts too, so a database loaded before the goals existed
    gets its links; a goal the strategy demo does not have is skipped.
    """
    linked = set(post.related_goals.values_list("pk", flat=True))
    for entry in items(wanted, ";"):
        version, _, phrase = entry.partition(": ")
        goal = Goal.objects.filter(version__slug=version, title__icontains=phrase).first()
        if goal is None:
            continue
        created = goal.pk not in linked
        if created:
            post.related_goals.add(goal)
            linked.add(goal.pk)
        report.record(f"Blog-Beitrag {post.slug} → Ziel {version}/{goal.number}", created)
